package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * One event of an Inform, such as {@code 1 BOOT} or {@code M Download} with its CommandKey.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "EventStruct", propOrder = {"eventCode", "commandKey"})
public final class EventStruct {
    @XmlElement(name = "EventCode")
    private String eventCode;
    @XmlElement(name = "CommandKey")
    private String commandKey;

    private EventStruct() {
        // for JAXB
    }

    public EventStruct(String eventCode, String commandKey) {
        this.eventCode = Objects.requireNonNull(eventCode, "eventCode");
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
    }

    /** {@code EventCode}. */
    public String eventCode() {
        return eventCode == null ? "" : eventCode;
    }

    /** {@code CommandKey}. */
    public String commandKey() {
        return commandKey == null ? "" : commandKey;
    }

    static EventStruct empty() {
        return new EventStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EventStruct)) {
            return false;
        }
        EventStruct other = (EventStruct) o;
        return eventCode().equals(other.eventCode())
                && commandKey().equals(other.commandKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventCode(), commandKey());
    }

    @Override
    public String toString() {
        return "EventStruct[eventCode=" + eventCode() + ", commandKey=" + commandKey() + "]";
    }
}
