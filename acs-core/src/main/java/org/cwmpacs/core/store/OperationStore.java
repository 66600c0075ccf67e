package org.cwmpacs.core.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cwmpacs.core.transfer.Operation;

/** The {@code operations} collection: transfers awaiting their TransferComplete. */
public interface OperationStore {
    CompletableFuture<Void> save(Operation operation);

    CompletableFuture<Optional<Operation>> find(String deviceId, String commandKey);

    CompletableFuture<List<Operation>> forDevice(String deviceId);

    CompletableFuture<Void> delete(String operationId);

    /** Deletes every pending transfer of a device. Blocking. */
    void deleteForDevice(String deviceId);
}
