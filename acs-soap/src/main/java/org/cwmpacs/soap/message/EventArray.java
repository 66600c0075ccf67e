package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code EventStruct}; marshalled with {@code soap-enc:arrayType="cwmp:EventStruct[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "EventArray")
final class EventArray extends SoapArray<EventStruct> {
    @XmlElement(name = "EventStruct")
    private List<EventStruct> items;

    private EventArray() {
        // for JAXB
    }

    EventArray(List<EventStruct> items) {
        super("cwmp:EventStruct", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<EventStruct> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
