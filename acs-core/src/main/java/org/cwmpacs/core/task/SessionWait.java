package org.cwmpacs.core.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cwmpacs.core.store.DeviceStore;
import org.cwmpacs.core.store.SessionLocks;

/**
 * Waiting on a device's CWMP session, for whoever queued tasks and woke the device (the NBI, the UI): for the
 * session lock to be free, for a session to start after a given Inform, for it to end. The waiting never holds
 * a thread: each look at the store is scheduled.
 */
public final class SessionWait {
    /**
     * @param lockWait how long to wait for a session in progress to let go of the device
     * @param sessionWait how long a started session may take to end
     * @param pollInterval how often to look
     */
    public record Timing(Duration lockWait, Duration sessionWait, Duration pollInterval) {
        public Timing {
            Objects.requireNonNull(lockWait, "lockWait");
            Objects.requireNonNull(sessionWait, "sessionWait");
            Objects.requireNonNull(pollInterval, "pollInterval");
        }
    }

    private static final Duration LOCK_TTL = Duration.ofSeconds(30);

    private final SessionLocks locks;
    private final DeviceStore devices;
    private final Timing timing;
    private final Executor executor;

    public SessionWait(SessionLocks locks, DeviceStore devices, Timing timing, Executor executor) {
        this.locks = locks;
        this.devices = devices;
        this.timing = timing;
        this.executor = executor;
    }

    public Timing timing() {
        return timing;
    }

    /** The device's session lock under {@code token}, waited for up to the lock wait: false if not had. */
    public CompletableFuture<Boolean> acquire(String deviceId, String token) {
        return acquire(deviceId, token, System.nanoTime() + timing.lockWait().toNanos());
    }

    private CompletableFuture<Boolean> acquire(String deviceId, String token, long deadline) {
        return locks.acquire(deviceId, token, LOCK_TTL).thenCompose(locked ->
                locked || System.nanoTime() >= deadline ? CompletableFuture.completedFuture(locked)
                        : later(() -> acquire(deviceId, token, deadline)));
    }

    public CompletableFuture<Void> release(String deviceId, String token) {
        return locks.release(deviceId, token);
    }

    /** Whether a session began (an Inform after {@code informBefore}, or the lock held) within {@code within}. */
    public CompletableFuture<Boolean> awaitStart(String deviceId, Instant informBefore, Duration within) {
        return awaitStart(deviceId, informBefore, System.nanoTime() + within.toNanos());
    }

    private CompletableFuture<Boolean> awaitStart(String deviceId, Instant informBefore, long deadline) {
        return CompletableFuture.supplyAsync(() -> devices.lastInform(deviceId)
                        .map(t -> t.isAfter(informBefore)).orElse(false), executor)
                .thenCompose(informed -> informed ? CompletableFuture.completedFuture(true) : locks.held(deviceId))
                .thenCompose(started -> started || System.nanoTime() >= deadline
                        ? CompletableFuture.completedFuture(started)
                        : later(() -> awaitStart(deviceId, informBefore, deadline)));
    }

    /** Whether the device's session ended within the session wait. */
    public CompletableFuture<Boolean> awaitEnd(String deviceId) {
        return awaitEnd(deviceId, System.nanoTime() + timing.sessionWait().toNanos());
    }

    private CompletableFuture<Boolean> awaitEnd(String deviceId, long deadline) {
        return locks.held(deviceId).thenCompose(held -> !held ? CompletableFuture.completedFuture(true)
                : System.nanoTime() >= deadline ? CompletableFuture.completedFuture(false)
                : later(() -> awaitEnd(deviceId, deadline)));
    }

    private <T> CompletableFuture<T> later(Supplier<CompletableFuture<T>> next) {
        Executor delayed = CompletableFuture.delayedExecutor(timing.pollInterval().toMillis(), TimeUnit.MILLISECONDS,
                executor);
        return CompletableFuture.supplyAsync(next, delayed).thenCompose(f -> f);
    }
}
