package org.cwmpacs.core.transfer;

import java.time.Instant;
import java.util.Objects;

/**
 * A transfer the CPE accepted but has not finished: an {@code operations} document
 * ({@code <deviceId>:<commandKey>}) kept until the CPE's TransferComplete, or until it times out.
 *
 * @param name {@code Download} or {@code Upload}
 * @param channel the fault channel the outcome belongs to ({@code task_<id>})
 * @param instance the {@code Downloads.<instance>} node the outcome is written to
 */
public record Operation(String deviceId, String commandKey, String name, Instant timestamp, String channel,
                        int instance, String fileType, String fileName, String targetFileName) {
    public Operation {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(commandKey, "commandKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(targetFileName, "targetFileName");
    }

    public String id() {
        return deviceId + ":" + commandKey;
    }
}
