package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Acknowledges SetParameterAttributes.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "SetParameterAttributesResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SetParameterAttributesResponse", propOrder = {})
public final class SetParameterAttributesResponse implements CpeResponse {
    public SetParameterAttributesResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetParameterAttributesResponse;
    }

    @Override
    public int hashCode() {
        return SetParameterAttributesResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "SetParameterAttributesResponse[]";
    }
}
