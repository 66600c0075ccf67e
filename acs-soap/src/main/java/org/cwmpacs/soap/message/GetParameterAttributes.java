package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * Reads notification and access-list attributes.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetParameterAttributes", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetParameterAttributes", propOrder = {"parameterNames"})
public final class GetParameterAttributes implements AcsRequest {
    @XmlElement(name = "ParameterNames")
    private StringArray parameterNames;

    private GetParameterAttributes() {
        // for JAXB
    }

    public GetParameterAttributes(List<String> parameterNames) {
        this.parameterNames = new StringArray(parameterNames);
    }

    /** {@code ParameterNames}. */
    public List<String> parameterNames() {
        return parameterNames == null ? List.of() : parameterNames.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GetParameterAttributes)) {
            return false;
        }
        GetParameterAttributes other = (GetParameterAttributes) o;
        return parameterNames().equals(other.parameterNames());
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameterNames());
    }

    @Override
    public String toString() {
        return "GetParameterAttributes[parameterNames=" + parameterNames() + "]";
    }
}
