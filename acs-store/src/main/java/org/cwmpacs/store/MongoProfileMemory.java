package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.cwmpacs.core.store.ProfileMemory;

/**
 * CPE kinds' limits in GenieACS's {@code cache} collection: {@code {_id: "cpe-profile:<OUI>-<ProductClass>",
 * value, timestamp, expire}}. They expire after 30 days (a firmware upgrade may lift a limit); the embedded
 * store has no TTL, so the expiry is also checked on reading.
 */
final class MongoProfileMemory implements ProfileMemory {
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final MongoCollection<Document> cache;
    private final WriteBatcher batcher;
    private final Executor reads;

    MongoProfileMemory(MongoCollection<Document> cache, WriteBatcher batcher, Executor reads) {
        this.cache = cache;
        this.batcher = batcher;
        this.reads = reads;
    }

    private static String id(String kind) {
        return "cpe-profile:" + kind;
    }

    @Override
    public CompletableFuture<Optional<String>> load(String kind) {
        return CompletableFuture.supplyAsync(() -> {
            Document doc = cache.find(Filters.and(Filters.eq("_id", id(kind)), Filters.gt("expire", new Date())))
                    .first();
            return doc == null || !(doc.get("value") instanceof String) ? Optional.<String>empty()
                    : Optional.of(doc.getString("value"));
        }, reads);
    }

    @Override
    public void save(String kind, String profile) {
        Instant now = Instant.now();
        Document doc = new Document("_id", id(kind)).append("value", profile).append("timestamp", Date.from(now))
                .append("expire", Date.from(now.plus(LIFETIME)));
        batcher.submit(cache, new ReplaceOneModel<>(Filters.eq("_id", id(kind)), doc, new ReplaceOptions().upsert(true)));
    }
}
