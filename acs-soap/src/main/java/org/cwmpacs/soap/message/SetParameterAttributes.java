package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * Changes notification and access-list attributes.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "SetParameterAttributes", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SetParameterAttributes", propOrder = {"parameterList"})
public final class SetParameterAttributes implements AcsRequest {
    @XmlElement(name = "ParameterList")
    private SetParameterAttributesArray parameterList;

    private SetParameterAttributes() {
        // for JAXB
    }

    public SetParameterAttributes(List<SetParameterAttributesStruct> parameterList) {
        this.parameterList = new SetParameterAttributesArray(parameterList);
    }

    /** {@code ParameterList}. */
    public List<SetParameterAttributesStruct> parameterList() {
        return parameterList == null ? List.of() : parameterList.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SetParameterAttributes)) {
            return false;
        }
        SetParameterAttributes other = (SetParameterAttributes) o;
        return parameterList().equals(other.parameterList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameterList());
    }

    @Override
    public String toString() {
        return "SetParameterAttributes[parameterList=" + parameterList() + "]";
    }
}
