package org.cwmpacs.core.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One CWMP session per device at a time, across every ACS instance sharing the store. A lock carries an
 * expiry, so that a crashed instance's locks lapse; the holder refreshes it while the session lives.
 */
public interface SessionLocks {
    /** Takes (or, with the same token, refreshes) the device's lock; completes false if another holder has it. */
    CompletableFuture<Boolean> acquire(String deviceId, String token, Duration ttl);

    /** Whether a live session holds the device's lock now. */
    CompletableFuture<Boolean> held(String deviceId);

    /** Gives the lock up if this token still holds it. */
    CompletableFuture<Void> release(String deviceId, String token);
}
