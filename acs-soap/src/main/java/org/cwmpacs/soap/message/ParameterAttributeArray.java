package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code ParameterAttributeStruct}; marshalled with {@code soap-enc:arrayType="cwmp:ParameterAttributeStruct[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ParameterAttributeArray")
final class ParameterAttributeArray extends SoapArray<ParameterAttributeStruct> {
    @XmlElement(name = "ParameterAttributeStruct")
    private List<ParameterAttributeStruct> items;

    private ParameterAttributeArray() {
        // for JAXB
    }

    ParameterAttributeArray(List<ParameterAttributeStruct> items) {
        super("cwmp:ParameterAttributeStruct", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<ParameterAttributeStruct> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
