package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** SOAP-encoded array of {@code base64}; marshalled with {@code soap-enc:arrayType="soap-enc:base64[N]"}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "VoucherArray")
final class VoucherArray extends SoapArray<String> {
    @XmlElement(name = "base64")
    private List<String> items;

    private VoucherArray() {
        // for JAXB
    }

    VoucherArray(List<String> items) {
        super("soap-enc:base64", items.size());
        this.items = List.copyOf(items);
    }

    @Override
    List<String> items() {
        return items == null ? List.of() : java.util.Collections.unmodifiableList(items);
    }
}
