package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * Asks for the CPE's options; an empty {@code OptionName} asks for all of them.
 *
 * <p>Immutable; absent values read as {@code ""}, never null.
 */
@XmlRootElement(name = "GetOptions", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetOptions", propOrder = {"optionName"})
public final class GetOptions implements AcsRequest {
    @XmlElement(name = "OptionName")
    private String optionName;

    private GetOptions() {
        // for JAXB
    }

    public GetOptions(String optionName) {
        this.optionName = Objects.requireNonNull(optionName, "optionName");
    }

    /** {@code OptionName}. */
    public String optionName() {
        return optionName == null ? "" : optionName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GetOptions && optionName().equals(((GetOptions) o).optionName());
    }

    @Override
    public int hashCode() {
        return Objects.hash(optionName());
    }

    @Override
    public String toString() {
        return "GetOptions[optionName=" + optionName() + "]";
    }
}
