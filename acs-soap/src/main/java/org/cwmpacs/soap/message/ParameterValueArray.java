package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code ParameterValueStruct}; marshalled with {@code soap-enc:arrayType="cwmp:ParameterValueStruct[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ParameterValueArray")
final class ParameterValueArray extends SoapArray<ParameterValueStruct> {
    @XmlElement(name = "ParameterValueStruct")
    private List<ParameterValueStruct> items;

    private ParameterValueArray() {
        // for JAXB
    }

    ParameterValueArray(List<ParameterValueStruct> items) {
        super("cwmp:ParameterValueStruct", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<ParameterValueStruct> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
