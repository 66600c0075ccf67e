package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Acknowledges ChangeDUState; results come later in DUStateChangeComplete.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "ChangeDUStateResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ChangeDUStateResponse", propOrder = {})
public final class ChangeDUStateResponse implements CpeResponse {
    public ChangeDUStateResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeDUStateResponse;
    }

    @Override
    public int hashCode() {
        return ChangeDUStateResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "ChangeDUStateResponse[]";
    }
}
