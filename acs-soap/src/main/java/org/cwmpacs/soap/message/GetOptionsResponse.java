package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * The CPE's options.
 *
 * <p>Immutable; absent values read as an empty list, never null.
 */
@XmlRootElement(name = "GetOptionsResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetOptionsResponse", propOrder = {"optionList"})
public final class GetOptionsResponse implements CpeResponse {
    @XmlElement(name = "OptionList")
    private OptionArray optionList;

    private GetOptionsResponse() {
        // for JAXB
    }

    public GetOptionsResponse(List<OptionStruct> optionList) {
        this.optionList = new OptionArray(optionList);
    }

    /** {@code OptionList}. */
    public List<OptionStruct> optionList() {
        return optionList == null ? List.of() : optionList.items();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GetOptionsResponse && optionList().equals(((GetOptionsResponse) o).optionList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(optionList());
    }

    @Override
    public String toString() {
        return "GetOptionsResponse[optionList=" + optionList() + "]";
    }
}
