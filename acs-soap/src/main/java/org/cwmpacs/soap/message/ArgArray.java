package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code ArgStruct}; marshalled with {@code soap-enc:arrayType="cwmp:ArgStruct[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ArgArray")
final class ArgArray extends SoapArray<ArgStruct> {
    @XmlElement(name = "ArgStruct")
    private List<ArgStruct> items;

    private ArgArray() {
        // for JAXB
    }

    ArgArray(List<ArgStruct> items) {
        super("cwmp:ArgStruct", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<ArgStruct> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
