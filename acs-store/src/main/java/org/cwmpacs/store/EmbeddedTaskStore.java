package org.cwmpacs.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.cwmpacs.core.store.QueryControl;
import org.cwmpacs.core.store.TaskStore;
import org.cwmpacs.core.task.InvalidTaskException;
import org.cwmpacs.core.task.Task;
import org.cwmpacs.store.engine.Filter;
import org.cwmpacs.store.engine.Projection;
import org.cwmpacs.store.engine.Sort;
import org.cwmpacs.store.engine.Table;
import org.cwmpacs.store.engine.WriteOp;

/**
 * The {@code tasks} collection in the embedded store, indexed by device: a session of a device without
 * tasks (nearly all of them) learns so from memory.
 */
final class EmbeddedTaskStore implements TaskStore {
    private static final Sort OLDEST_FIRST = Sort.compile(new Document("timestamp", 1).append("_id", 1));

    private final Table tasks;
    private final Executor reads;

    EmbeddedTaskStore(Table tasks, Executor reads) {
        this.tasks = tasks;
        this.reads = reads;
    }

    @Override
    public Task queue(String deviceId, Map<String, Object> fields, Instant now) throws InvalidTaskException {
        Document doc = TaskDocuments.create(deviceId, fields, now);
        List<WriteOp> ops = new ArrayList<>();
        Object uniqueKey = doc.get("uniqueKey");
        if (uniqueKey != null) {
            Filter same = Filter.compile(new Document("device", deviceId).append("uniqueKey", uniqueKey));
            for (Object id : tasks.ids(same, QueryControl.NONE)) {
                ops.add(new WriteOp.DeleteIfMatches(tasks.name(), id, same));
            }
        }
        ops.add(new WriteOp.Insert(tasks.name(), doc));
        tasks.engine().writeAll(ops).join();
        return TaskDocuments.toTask(doc);
    }

    @Override
    public CompletableFuture<List<Task>> due(String deviceId, Instant now) {
        if (!tasks.anyIndexed("device", deviceId)) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> TaskDocuments.due(deviceId, tasks.findAll(
                Filter.compile(new Document("device", deviceId)), Projection.ALL, OLDEST_FIRST, 0, 0), now), reads);
    }

    @Override
    public Optional<Task> find(String taskId) {
        if (!ObjectId.isValid(taskId)) {
            return Optional.empty();
        }
        return tasks.get(new ObjectId(taskId)).flatMap(TaskDocuments::parse);
    }

    @Override
    public CompletableFuture<Void> delete(String taskId) {
        Object id = ObjectId.isValid(taskId) ? new ObjectId(taskId) : taskId;
        return tasks.delete(id).thenApply(done -> null);
    }

    @Override
    public void deleteForDevice(String deviceId) {
        tasks.deleteWhere(Filter.compile(new Document("device", deviceId))).join();
    }
}
