package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * The values read.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetParameterValuesResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetParameterValuesResponse", propOrder = {"parameterList"})
public final class GetParameterValuesResponse implements CpeResponse {
    @XmlElement(name = "ParameterList")
    private ParameterValueArray parameterList;

    private GetParameterValuesResponse() {
        // for JAXB
    }

    public GetParameterValuesResponse(List<ParameterValueStruct> parameterList) {
        this.parameterList = new ParameterValueArray(parameterList);
    }

    /** {@code ParameterList}. */
    public List<ParameterValueStruct> parameterList() {
        return parameterList == null ? List.of() : parameterList.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GetParameterValuesResponse)) {
            return false;
        }
        GetParameterValuesResponse other = (GetParameterValuesResponse) o;
        return parameterList().equals(other.parameterList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameterList());
    }

    @Override
    public String toString() {
        return "GetParameterValuesResponse[parameterList=" + parameterList() + "]";
    }
}
