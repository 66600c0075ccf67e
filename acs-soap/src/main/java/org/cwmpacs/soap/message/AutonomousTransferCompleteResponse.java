package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Answers AutonomousTransferComplete.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "AutonomousTransferCompleteResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AutonomousTransferCompleteResponse", propOrder = {})
public final class AutonomousTransferCompleteResponse implements AcsResponse {
    public AutonomousTransferCompleteResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutonomousTransferCompleteResponse;
    }

    @Override
    public int hashCode() {
        return AutonomousTransferCompleteResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "AutonomousTransferCompleteResponse[]";
    }
}
