package org.cwmpacs.core.device;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ACS knows about one node of a device's parameter tree, in GenieACS's terms: {@code _object},
 * {@code _writable}, {@code _value} (a String, Long, Integer, Double, Boolean or Instant), {@code _type},
 * {@code _timestamp}, and the attributes GetParameterAttributes reports.
 */
public record ParameterAttributes(Optional<Boolean> object, Optional<Boolean> writable, Optional<Object> value,
                                  Optional<String> type, Optional<Instant> timestamp, Optional<Integer> notification,
                                  Optional<List<String>> accessList, Optional<Instant> attributesTimestamp) {
    public static final ParameterAttributes NONE = new ParameterAttributes(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ParameterAttributes {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(writable, "writable");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(notification, "notification");
        accessList = accessList.map(List::copyOf);
        Objects.requireNonNull(attributesTimestamp, "attributesTimestamp");
    }

    public ParameterAttributes withObject(boolean isObject) {
        return new ParameterAttributes(Optional.of(isObject), writable, value, type, timestamp, notification, accessList,
                attributesTimestamp);
    }

    public ParameterAttributes withWritable(boolean isWritable) {
        return new ParameterAttributes(object, Optional.of(isWritable), value, type, timestamp, notification, accessList,
                attributesTimestamp);
    }

    /** A value read from (or set on) the CPE at {@code at}. */
    public ParameterAttributes withValue(Object newValue, String newType, Instant at) {
        return new ParameterAttributes(Optional.of(false), writable, Optional.of(newValue), Optional.of(newType),
                Optional.of(at), notification, accessList, attributesTimestamp);
    }

    /** For objects: when the list of children was last read. */
    public ParameterAttributes withTimestamp(Instant at) {
        return new ParameterAttributes(object, writable, value, type, Optional.of(at), notification, accessList,
                attributesTimestamp);
    }

    public ParameterAttributes withAttributes(int newNotification, List<String> newAccessList, Instant at) {
        return new ParameterAttributes(object, writable, value, type, timestamp, Optional.of(newNotification),
                Optional.of(newAccessList), Optional.of(at));
    }

    /** Whether nothing is known (as {@link #NONE}); a plain check, as record equality is slow per node. */
    public boolean isEmpty() {
        return object.isEmpty() && writable.isEmpty() && value.isEmpty() && type.isEmpty() && timestamp.isEmpty()
                && notification.isEmpty() && accessList.isEmpty() && attributesTimestamp.isEmpty();
    }

    public boolean isObject() {
        return object.orElse(false);
    }

    /** A leaf read from the CPE. */
    public static ParameterAttributes leaf(Object value, String type, Instant timestamp) {
        return new ParameterAttributes(Optional.of(false), Optional.empty(), Optional.of(value), Optional.of(type),
                Optional.of(timestamp), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
