package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Acknowledges Reboot.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "RebootResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "RebootResponse", propOrder = {})
public final class RebootResponse implements CpeResponse {
    public RebootResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RebootResponse;
    }

    @Override
    public int hashCode() {
        return RebootResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "RebootResponse[]";
    }
}
