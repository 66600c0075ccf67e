package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * The queued transfers.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetQueuedTransfersResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetQueuedTransfersResponse", propOrder = {"transferList"})
public final class GetQueuedTransfersResponse implements CpeResponse {
    @XmlElement(name = "TransferList")
    private QueuedTransferArray transferList;

    private GetQueuedTransfersResponse() {
        // for JAXB
    }

    public GetQueuedTransfersResponse(List<QueuedTransferStruct> transferList) {
        this.transferList = new QueuedTransferArray(transferList);
    }

    /** {@code TransferList}. */
    public List<QueuedTransferStruct> transferList() {
        return transferList == null ? List.of() : transferList.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GetQueuedTransfersResponse)) {
            return false;
        }
        GetQueuedTransfersResponse other = (GetQueuedTransfersResponse) o;
        return transferList().equals(other.transferList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(transferList());
    }

    @Override
    public String toString() {
        return "GetQueuedTransfersResponse[transferList=" + transferList() + "]";
    }
}
