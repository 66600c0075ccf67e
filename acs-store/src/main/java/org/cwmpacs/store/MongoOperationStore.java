package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.bson.Document;
import org.cwmpacs.core.store.OperationStore;
import org.cwmpacs.core.transfer.Operation;

/**
 * The {@code operations} collection in GenieACS's shape: {@code {_id: "<deviceId>:<commandKey>", name,
 * timestamp, channels, provisions, retries, args}}, the last four JSON text as GenieACS writes them.
 */
final class MongoOperationStore implements OperationStore {
    private final MongoCollection<Document> operations;
    private final WriteBatcher batcher;
    private final Executor reads;
    /** Devices with transfers under way; empty unless sole writer, when it spares every other session a read. */
    private final Optional<Map<String, Boolean>> devicesWithOperations;

    MongoOperationStore(MongoCollection<Document> operations, WriteBatcher batcher, Executor reads, boolean soleWriter) {
        this.operations = operations;
        this.batcher = batcher;
        this.reads = reads;
        if (soleWriter) {
            Map<String, Boolean> known = new ConcurrentHashMap<>();
            for (Document doc : operations.find().projection(new Document("_id", 1))) {
                String id = String.valueOf(doc.get("_id"));
                int colon = id.lastIndexOf(':');
                known.put(colon < 0 ? id : id.substring(0, colon), true);
            }
            this.devicesWithOperations = Optional.of(known);
        } else {
            this.devicesWithOperations = Optional.empty();
        }
    }

    @Override
    public CompletableFuture<Void> save(Operation op) {
        Document doc = OperationDocuments.toDocument(op);
        devicesWithOperations.ifPresent(m -> m.put(op.deviceId(), true));
        return batcher.submit(operations, new ReplaceOneModel<>(Filters.eq("_id", op.id()), doc,
                new ReplaceOptions().upsert(true))).thenApply(done -> null);
    }

    @Override
    public CompletableFuture<Optional<Operation>> find(String deviceId, String commandKey) {
        return CompletableFuture.supplyAsync(() -> Optional.ofNullable(
                operations.find(Filters.eq("_id", deviceId + ":" + commandKey)).first()).map(d -> OperationDocuments.fromDocument(deviceId, d)),
                reads);
    }

    @Override
    public CompletableFuture<List<Operation>> forDevice(String deviceId) {
        if (devicesWithOperations.isPresent() && !devicesWithOperations.get().containsKey(deviceId)) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> {
            List<Operation> result = new ArrayList<>();
            for (Document doc : operations.find(Filters.regex("_id", "^" + Pattern.quote(deviceId + ":")))) {
                result.add(OperationDocuments.fromDocument(deviceId, doc));
            }
            return result;
        }, reads);
    }

    @Override
    public void deleteForDevice(String deviceId) {
        operations.deleteMany(Filters.regex("_id", "^" + Pattern.quote(deviceId + ":")));
        devicesWithOperations.ifPresent(m -> m.remove(deviceId));
    }

    @Override
    public CompletableFuture<Void> delete(String operationId) {
        return batcher.submit(operations, new DeleteOneModel<>(Filters.eq("_id", operationId))).thenApply(done -> null);
    }
}
