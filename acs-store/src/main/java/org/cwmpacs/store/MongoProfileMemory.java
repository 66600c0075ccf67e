package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
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

    MongoProfileMemory(MongoCollection<Document> cache, WriteBatcher batcher) {
        this.cache = cache;
        this.batcher = batcher;
    }

    private static String id(String kind) {
        return "cpe-profile:" + kind;
    }

    @Override
    public Optional<String> load(String kind) {
        Document doc = cache.find(Filters.and(Filters.eq("_id", id(kind)), Filters.gt("expire", new Date()))).first();
        return doc == null || !(doc.get("value") instanceof String) ? Optional.empty()
                : Optional.of(doc.getString("value"));
    }

    @Override
    public void save(String kind, String profile) {
        Instant now = Instant.now();
        Document doc = new Document("_id", id(kind)).append("value", profile).append("timestamp", Date.from(now))
                .append("expire", Date.from(now.plus(LIFETIME)));
        batcher.submit(cache, new ReplaceOneModel<>(Filters.eq("_id", id(kind)), doc, new ReplaceOptions().upsert(true)));
    }
}
