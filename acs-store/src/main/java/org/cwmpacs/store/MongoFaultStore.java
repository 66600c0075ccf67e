package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.cwmpacs.core.fault.Fault;
import org.cwmpacs.core.store.FaultStore;

/**
 * The {@code faults} collection in GenieACS's shape: {@code {_id: "<deviceId>:<channel>", device, channel,
 * timestamp, code, message, detail, retries, provisions, expiry?}}.
 */
final class MongoFaultStore implements FaultStore {
    private final MongoCollection<Document> faults;
    private final WriteBatcher batcher;
    private final Executor reads;

    MongoFaultStore(MongoCollection<Document> faults, WriteBatcher batcher, Executor reads) {
        this.faults = faults;
        this.batcher = batcher;
        this.reads = reads;
    }

    @Override
    public CompletableFuture<Void> save(Fault fault) {
        return batcher.submit(faults, new ReplaceOneModel<>(Filters.eq("_id", fault.id()), FaultDocuments.toDocument(fault),
                new ReplaceOptions().upsert(true))).thenApply(done -> null);
    }

    @Override
    public CompletableFuture<List<Fault>> forDevice(String deviceId) {
        return CompletableFuture.supplyAsync(() -> {
            List<Fault> result = new ArrayList<>();
            for (Document doc : faults.find(Filters.eq("device", deviceId))) {
                result.add(FaultDocuments.fromDocument(doc));
            }
            return result;
        }, reads);
    }

    @Override
    public boolean exists(String faultId) {
        return faults.countDocuments(Filters.eq("_id", faultId)) > 0;
    }

    @Override
    public void deleteForDevice(String deviceId) {
        faults.deleteMany(Filters.eq("device", deviceId));
    }

    @Override
    public CompletableFuture<Void> delete(String faultId) {
        return batcher.submit(faults, new DeleteOneModel<>(Filters.eq("_id", faultId))).thenApply(done -> null);
    }
}
