package org.cwmpacs.core.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session locks held in this process. Right when no other ACS instance can reach the store, as with the
 * embedded store (it listens on loopback for this process only); there it saves two database writes per
 * session. Same semantics as the store's locks: a token, an expiry, refresh by the holder.
 */
public final class LocalSessionLocks implements SessionLocks {
    private record Held(String token, Instant expire) {
    }

    private final Map<String, Held> locks = new ConcurrentHashMap<>();
    private final Clock clock;

    public LocalSessionLocks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Boolean> acquire(String deviceId, String token, Duration ttl) {
        Instant now = clock.instant();
        Held mine = new Held(token, now.plus(ttl));
        Held result = locks.compute(deviceId, (id, held) ->
                held == null || held.token().equals(token) || held.expire().isBefore(now) ? mine : held);
        return CompletableFuture.completedFuture(result == mine);
    }

    @Override
    public CompletableFuture<Boolean> held(String deviceId) {
        Held held = locks.get(deviceId);
        return CompletableFuture.completedFuture(held != null && held.expire().isAfter(clock.instant()));
    }

    @Override
    public CompletableFuture<Void> release(String deviceId, String token) {
        locks.computeIfPresent(deviceId, (id, held) -> held.token().equals(token) ? null : held);
        return CompletableFuture.completedFuture(null);
    }
}
