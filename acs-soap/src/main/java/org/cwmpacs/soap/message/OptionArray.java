package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code OptionStruct}; marshalled with {@code soap-enc:arrayType="cwmp:OptionStruct[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "OptionArray")
final class OptionArray extends SoapArray<OptionStruct> {
    @XmlElement(name = "OptionStruct")
    private List<OptionStruct> items;

    private OptionArray() {
        // for JAXB
    }

    OptionArray(List<OptionStruct> items) {
        super("cwmp:OptionStruct", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<OptionStruct> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
