package org.cwmpacs.core.task;

import java.time.Duration;
import java.util.UUID;
import org.cwmpacs.core.store.SessionLocks;

/**
 * Changes to a device's tasks, faults or document are made under the device's session lock, as GenieACS
 * does (the NBI and the UI alike), so that they never interleave with a CWMP session working on the same device.
 */
public final class DeviceLock {
    private static final Duration TTL = Duration.ofSeconds(30);

    private final SessionLocks locks;

    private final String owner;

    /** @param owner names the lock's holder in the store (nbi, ui) */
    public DeviceLock(SessionLocks locks, String owner) {
        this.locks = locks;
        this.owner = owner;
    }

    /** Runs {@code work} holding the lock; false (and nothing done) if a session holds it now. */
    public boolean run(String deviceId, Runnable work) {
        String token = owner + "_" + UUID.randomUUID();
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
