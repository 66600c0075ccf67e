package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * The list of supported RPC method names.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetRPCMethodsResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetRPCMethodsResponse", propOrder = {"methodList"})
public final class GetRPCMethodsResponse implements AcsResponse, CpeResponse {
    @XmlElement(name = "MethodList")
    private StringArray methodList;

    private GetRPCMethodsResponse() {
        // for JAXB
    }

    public GetRPCMethodsResponse(List<String> methodList) {
        this.methodList = new StringArray(methodList);
    }

    /** {@code MethodList}. */
    public List<String> methodList() {
        return methodList == null ? List.of() : methodList.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GetRPCMethodsResponse)) {
            return false;
        }
        GetRPCMethodsResponse other = (GetRPCMethodsResponse) o;
        return methodList().equals(other.methodList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(methodList());
    }

    @Override
    public String toString() {
        return "GetRPCMethodsResponse[methodList=" + methodList() + "]";
    }
}
