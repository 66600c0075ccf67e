package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * A ScheduleDownload time window; WindowMode is e.g. {@code 1 At Any Time}.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "TimeWindowStruct", propOrder = {"windowStart", "windowEnd", "windowMode", "userMessage", "maxRetries"})
public final class TimeWindowStruct {
    @XmlElement(name = "WindowStart")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long windowStart;
    @XmlElement(name = "WindowEnd")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long windowEnd;
    @XmlElement(name = "WindowMode")
    private String windowMode;
    @XmlElement(name = "UserMessage")
    private String userMessage;
    @XmlElement(name = "MaxRetries")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer maxRetries;

    private TimeWindowStruct() {
        // for JAXB
    }

    public TimeWindowStruct(long windowStart, long windowEnd, String windowMode, String userMessage, int maxRetries) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.windowMode = Objects.requireNonNull(windowMode, "windowMode");
        this.userMessage = Objects.requireNonNull(userMessage, "userMessage");
        this.maxRetries = maxRetries;
    }

    /** {@code WindowStart}. */
    public long windowStart() {
        return windowStart == null ? 0L : windowStart;
    }

    /** {@code WindowEnd}. */
    public long windowEnd() {
        return windowEnd == null ? 0L : windowEnd;
    }

    /** {@code WindowMode}. */
    public String windowMode() {
        return windowMode == null ? "" : windowMode;
    }

    /** {@code UserMessage}. */
    public String userMessage() {
        return userMessage == null ? "" : userMessage;
    }

    /** {@code MaxRetries}. */
    public int maxRetries() {
        return maxRetries == null ? 0 : maxRetries;
    }

    static TimeWindowStruct empty() {
        return new TimeWindowStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TimeWindowStruct)) {
            return false;
        }
        TimeWindowStruct other = (TimeWindowStruct) o;
        return windowStart() == other.windowStart()
                && windowEnd() == other.windowEnd()
                && windowMode().equals(other.windowMode())
                && userMessage().equals(other.userMessage())
                && maxRetries() == other.maxRetries();
    }

    @Override
    public int hashCode() {
        return Objects.hash(windowStart(), windowEnd(), windowMode(), userMessage(), maxRetries());
    }

    @Override
    public String toString() {
        return "TimeWindowStruct[windowStart=" + windowStart() + ", windowEnd=" + windowEnd() + ", windowMode=" + windowMode() + ", userMessage=" + userMessage() + ", maxRetries=" + maxRetries() + "]";
    }
}
