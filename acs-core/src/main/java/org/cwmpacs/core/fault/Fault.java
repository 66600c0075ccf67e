package org.cwmpacs.core.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault document ({@code faults} collection): what went wrong on one channel of one device.
 *
 * @param channel {@code task_<taskId>} for a task, {@code discovery} for the automatic discovery
 * @param code {@code cwmp.<FaultCode>} for a CPE fault, else GenieACS's own codes ({@code timeout},
 *     {@code too_many_rpcs}, {@code session_terminated}, {@code invalid_response})
 * @param detail GenieACS's detail: {@code faultCode}, {@code faultString}, {@code setParameterValuesFault}
 * @param retries how many times the channel has faulted before this one
 */
public record Fault(String deviceId, String channel, Instant timestamp, String code, String message,
                   Map<String, Object> detail, int retries, Optional<Instant> expiry, List<List<Object>> provisions) {
    public static final String TIMEOUT = "timeout";
    public static final String TOO_MANY_RPCS = "too_many_rpcs";
    public static final String SESSION_TERMINATED = "session_terminated";
    public static final String INVALID_RESPONSE = "invalid_response";

    public Fault {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        detail = Map.copyOf(detail);
        Objects.requireNonNull(expiry, "expiry");
        provisions = List.copyOf(provisions);
    }

    /** Without provisions: GenieACS stores {@code "[]"}. */
    public Fault(String deviceId, String channel, Instant timestamp, String code, String message,
                 Map<String, Object> detail, int retries, Optional<Instant> expiry) {
        this(deviceId, channel, timestamp, code, message, detail, retries, expiry, List.of());
    }

    /** The same fault, recording the provisions (GenieACS's) of the work that faulted. */
    public Fault withProvisions(List<List<Object>> work) {
        return new Fault(deviceId, channel, timestamp, code, message, detail, retries, expiry, work);
    }

    /** {@code <deviceId>:<channel>}. */
    public String id() {
        return deviceId + ":" + channel;
    }

    /** When the channel may run again: {@code timestamp + retryDelay × 2^retries}. */
    public Instant retryAt(Duration retryDelay) {
        return timestamp.plus(retryDelay.multipliedBy(1L << Math.min(retries, 20)));
    }

    /** The next fault of the same channel: one more retry. */
    public Fault next(Instant at, String newCode, String newMessage, Map<String, Object> newDetail) {
        return new Fault(deviceId, channel, at, newCode, newMessage, newDetail, retries + 1, expiry, provisions);
    }
}
