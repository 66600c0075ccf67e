package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code TimeWindowStruct}; marshalled with {@code soap-enc:arrayType="cwmp:TimeWindowStruct[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "TimeWindowArray")
final class TimeWindowArray extends SoapArray<TimeWindowStruct> {
    @XmlElement(name = "TimeWindowStruct")
    private List<TimeWindowStruct> items;

    private TimeWindowArray() {
        // for JAXB
    }

    TimeWindowArray(List<TimeWindowStruct> items) {
        super("cwmp:TimeWindowStruct", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<TimeWindowStruct> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
