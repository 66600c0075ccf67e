package org.cwmpacs.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed credential checks per remote address within a sliding window, so that guessing passwords costs
 * time: callers delay or refuse an address past a number of failures. Bounded: past {@link #MAX_ADDRESSES}
 * tracked addresses the oldest records are dropped (an attacker with that many addresses is not slowed by
 * this anyway). Thread-safe.
 */
public final class FailedAttempts {
    static final int MAX_ADDRESSES = 100_000;

    private record Window(long startMillis, int failures) {
    }

    private final Clock clock;
    private final Duration window;
    private final int allowed;
    private final Map<String, Window> failures = new ConcurrentHashMap<>();

    /** @param allowed failures an address may have within {@code window} before {@link #exceeded} says so */
    public FailedAttempts(Clock clock, Duration window, int allowed) {
        this.clock = clock;
        this.window = window;
        this.allowed = allowed;
    }

    public void failed(String address) {
        long now = clock.millis();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().removeIf(w -> now - w.startMillis() > window.toMillis());
            if (failures.size() >= MAX_ADDRESSES) {
                failures.clear();
            }
        }
        failures.merge(address, new Window(now, 1), (old, one) -> now - old.startMillis() > window.toMillis()
                ? one : new Window(old.startMillis(), old.failures() + 1));
    }

    public void succeeded(String address) {
        failures.remove(address);
    }

    /** Whether the address has used up its allowed failures within the window. */
    public boolean exceeded(String address) {
        Window w = failures.get(address);
        return w != null && w.failures() >= allowed && clock.millis() - w.startMillis() <= window.toMillis();
    }

    /** Seconds until the address's window ends. */
    public int retryAfterSeconds(String address) {
        Window w = failures.get(address);
        long left = w == null ? 0 : window.toMillis() - (clock.millis() - w.startMillis());
        return (int) Math.max(1, (left + 999) / 1000);
    }
}
