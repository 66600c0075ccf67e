package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code ParameterInfoStruct}; marshalled with {@code soap-enc:arrayType="cwmp:ParameterInfoStruct[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ParameterInfoArray")
final class ParameterInfoArray extends SoapArray<ParameterInfoStruct> {
    @XmlElement(name = "ParameterInfoStruct")
    private List<ParameterInfoStruct> items;

    private ParameterInfoArray() {
        // for JAXB
    }

    ParameterInfoArray(List<ParameterInfoStruct> items) {
        super("cwmp:ParameterInfoStruct", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<ParameterInfoStruct> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
