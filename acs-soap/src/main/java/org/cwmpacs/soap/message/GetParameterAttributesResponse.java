package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * The attributes read.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetParameterAttributesResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetParameterAttributesResponse", propOrder = {"parameterList"})
public final class GetParameterAttributesResponse implements CpeResponse {
    @XmlElement(name = "ParameterList")
    private ParameterAttributeArray parameterList;

    private GetParameterAttributesResponse() {
        // for JAXB
    }

    public GetParameterAttributesResponse(List<ParameterAttributeStruct> parameterList) {
        this.parameterList = new ParameterAttributeArray(parameterList);
    }

    /** {@code ParameterList}. */
    public List<ParameterAttributeStruct> parameterList() {
        return parameterList == null ? List.of() : parameterList.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GetParameterAttributesResponse)) {
            return false;
        }
        GetParameterAttributesResponse other = (GetParameterAttributesResponse) o;
        return parameterList().equals(other.parameterList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameterList());
    }

    @Override
    public String toString() {
        return "GetParameterAttributesResponse[parameterList=" + parameterList() + "]";
    }
}
