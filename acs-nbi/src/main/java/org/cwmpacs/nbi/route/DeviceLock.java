package org.cwmpacs.nbi.route;

import java.time.Duration;
import java.util.UUID;
import org.cwmpacs.core.store.SessionLocks;

/**
 * Changes to a device's tasks, faults or document are made under the device's session lock, as GenieACS
 * does, so that they never interleave with a CWMP session working on the same device.
 */
final class DeviceLock {
    private static final Duration TTL = Duration.ofSeconds(30);

    private final SessionLocks locks;

    DeviceLock(SessionLocks locks) {
        this.locks = locks;
    }

    /** Runs {@code work} holding the lock; false (and nothing done) if a session holds it now. */
    boolean run(String deviceId, Runnable work) {
        String token = "nbi_" + UUID.randomUUID();
        if (!locks.acquire(deviceId, token, TTL).join()) {
            return false;
        }
        try {
            work.run();
        } finally {
            locks.release(deviceId, token).join();
        }
        return true;
    }
}
