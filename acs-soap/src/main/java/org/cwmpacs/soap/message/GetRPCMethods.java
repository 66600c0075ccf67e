package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Asks the peer which RPC methods it supports (sent by either side).
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetRPCMethods", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetRPCMethods", propOrder = {})
public final class GetRPCMethods implements AcsRequest, CpeRequest {
    public GetRPCMethods() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GetRPCMethods;
    }

    @Override
    public int hashCode() {
        return GetRPCMethods.class.hashCode();
    }

    @Override
    public String toString() {
        return "GetRPCMethods[]";
    }
}
