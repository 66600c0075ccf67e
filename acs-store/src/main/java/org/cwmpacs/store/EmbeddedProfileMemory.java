package org.cwmpacs.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.cwmpacs.core.store.ProfileMemory;
import org.cwmpacs.store.engine.Table;

/**
 * CPE kinds' limits in GenieACS's {@code cache} collection: {@code {_id: "cpe-profile:<OUI>-<ProductClass>",
 * value, timestamp, expire}}, expired after 30 days (checked on reading).
 */
final class EmbeddedProfileMemory implements ProfileMemory {
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final Table cache;
    private final Executor reads;

    EmbeddedProfileMemory(Table cache, Executor reads) {
        this.cache = cache;
        this.reads = reads;
    }

    private static String id(String kind) {
        return "cpe-profile:" + kind;
    }

    @Override
    public CompletableFuture<Optional<String>> load(String kind) {
        return CompletableFuture.supplyAsync(() -> cache.get(id(kind))
                .filter(doc -> doc.get("expire") instanceof Date && doc.getDate("expire").after(new Date()))
                .filter(doc -> doc.get("value") instanceof String)
                .map(doc -> doc.getString("value")), reads);
    }

    @Override
    public void save(String kind, String profile) {
        Instant now = Instant.now();
        cache.replace(id(kind), new Document("_id", id(kind)).append("value", profile).append("timestamp",
                Date.from(now)).append("expire", Date.from(now.plus(LIFETIME))), true);
    }
}
