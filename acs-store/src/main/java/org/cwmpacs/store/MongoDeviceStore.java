package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.device.TreeChanges;
import org.cwmpacs.core.store.DeviceStore;

/**
 * The {@code devices} collection. An Inform is one upsert by {@code _id} (no read first), sent with the
 * other sessions' writes by the group commit; whether the device was new comes back from the upsert.
 */
final class MongoDeviceStore implements DeviceStore {
    private final MongoCollection<Document> devices;
    private final WriteBatcher batcher;
    private final InformWrites informs;
    /** Whether each device's tree was learned whole; only kept when this process is the sole writer. */
    private final Optional<Map<String, Boolean>> discovered;
    private final java.util.concurrent.Executor reads;

    MongoDeviceStore(MongoCollection<Document> devices, WriteBatcher batcher, boolean soleWriter,
                     Duration timestampRefresh, java.util.concurrent.Executor reads) {
        this.devices = devices;
        this.batcher = batcher;
        this.reads = reads;
        this.informs = new InformWrites(soleWriter, timestampRefresh);
        this.discovered = soleWriter ? Optional.of(Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > 200_000;
            }
        })) : Optional.empty();
    }

    @Override
    public CompletableFuture<InformRecorded> recordInform(DeviceInform inform) {
        InformWrites.Prepared prepared = informs.prepare(inform);
        UpdateOneModel<Document> write = new UpdateOneModel<>(Filters.eq("_id", inform.deviceId()), prepared.update(),
                new UpdateOptions().upsert(true));
        CompletableFuture<WriteBatcher.Outcome> done;
        if (prepared.bootstrap()) {
            // a factory-reset CPE: forget the cached tree so that it is learned again
            List<Bson> unsets = DeviceDocuments.ROOTS.stream().map(Updates::unset).toList();
            done = batcher.submit(devices, new UpdateOneModel<>(Filters.eq("_id", inform.deviceId()),
                    Updates.combine(unsets))).thenCompose(cleared -> batcher.submit(devices, write));
        } else {
            done = batcher.submit(devices, write);
        }
        return done.thenApply(outcome -> {
            if (prepared.bootstrap() || outcome.upserted()) {
                discovered.ifPresent(cache -> cache.put(inform.deviceId(), false));
            }
            if (outcome.duplicateKey()) {
                throw new IllegalStateException("device " + inform.deviceId() + " was created twice at once");
            }
            informs.stored(prepared);
            return new InformRecorded(outcome.upserted());
        });
    }

    @Override
    public CompletableFuture<Optional<Device>> load(String deviceId) {
        return CompletableFuture.supplyAsync(() -> find(deviceId), reads);
    }

    /**
     * GenieACS's update: {@code $unset} of removed subtrees, then {@code $set} of changed attributes (two
     * updates, as one cannot both remove a subtree and write inside it).
     */
    @Override
    public CompletableFuture<Void> apply(String deviceId, TreeChanges changes) {
        if (changes.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (changes.set().containsKey("") && changes.set().get("").timestamp().isPresent()) {
            discovered.ifPresent(cache -> cache.put(deviceId, true));
        }
        Bson id = Filters.eq("_id", deviceId);
        CompletableFuture<WriteBatcher.Outcome> removed = changes.removed().isEmpty()
                ? CompletableFuture.completedFuture(null)
                : batcher.submit(devices, new UpdateOneModel<>(id, new Document("$unset", DeviceDocuments.unsets(changes))));
        return removed.thenCompose(done -> changes.set().isEmpty() ? CompletableFuture.completedFuture(null)
                : batcher.submit(devices, new UpdateOneModel<>(id, new Document("$set", DeviceDocuments.sets(changes)))))
                .thenApply(done -> null);
    }

    @Override
    public CompletableFuture<Boolean> discovered(String deviceId) {
        Optional<Boolean> known = discovered.map(cache -> cache.get(deviceId));
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known.get());
        }
        return CompletableFuture.supplyAsync(() -> {
            Document doc = devices.find(Filters.eq("_id", deviceId)).projection(new Document("_timestamp", 1)).first();
            boolean done = doc != null && doc.get("_timestamp") != null;
            discovered.ifPresent(cache -> cache.put(deviceId, done));
            return done;
        }, reads);
    }

    @Override
    public void delete(String deviceId) {
        devices.deleteOne(Filters.eq("_id", deviceId));
        informs.forget(deviceId);
        discovered.ifPresent(cache -> cache.remove(deviceId));
    }

    @Override
    public CompletableFuture<Void> tags(String deviceId, java.util.Set<String> added, java.util.Set<String> removed) {
        return CompletableFuture.runAsync(() -> {
            added.forEach(t -> tag(deviceId, t, true));
            removed.forEach(t -> tag(deviceId, t, false));
        }, reads);
    }

    @Override
    public boolean tag(String deviceId, String tag, boolean add) {
        return devices.updateOne(Filters.eq("_id", deviceId),
                add ? Updates.addToSet("_tags", tag) : Updates.pull("_tags", tag)).getMatchedCount() > 0;
    }

    @Override
    public Optional<Instant> lastInform(String deviceId) {
        Document doc = devices.find(Filters.eq("_id", deviceId)).projection(new Document("_lastInform", 1)).first();
        if (doc == null) {
            return Optional.empty();
        }
        java.util.Date at = doc.getDate("_lastInform");
        return Optional.of(at == null ? Instant.EPOCH : at.toInstant());
    }

    @Override
    public Optional<Device> find(String deviceId) {
        return Optional.ofNullable(devices.find(Filters.eq("_id", deviceId)).first()).map(DeviceDocuments::fromDocument);
    }
}
