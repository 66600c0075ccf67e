package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * Asks the CPE to inform again after DelaySeconds.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "ScheduleInform", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ScheduleInform", propOrder = {"delaySeconds", "commandKey"})
public final class ScheduleInform implements AcsRequest {
    @XmlElement(name = "DelaySeconds")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long delaySeconds;
    @XmlElement(name = "CommandKey")
    private String commandKey;

    private ScheduleInform() {
        // for JAXB
    }

    public ScheduleInform(long delaySeconds, String commandKey) {
        this.delaySeconds = delaySeconds;
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
    }

    /** {@code DelaySeconds}. */
    public long delaySeconds() {
        return delaySeconds == null ? 0L : delaySeconds;
    }

    /** {@code CommandKey}. */
    public String commandKey() {
        return commandKey == null ? "" : commandKey;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ScheduleInform)) {
            return false;
        }
        ScheduleInform other = (ScheduleInform) o;
        return delaySeconds() == other.delaySeconds()
                && commandKey().equals(other.commandKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(delaySeconds(), commandKey());
    }

    @Override
    public String toString() {
        return "ScheduleInform[delaySeconds=" + delaySeconds() + ", commandKey=" + commandKey() + "]";
    }
}
