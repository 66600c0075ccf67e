package org.cwmpacs.core.script;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * GenieACS's spreading of periodic work over devices ({@code lib/scheduling.ts}): each device gets a fixed
 * offset within a period from the MD5 of its id, so that {@code Date.now(86400000)} is a different moment
 * of the day for each device, the same one every day, and the same one as under GenieACS.
 */
public final class Scheduling {
    private Scheduling() {
    }

    /** The device's offset within {@code variance} milliseconds. */
    public static long variance(String deviceId, long variance) {
        if (variance <= 0) {
            return 0;
        }
        return Integer.toUnsignedLong(md532(deviceId)) % variance;
    }

    /** The start of the current period of {@code interval} milliseconds, shifted by the device's offset. */
    public static long interval(long timestamp, long interval, long offset) {
        if (interval <= 0) {
            return timestamp;
        }
        // JavaScript's Math.trunc of the quotient
        long q = (timestamp + offset) / interval;
        return q * interval - offset;
    }

    /**
     * {@code Date.now("<cron>", variance)}: the last tick of the cron at or before the session's time shifted
     * by the device's offset, shifted back (whole seconds); 0 when the cron has no tick (as GenieACS returns).
     */
    public static long cron(long timestamp, Cron cron, long offset) {
        return cron.prev(java.time.Instant.ofEpochMilli(timestamp + offset))
                .map(tick -> tick.toEpochMilli() - offset).orElse(0L);
    }

    /** The MD5 digest's four little-endian 32-bit words XORed. */
    static int md532(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer words = ByteBuffer.wrap(digest).order(ByteOrder.LITTLE_ENDIAN);
            return words.getInt(0) ^ words.getInt(4) ^ words.getInt(8) ^ words.getInt(12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }
}
