package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * Reads values of full parameter names or partial paths ending in a dot.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetParameterValues", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetParameterValues", propOrder = {"parameterNames"})
public final class GetParameterValues implements AcsRequest {
    @XmlElement(name = "ParameterNames")
    private StringArray parameterNames;

    private GetParameterValues() {
        // for JAXB
    }

    public GetParameterValues(List<String> parameterNames) {
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
        if (!(o instanceof GetParameterValues)) {
            return false;
        }
        GetParameterValues other = (GetParameterValues) o;
        return parameterNames().equals(other.parameterNames());
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameterNames());
    }

    @Override
    public String toString() {
        return "GetParameterValues[parameterNames=" + parameterNames() + "]";
    }
}
