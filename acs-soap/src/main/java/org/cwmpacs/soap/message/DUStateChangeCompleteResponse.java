package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Answers DUStateChangeComplete.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "DUStateChangeCompleteResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "DUStateChangeCompleteResponse", propOrder = {})
public final class DUStateChangeCompleteResponse implements AcsResponse {
    public DUStateChangeCompleteResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DUStateChangeCompleteResponse;
    }

    @Override
    public int hashCode() {
        return DUStateChangeCompleteResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "DUStateChangeCompleteResponse[]";
    }
}
