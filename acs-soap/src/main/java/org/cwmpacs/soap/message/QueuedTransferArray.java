package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code QueuedTransferStruct}; marshalled with {@code soap-enc:arrayType="cwmp:QueuedTransferStruct[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "QueuedTransferArray")
final class QueuedTransferArray extends SoapArray<QueuedTransferStruct> {
    @XmlElement(name = "QueuedTransferStruct")
    private List<QueuedTransferStruct> items;

    private QueuedTransferArray() {
        // for JAXB
    }

    QueuedTransferArray(List<QueuedTransferStruct> items) {
        super("cwmp:QueuedTransferStruct", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<QueuedTransferStruct> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
