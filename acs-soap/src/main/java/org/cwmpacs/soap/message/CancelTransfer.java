package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * Cancels a queued transfer by its CommandKey (CWMP 1.2+).
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "CancelTransfer", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CancelTransfer", propOrder = {"commandKey"})
public final class CancelTransfer implements AcsRequest {
    @XmlElement(name = "CommandKey")
    private String commandKey;

    private CancelTransfer() {
        // for JAXB
    }

    public CancelTransfer(String commandKey) {
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
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
        if (!(o instanceof CancelTransfer)) {
            return false;
        }
        CancelTransfer other = (CancelTransfer) o;
        return commandKey().equals(other.commandKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandKey());
    }

    @Override
    public String toString() {
        return "CancelTransfer[commandKey=" + commandKey() + "]";
    }
}
