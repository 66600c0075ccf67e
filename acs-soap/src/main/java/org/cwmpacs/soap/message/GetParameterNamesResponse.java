package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * The names found, with their writable flags.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetParameterNamesResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetParameterNamesResponse", propOrder = {"parameterList"})
public final class GetParameterNamesResponse implements CpeResponse {
    @XmlElement(name = "ParameterList")
    private ParameterInfoArray parameterList;

    private GetParameterNamesResponse() {
        // for JAXB
    }

    public GetParameterNamesResponse(List<ParameterInfoStruct> parameterList) {
        this.parameterList = new ParameterInfoArray(parameterList);
    }

    /** {@code ParameterList}. */
    public List<ParameterInfoStruct> parameterList() {
        return parameterList == null ? List.of() : parameterList.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GetParameterNamesResponse)) {
            return false;
        }
        GetParameterNamesResponse other = (GetParameterNamesResponse) o;
        return parameterList().equals(other.parameterList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameterList());
    }

    @Override
    public String toString() {
        return "GetParameterNamesResponse[parameterList=" + parameterList() + "]";
    }
}
