package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Answers TransferComplete; without it the CPE sends it again forever.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "TransferCompleteResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "TransferCompleteResponse", propOrder = {})
public final class TransferCompleteResponse implements AcsResponse {
    public TransferCompleteResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferCompleteResponse;
    }

    @Override
    public int hashCode() {
        return TransferCompleteResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "TransferCompleteResponse[]";
    }
}
