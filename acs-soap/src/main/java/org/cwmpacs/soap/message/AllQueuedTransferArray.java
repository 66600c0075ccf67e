package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code AllQueuedTransferStruct}; marshalled with {@code soap-enc:arrayType="cwmp:AllQueuedTransferStruct[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AllQueuedTransferArray")
final class AllQueuedTransferArray extends SoapArray<AllQueuedTransferStruct> {
    @XmlElement(name = "AllQueuedTransferStruct")
    private List<AllQueuedTransferStruct> items;

    private AllQueuedTransferArray() {
        // for JAXB
    }

    AllQueuedTransferArray(List<AllQueuedTransferStruct> items) {
        super("cwmp:AllQueuedTransferStruct", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<AllQueuedTransferStruct> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
