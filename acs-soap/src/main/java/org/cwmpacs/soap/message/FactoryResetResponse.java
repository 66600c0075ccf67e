package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Acknowledges FactoryReset.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "FactoryResetResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "FactoryResetResponse", propOrder = {})
public final class FactoryResetResponse implements CpeResponse {
    public FactoryResetResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactoryResetResponse;
    }

    @Override
    public int hashCode() {
        return FactoryResetResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "FactoryResetResponse[]";
    }
}
