package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code string}; marshalled with {@code soap-enc:arrayType="xsd:string[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "StringArray")
final class StringArray extends SoapArray<String> {
    @XmlElement(name = "string")
    private List<String> items;

    private StringArray() {
        // for JAXB
    }

    StringArray(List<String> items) {
        super("xsd:string", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<String> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
