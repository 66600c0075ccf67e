package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Resets the CPE to factory defaults; it comes back with {@code 0 BOOTSTRAP}.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "FactoryReset", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "FactoryReset", propOrder = {})
public final class FactoryReset implements AcsRequest {
    public FactoryReset() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactoryReset;
    }

    @Override
    public int hashCode() {
        return FactoryReset.class.hashCode();
    }

    @Override
    public String toString() {
        return "FactoryReset[]";
    }
}
