package org.cwmpacs.core.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Work the CPE accepted but has not reported on: an {@code operations} document
 * ({@code <deviceId>:<commandKey>}) kept until the CPE's TransferComplete (or DUStateChangeComplete), or
 * until it times out.
 *
 * @param name {@code Download}, {@code Upload}, {@code ScheduleDownload} or {@code ChangeDUState}
 * @param channel the fault channel the outcome belongs to ({@code task_<id>})
 * @param instance the {@code Downloads.<instance>} (for ChangeDUState: {@code DUStateChanges.<instance>})
 *     node the outcome is written to
 * @param window how long after {@code timestamp} the CPE may wait before it starts (a ScheduleDownload's
 *     last time window ends then); the timeout counts from there
 */
public record Operation(String deviceId, String commandKey, String name, Instant timestamp, String channel,
                        int instance, String fileType, String fileName, String targetFileName, Duration window) {
    public static final String CHANGE_DU_STATE = "ChangeDUState";
    public static final String SCHEDULE_DOWNLOAD = "ScheduleDownload";

    public Operation {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(commandKey, "commandKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(targetFileName, "targetFileName");
        Objects.requireNonNull(window, "window");
    }

    /** A transfer the CPE starts at once (Download, Upload). */
    public Operation(String deviceId, String commandKey, String name, Instant timestamp, String channel,
                     int instance, String fileType, String fileName, String targetFileName) {
        this(deviceId, commandKey, name, timestamp, channel, instance, fileType, fileName, targetFileName,
                Duration.ZERO);
    }

    public String id() {
        return deviceId + ":" + commandKey;
    }

    /** The node of the device document the outcome goes to. */
    public String record() {
        return (CHANGE_DU_STATE.equals(name) ? "DUStateChanges." : "Downloads.") + instance;
    }

    /** When the CPE has run out of time to report. */
    public Instant deadline(Duration timeout) {
        return timestamp.plus(window).plus(timeout);
    }
}
