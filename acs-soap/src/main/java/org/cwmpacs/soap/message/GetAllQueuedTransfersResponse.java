package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * The queued transfers with details.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetAllQueuedTransfersResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetAllQueuedTransfersResponse", propOrder = {"transferList"})
public final class GetAllQueuedTransfersResponse implements CpeResponse {
    @XmlElement(name = "TransferList")
    private AllQueuedTransferArray transferList;

    private GetAllQueuedTransfersResponse() {
        // for JAXB
    }

    public GetAllQueuedTransfersResponse(List<AllQueuedTransferStruct> transferList) {
        this.transferList = new AllQueuedTransferArray(transferList);
    }

    /** {@code TransferList}. */
    public List<AllQueuedTransferStruct> transferList() {
        return transferList == null ? List.of() : transferList.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GetAllQueuedTransfersResponse)) {
            return false;
        }
        GetAllQueuedTransfersResponse other = (GetAllQueuedTransfersResponse) o;
        return transferList().equals(other.transferList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(transferList());
    }

    @Override
    public String toString() {
        return "GetAllQueuedTransfersResponse[transferList=" + transferList() + "]";
    }
}
