package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * The {@code <Value xsi:type="...">text</Value>} element. {@code xsi:type} is its only attribute, because
 * RDK-B reads the first attribute of Value as the type whatever its name.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ParameterValue")
final class ParameterValue {
    @XmlAttribute(name = "type", namespace = Cwmp.TYPE_ATTRIBUTE_NS)
    private String type;
    @XmlValue
    private String text;

    private ParameterValue() {
        // for JAXB
    }

    ParameterValue(String type, String text) {
        this.type = type;
        this.text = text;
    }

    String type() {
        return type == null ? "" : type;
    }

    String text() {
        return text == null ? "" : text;
    }
}
