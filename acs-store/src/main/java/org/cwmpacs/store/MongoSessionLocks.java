package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.cwmpacs.core.store.SessionLocks;

/**
 * Session locks in GenieACS's {@code locks} collection: {@code {_id: "cwmp_session_<deviceId>", value: token,
 * timestamp, expire}}. Taking a lock is one upsert that matches only a free, lapsed or own lock; when
 * another holder has it, the upsert collides on {@code _id}. The expiry is checked in the filter because
 * the embedded store has no TTL indexes.
 */
final class MongoSessionLocks implements SessionLocks {
    private final MongoCollection<Document> locks;
    private final WriteBatcher batcher;
    private final Clock clock;
    private final java.util.concurrent.Executor reads;

    MongoSessionLocks(MongoCollection<Document> locks, WriteBatcher batcher, Clock clock,
                      java.util.concurrent.Executor reads) {
        this.locks = locks;
        this.batcher = batcher;
        this.clock = clock;
        this.reads = reads;
    }

    static String lockName(String deviceId) {
        return "cwmp_session_" + deviceId;
    }

    @Override
    public CompletableFuture<Boolean> acquire(String deviceId, String token, Duration ttl) {
        Date now = Date.from(clock.instant());
        UpdateOneModel<Document> take = new UpdateOneModel<>(
                Filters.and(Filters.eq("_id", lockName(deviceId)),
                        Filters.or(Filters.eq("value", token), Filters.lt("expire", now))),
                Updates.combine(Updates.set("value", token), Updates.set("timestamp", now),
                        Updates.set("expire", Date.from(clock.instant().plus(ttl)))),
                new UpdateOptions().upsert(true));
        return batcher.submit(locks, take).thenApply(outcome -> !outcome.duplicateKey());
    }

    @Override
    public CompletableFuture<Boolean> held(String deviceId) {
        return CompletableFuture.supplyAsync(() -> locks.countDocuments(Filters.and(
                Filters.eq("_id", lockName(deviceId)), Filters.gt("expire", Date.from(clock.instant())))) > 0,
                reads);
    }

    @Override
    public CompletableFuture<Void> release(String deviceId, String token) {
        return batcher.submit(locks, new DeleteOneModel<>(Filters.and(Filters.eq("_id", lockName(deviceId)),
                Filters.eq("value", token)))).thenApply(outcome -> null);
    }
}
