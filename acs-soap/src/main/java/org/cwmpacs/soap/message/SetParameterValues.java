package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * Sets parameter values on the CPE; ParameterKey (max 32 chars) is stored by the CPE.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "SetParameterValues", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SetParameterValues", propOrder = {"parameterList", "parameterKey"})
public final class SetParameterValues implements AcsRequest {
    @XmlElement(name = "ParameterList")
    private ParameterValueArray parameterList;
    @XmlElement(name = "ParameterKey")
    private String parameterKey;

    private SetParameterValues() {
        // for JAXB
    }

    public SetParameterValues(List<ParameterValueStruct> parameterList, String parameterKey) {
        this.parameterList = new ParameterValueArray(parameterList);
        this.parameterKey = Objects.requireNonNull(parameterKey, "parameterKey");
    }

    /** {@code ParameterList}. */
    public List<ParameterValueStruct> parameterList() {
        return parameterList == null ? List.of() : parameterList.items();
    }

    /** {@code ParameterKey}. */
    public String parameterKey() {
        return parameterKey == null ? "" : parameterKey;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SetParameterValues)) {
            return false;
        }
        SetParameterValues other = (SetParameterValues) o;
        return parameterList().equals(other.parameterList())
                && parameterKey().equals(other.parameterKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameterList(), parameterKey());
    }

    @Override
    public String toString() {
        return "SetParameterValues[parameterList=" + parameterList() + ", parameterKey=" + parameterKey() + "]";
    }
}
