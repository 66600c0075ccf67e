package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * Per-parameter detail of a SetParameterValues fault.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SetParameterValuesFault", propOrder = {"parameterName", "faultCode", "faultString"})
public final class SetParameterValuesFault {
    @XmlElement(name = "ParameterName")
    private String parameterName;
    @XmlElement(name = "FaultCode")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer faultCode;
    @XmlElement(name = "FaultString")
    private String faultString;

    private SetParameterValuesFault() {
        // for JAXB
    }

    public SetParameterValuesFault(String parameterName, int faultCode, String faultString) {
        this.parameterName = Objects.requireNonNull(parameterName, "parameterName");
        this.faultCode = faultCode;
        this.faultString = Objects.requireNonNull(faultString, "faultString");
    }

    /** {@code ParameterName}. */
    public String parameterName() {
        return parameterName == null ? "" : parameterName;
    }

    /** {@code FaultCode}. */
    public int faultCode() {
        return faultCode == null ? 0 : faultCode;
    }

    /** {@code FaultString}. */
    public String faultString() {
        return faultString == null ? "" : faultString;
    }

    static SetParameterValuesFault empty() {
        return new SetParameterValuesFault();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SetParameterValuesFault)) {
            return false;
        }
        SetParameterValuesFault other = (SetParameterValuesFault) o;
        return parameterName().equals(other.parameterName())
                && faultCode() == other.faultCode()
                && faultString().equals(other.faultString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameterName(), faultCode(), faultString());
    }

    @Override
    public String toString() {
        return "SetParameterValuesFault[parameterName=" + parameterName() + ", faultCode=" + faultCode() + ", faultString=" + faultString() + "]";
    }
}
