package org.cwmpacs.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.device.TreeChanges;
import org.cwmpacs.core.store.DeviceStore;
import org.cwmpacs.store.engine.Docs;
import org.cwmpacs.store.engine.Table;
import org.cwmpacs.store.engine.Update;
import org.cwmpacs.store.engine.WriteOp;

/**
 * The {@code devices} collection in the embedded store. An Inform is one update of the device's document
 * (created on first contact), acknowledged once on the disk; a periodic Inform sets a few values of a
 * document holding the whole learned tree, which the engine logs without rewriting the document.
 */
final class EmbeddedDeviceStore implements DeviceStore {
    private static final String DEVICES = "devices";

    private final Table devices;
    private final InformWrites informs;
    private final Executor reads;

    EmbeddedDeviceStore(Table devices, Duration timestampRefresh, Executor reads) {
        this.devices = devices;
        this.informs = new InformWrites(true, timestampRefresh);
        this.reads = reads;
    }

    @Override
    public CompletableFuture<InformRecorded> recordInform(DeviceInform inform) {
        InformWrites.Prepared prepared;
        Update update;
        try {
            prepared = informs.prepare(inform);
            update = Update.parse(prepared.update());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<WriteOp> ops = new ArrayList<>();
        if (prepared.bootstrap()) {
            // a factory-reset CPE: forget the cached tree so that it is learned again (in the same write)
            Document unset = new Document();
            DeviceDocuments.ROOTS.forEach(root -> unset.put(root, ""));
            ops.add(new WriteOp.Update(DEVICES, inform.deviceId(), Update.parse(new Document("$unset", unset)), false));
        }
        ops.add(new WriteOp.Update(DEVICES, inform.deviceId(), update, true));
        return devices.engine().writeAll(ops).thenApply(results -> {
            informs.stored(prepared);
            return new InformRecorded(((WriteOp.UpdateResult) results.get(results.size() - 1)).upserted());
        });
    }

    @Override
    public Optional<Device> find(String deviceId) {
        return devices.get(deviceId).map(DeviceDocuments::fromDocument);
    }

    /** Read in place: only the parameters the session uses are decoded. */
    @Override
    public CompletableFuture<Optional<SessionDevice>> loadForSession(String deviceId) {
        return CompletableFuture.supplyAsync(() -> devices.view(deviceId).map(view -> new SessionDevice(
                DeviceDocuments.header(view, new java.util.TreeMap<>()),
                Optional.of(new DocumentTreeSource(view)))), reads);
    }

    @Override
    public CompletableFuture<Optional<Device>> load(String deviceId) {
        return CompletableFuture.supplyAsync(() -> find(deviceId), reads);
    }

    /** GenieACS's update: removed subtrees, then the changed attributes, applied together. */
    @Override
    public CompletableFuture<Void> apply(String deviceId, TreeChanges changes) {
        if (changes.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<WriteOp> ops = new ArrayList<>();
        try {
            if (!changes.removed().isEmpty()) {
                ops.add(new WriteOp.Update(DEVICES, deviceId, Update.parse(new Document("$unset",
                        DeviceDocuments.unsets(changes))), false));
            }
            if (!changes.set().isEmpty()) {
                ops.add(new WriteOp.Update(DEVICES, deviceId, Update.parse(new Document("$set",
                        DeviceDocuments.sets(changes))), false));
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return devices.engine().writeAll(ops).thenApply(done -> null);
    }

    @Override
    public CompletableFuture<Boolean> discovered(String deviceId) {
        return CompletableFuture.supplyAsync(() -> devices.value(deviceId, "_timestamp") instanceof Date, reads);
    }

    @Override
    public void delete(String deviceId) {
        devices.delete(deviceId).join();
        informs.forget(deviceId);
    }

    @Override
    public CompletableFuture<Void> tags(String deviceId, java.util.Set<String> added, java.util.Set<String> removed) {
        List<WriteOp> ops = new ArrayList<>();
        added.forEach(t -> ops.add(new WriteOp.Update(DEVICES, deviceId,
                Update.parse(new Document("$addToSet", new Document("_tags", t))), false)));
        removed.forEach(t -> ops.add(new WriteOp.Update(DEVICES, deviceId,
                Update.parse(new Document("$pull", new Document("_tags", t))), false)));
        return ops.isEmpty() ? CompletableFuture.completedFuture(null)
                : devices.engine().writeAll(ops).thenApply(results -> null);
    }

    @Override
    public boolean tag(String deviceId, String tag, boolean add) {
        Update update = Update.parse(new Document(add ? "$addToSet" : "$pull", new Document("_tags", tag)));
        return devices.update(deviceId, update, false).join().matched();
    }

    @Override
    public Optional<Instant> lastInform(String deviceId) {
        Object at = devices.value(deviceId, "_lastInform");
        if (at == Docs.MISSING && !devices.contains(deviceId)) {
            return Optional.empty();
        }
        return Optional.of(at instanceof Date ? ((Date) at).toInstant() : Instant.EPOCH);
    }
}
