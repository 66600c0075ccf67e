package org.cwmpacs.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.cwmpacs.core.store.OperationStore;
import org.cwmpacs.core.transfer.Operation;
import org.cwmpacs.store.engine.Table;
import org.cwmpacs.store.engine.WriteOp;

/**
 * The {@code operations} collection in the embedded store. Ids are {@code <deviceId>:<commandKey>} and kept
 * in order, so a device's transfers are a range of ids (and a device without any is told so from memory).
 */
final class EmbeddedOperationStore implements OperationStore {
    private final Table operations;
    private final Executor reads;

    EmbeddedOperationStore(Table operations, Executor reads) {
        this.operations = operations;
        this.reads = reads;
    }

    @Override
    public CompletableFuture<Void> save(Operation op) {
        return operations.replace(op.id(), OperationDocuments.toDocument(op), true).thenApply(done -> null);
    }

    @Override
    public CompletableFuture<Optional<Operation>> find(String deviceId, String commandKey) {
        return CompletableFuture.supplyAsync(() -> operations.get(deviceId + ":" + commandKey)
                .map(doc -> OperationDocuments.fromDocument(deviceId, doc)), reads);
    }

    @Override
    public CompletableFuture<List<Operation>> forDevice(String deviceId) {
        List<Object> ids = operations.idsWithPrefix(OperationDocuments.prefix(deviceId));
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> {
            List<Operation> result = new ArrayList<>();
            for (Object id : ids) {
                operations.get(id).ifPresent(doc -> result.add(OperationDocuments.fromDocument(deviceId, doc)));
            }
            return result;
        }, reads);
    }

    @Override
    public CompletableFuture<Void> delete(String operationId) {
        return operations.delete(operationId).thenApply(done -> null);
    }

    @Override
    public void deleteForDevice(String deviceId) {
        List<WriteOp> ops = new ArrayList<>();
        for (Object id : operations.idsWithPrefix(OperationDocuments.prefix(deviceId))) {
            ops.add(new WriteOp.Delete(operations.name(), id));
        }
        if (!ops.isEmpty()) {
            operations.engine().writeAll(ops).join();
        }
    }
}
