package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Answers AutonomousDUStateChangeComplete.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "AutonomousDUStateChangeCompleteResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AutonomousDUStateChangeCompleteResponse", propOrder = {})
public final class AutonomousDUStateChangeCompleteResponse implements AcsResponse {
    public AutonomousDUStateChangeCompleteResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutonomousDUStateChangeCompleteResponse;
    }

    @Override
    public int hashCode() {
        return AutonomousDUStateChangeCompleteResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "AutonomousDUStateChangeCompleteResponse[]";
    }
}
