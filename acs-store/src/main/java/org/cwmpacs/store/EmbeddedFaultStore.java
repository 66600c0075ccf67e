package org.cwmpacs.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.cwmpacs.core.fault.Fault;
import org.cwmpacs.core.store.FaultStore;
import org.cwmpacs.store.engine.Filter;
import org.cwmpacs.store.engine.Projection;
import org.cwmpacs.store.engine.Sort;
import org.cwmpacs.store.engine.Table;

/** The {@code faults} collection in the embedded store, indexed by device. */
final class EmbeddedFaultStore implements FaultStore {
    private final Table faults;
    private final Executor reads;

    EmbeddedFaultStore(Table faults, Executor reads) {
        this.faults = faults;
        this.reads = reads;
    }

    @Override
    public CompletableFuture<Void> save(Fault fault) {
        return faults.replace(fault.id(), FaultDocuments.toDocument(fault), true).thenApply(done -> null);
    }

    @Override
    public CompletableFuture<List<Fault>> forDevice(String deviceId) {
        if (!faults.anyIndexed("device", deviceId)) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> {
            List<Fault> result = new ArrayList<>();
            for (Document doc : faults.findAll(Filter.compile(new Document("device", deviceId)), Projection.ALL,
                    Sort.NONE, 0, 0)) {
                result.add(FaultDocuments.fromDocument(doc));
            }
            return result;
        }, reads);
    }

    @Override
    public CompletableFuture<Void> delete(String faultId) {
        return faults.delete(faultId).thenApply(done -> null);
    }

    @Override
    public boolean exists(String faultId) {
        return faults.contains(faultId);
    }

    @Override
    public void deleteForDevice(String deviceId) {
        faults.deleteWhere(Filter.compile(new Document("device", deviceId))).join();
    }
}
