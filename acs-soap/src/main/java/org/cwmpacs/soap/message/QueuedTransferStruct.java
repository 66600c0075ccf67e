package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * A GetQueuedTransfers entry; State 1 not started, 2 in progress, 3 completed.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "QueuedTransferStruct", propOrder = {"commandKey", "state"})
public final class QueuedTransferStruct {
    @XmlElement(name = "CommandKey")
    private String commandKey;
    @XmlElement(name = "State")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer state;

    private QueuedTransferStruct() {
        // for JAXB
    }

    public QueuedTransferStruct(String commandKey, int state) {
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
        this.state = state;
    }

    /** {@code CommandKey}. */
    public String commandKey() {
        return commandKey == null ? "" : commandKey;
    }

    /** {@code State}. */
    public int state() {
        return state == null ? 0 : state;
    }

    static QueuedTransferStruct empty() {
        return new QueuedTransferStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof QueuedTransferStruct)) {
            return false;
        }
        QueuedTransferStruct other = (QueuedTransferStruct) o;
        return commandKey().equals(other.commandKey())
                && state() == other.state();
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandKey(), state());
    }

    @Override
    public String toString() {
        return "QueuedTransferStruct[commandKey=" + commandKey() + ", state=" + state() + "]";
    }
}
