package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Lists all queued transfers with their details.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetAllQueuedTransfers", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetAllQueuedTransfers", propOrder = {})
public final class GetAllQueuedTransfers implements AcsRequest {
    public GetAllQueuedTransfers() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GetAllQueuedTransfers;
    }

    @Override
    public int hashCode() {
        return GetAllQueuedTransfers.class.hashCode();
    }

    @Override
    public String toString() {
        return "GetAllQueuedTransfers[]";
    }
}
