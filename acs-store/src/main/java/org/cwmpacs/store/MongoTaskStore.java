package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.cwmpacs.core.store.TaskStore;
import org.cwmpacs.core.task.InvalidTaskException;
import org.cwmpacs.core.task.Task;

/**
 * The {@code tasks} collection in GenieACS's shape: {@code {_id: ObjectId, device, name, timestamp, expiry?,
 * ...the task's fields}}. As the sole writer (the embedded store) it remembers which devices have tasks at
 * all, so that the sessions of the others (nearly all) read nothing.
 */
final class MongoTaskStore implements TaskStore {

    private final MongoCollection<Document> tasks;
    private final Executor reads;
    /** Devices that may have tasks, with a version bumped on every queue; empty unless sole writer. */
    private final Optional<Map<String, Long>> devicesWithTasks;
    private final AtomicLong versions = new AtomicLong();

    MongoTaskStore(MongoCollection<Document> tasks, Executor reads, boolean soleWriter) {
        this.tasks = tasks;
        this.reads = reads;
        if (soleWriter) {
            Map<String, Long> known = new ConcurrentHashMap<>();
            for (org.bson.BsonValue device : tasks.distinct("device", org.bson.BsonValue.class)) {
                known.put(device.isString() ? device.asString().getValue() : device.toString(), versions.incrementAndGet());
            }
            this.devicesWithTasks = Optional.of(known);
        } else {
            this.devicesWithTasks = Optional.empty();
        }
    }

    @Override
    public Task queue(String deviceId, Map<String, Object> fields, Instant now) throws InvalidTaskException {
        Document doc = TaskDocuments.create(deviceId, fields, now);
        Object uniqueKey = doc.get("uniqueKey");
        if (uniqueKey != null) {
            tasks.deleteMany(Filters.and(Filters.eq("device", deviceId), Filters.eq("uniqueKey", uniqueKey)));
        }
        tasks.insertOne(doc);
        devicesWithTasks.ifPresent(m -> m.put(deviceId, versions.incrementAndGet()));
        return TaskDocuments.toTask(doc);
    }

    @Override
    public CompletableFuture<List<Task>> due(String deviceId, Instant now) {
        if (devicesWithTasks.isPresent() && !devicesWithTasks.get().containsKey(deviceId)) {
            return CompletableFuture.completedFuture(List.of());
        }
        long version = devicesWithTasks.map(m -> m.getOrDefault(deviceId, 0L)).orElse(0L);
        return CompletableFuture.supplyAsync(() -> {
            List<Document> stored = tasks.find(Filters.eq("device", deviceId)).sort(Sorts.ascending("timestamp", "_id"))
                    .into(new ArrayList<>());
            if (stored.isEmpty()) {
                devicesWithTasks.ifPresent(m -> m.remove(deviceId, version));
            }
            return TaskDocuments.due(deviceId, stored, now);
        }, reads);
    }

    @Override
    public Optional<Task> find(String taskId) {
        if (!ObjectId.isValid(taskId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(tasks.find(Filters.eq("_id", new ObjectId(taskId))).first())
                .flatMap(TaskDocuments::parse);
    }

    @Override
    public CompletableFuture<Void> delete(String taskId) {
        Object id = ObjectId.isValid(taskId) ? new ObjectId(taskId) : taskId;
        return CompletableFuture.runAsync(() -> tasks.bulkWrite(List.of(new DeleteOneModel<>(Filters.eq("_id", id)))),
                reads);
    }

    @Override
    public void deleteForDevice(String deviceId) {
        tasks.deleteMany(Filters.eq("device", deviceId));
    }
}
