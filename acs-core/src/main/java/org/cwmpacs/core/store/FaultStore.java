package org.cwmpacs.core.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cwmpacs.core.fault.Fault;

/** The {@code faults} collection. */
public interface FaultStore {
    CompletableFuture<Void> save(Fault fault);

    CompletableFuture<List<Fault>> forDevice(String deviceId);

    CompletableFuture<Void> delete(String faultId);

    /** Whether the fault is stored. Blocking. */
    boolean exists(String faultId);

    /** Deletes every fault of a device. Blocking. */
    void deleteForDevice(String deviceId);
}
