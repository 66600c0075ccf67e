package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.List;

/**
 * A SOAP-encoded array. On output it carries {@code soap-enc:arrayType} with the true count, which
 * strict CPEs require; on input the count is ignored because CPEs send wrong or zero-padded ones.
 */
@XmlTransient
abstract class SoapArray<T> {
    @XmlAttribute(name = "arrayType", namespace = Cwmp.SOAP_ENC)
    private String arrayType;

    SoapArray() {
        // for JAXB
    }

    SoapArray(String itemType, int count) {
        this.arrayType = itemType + "[" + count + "]";
    }

    abstract List<T> items();
}
