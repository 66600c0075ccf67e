package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Lists the CPE's queued transfers (deprecated by GetAllQueuedTransfers).
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetQueuedTransfers", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetQueuedTransfers", propOrder = {})
public final class GetQueuedTransfers implements AcsRequest {
    public GetQueuedTransfers() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GetQueuedTransfers;
    }

    @Override
    public int hashCode() {
        return GetQueuedTransfers.class.hashCode();
    }

    @Override
    public String toString() {
        return "GetQueuedTransfers[]";
    }
}
