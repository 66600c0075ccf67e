package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * Reboots the CPE after the session; the next Inform carries {@code M Reboot} with this CommandKey.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "Reboot", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Reboot", propOrder = {"commandKey"})
public final class Reboot implements AcsRequest {
    @XmlElement(name = "CommandKey")
    private String commandKey;

    private Reboot() {
        // for JAXB
    }

    public Reboot(String commandKey) {
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
        if (!(o instanceof Reboot)) {
            return false;
        }
        Reboot other = (Reboot) o;
        return commandKey().equals(other.commandKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandKey());
    }

    @Override
    public String toString() {
        return "Reboot[commandKey=" + commandKey() + "]";
    }
}
