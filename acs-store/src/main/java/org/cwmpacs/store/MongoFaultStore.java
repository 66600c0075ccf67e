package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Document doc = new Document("_id", fault.id()).append("device", fault.deviceId())
                .append("channel", fault.channel()).append("timestamp", Date.from(fault.timestamp()))
                .append("code", fault.code()).append("message", fault.message())
                .append("detail", new Document(fault.detail())).append("retries", fault.retries())
                // GenieACS keeps the pending provisions here; a task's work is its task document
                .append("provisions", "[]");
        fault.expiry().ifPresent(t -> doc.append("expiry", Date.from(t)));
        return batcher.submit(faults, new ReplaceOneModel<>(Filters.eq("_id", fault.id()), doc,
                new ReplaceOptions().upsert(true))).thenApply(done -> null);
    }

    @Override
    public CompletableFuture<List<Fault>> forDevice(String deviceId) {
        return CompletableFuture.supplyAsync(() -> {
            List<Fault> result = new ArrayList<>();
            for (Document doc : faults.find(Filters.eq("device", deviceId))) {
                result.add(fromDocument(doc));
            }
            return result;
        }, reads);
    }

    static Fault fromDocument(Document doc) {
        Object detail = doc.get("detail");
        Date timestamp = doc.getDate("timestamp");
        Object expiry = doc.get("expiry");
        Object retries = doc.get("retries");
        return new Fault(String.valueOf(doc.get("device")), String.valueOf(doc.get("channel")),
                timestamp == null ? Instant.EPOCH : timestamp.toInstant(), String.valueOf(doc.get("code")),
                String.valueOf(doc.get("message")), detail instanceof Map ? copy((Map<?, ?>) detail) : Map.of(),
                retries instanceof Number ? ((Number) retries).intValue() : 0,
                expiry instanceof Date ? Optional.of(((Date) expiry).toInstant()) : Optional.empty());
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                result.put(String.valueOf(k), v);
            }
        });
        return result;
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
