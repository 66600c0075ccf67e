package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.store.DeviceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code devices} collection. An Inform is one upsert by {@code _id} (no read first), sent with the
 * other sessions' writes by the group commit; whether the device was new comes back from the upsert.
 */
final class MongoDeviceStore implements DeviceStore {
    private static final Logger LOG = LoggerFactory.getLogger(MongoDeviceStore.class);

    private final MongoCollection<Document> devices;
    private final WriteBatcher batcher;
    /**
     * The Inform values this process last wrote, per device, so that a periodic Inform writes only what
     * changed (mostly timestamps) without reading the document first. Only valid while this process is the
     * store's only writer: used with the embedded store, never with a shared MongoDB.
     */
    private final Optional<Map<String, Map<String, String>>> lastWritten;

    MongoDeviceStore(MongoCollection<Document> devices, WriteBatcher batcher, boolean soleWriter) {
        this.devices = devices;
        this.batcher = batcher;
        this.lastWritten = soleWriter ? Optional.of(boundedCache(200_000)) : Optional.empty();
    }

    private static Map<String, Map<String, String>> boundedCache(int devices) {
        return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
                return size() > devices;
            }
        });
    }

    @Override
    public CompletableFuture<InformRecorded> recordInform(DeviceInform inform) {
        List<String> skipped = new ArrayList<>();
        boolean bootstrap = inform.hasEvent(DeviceInform.BOOTSTRAP);
        Map<String, String> known = bootstrap ? Map.of()
                : lastWritten.map(c -> c.get(inform.deviceId())).orElse(Map.of());
        Document update = DeviceDocuments.informUpdate(inform, skipped, known);
        if (!skipped.isEmpty()) {
            LOG.warn("{}: Inform parameters not stored, their names are not TR-069 paths: {}", inform.deviceId(), skipped);
        }
        UpdateOneModel<Document> write = new UpdateOneModel<>(Filters.eq("_id", inform.deviceId()), update,
                new UpdateOptions().upsert(true));
        CompletableFuture<WriteBatcher.Outcome> done;
        if (bootstrap) {
            // a factory-reset CPE: forget the cached tree so that it is learned again
            List<Bson> unsets = DeviceDocuments.ROOTS.stream().map(Updates::unset).toList();
            done = batcher.submit(devices, new UpdateOneModel<>(Filters.eq("_id", inform.deviceId()),
                    Updates.combine(unsets))).thenCompose(cleared -> batcher.submit(devices, write));
        } else {
            done = batcher.submit(devices, write);
        }
        return done.thenApply(outcome -> {
            if (outcome.duplicateKey()) {
                throw new IllegalStateException("device " + inform.deviceId() + " was created twice at once");
            }
            lastWritten.ifPresent(cache -> {
                Map<String, String> values = new HashMap<>();
                inform.parameters().forEach(p -> values.put(p.name(), DeviceDocuments.valueKey(p)));
                cache.put(inform.deviceId(), values);
            });
            return new InformRecorded(outcome.upserted());
        });
    }

    @Override
    public Optional<Device> find(String deviceId) {
        return Optional.ofNullable(devices.find(Filters.eq("_id", deviceId)).first()).map(DeviceDocuments::fromDocument);
    }
}
