package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Acknowledges CancelTransfer.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "CancelTransferResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CancelTransferResponse", propOrder = {})
public final class CancelTransferResponse implements CpeResponse {
    public CancelTransferResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CancelTransferResponse;
    }

    @Override
    public int hashCode() {
        return CancelTransferResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "CancelTransferResponse[]";
    }
}
