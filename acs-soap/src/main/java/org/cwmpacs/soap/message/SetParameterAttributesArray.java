package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code SetParameterAttributesStruct}; marshalled with {@code soap-enc:arrayType="cwmp:SetParameterAttributesStruct[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SetParameterAttributesArray")
final class SetParameterAttributesArray extends SoapArray<SetParameterAttributesStruct> {
    @XmlElement(name = "SetParameterAttributesStruct")
    private List<SetParameterAttributesStruct> items;

    private SetParameterAttributesArray() {
        // for JAXB
    }

    SetParameterAttributesArray(List<SetParameterAttributesStruct> items) {
        super("cwmp:SetParameterAttributesStruct", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<SetParameterAttributesStruct> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
