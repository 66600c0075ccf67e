package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * Outcome of a transfer or deployment-unit operation: FaultCode 0 means success.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "FaultStruct", propOrder = {"faultCode", "faultString"})
public final class FaultStruct {
    @XmlElement(name = "FaultCode")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer faultCode;
    @XmlElement(name = "FaultString")
    private String faultString;

    private FaultStruct() {
        // for JAXB
    }

    public FaultStruct(int faultCode, String faultString) {
        this.faultCode = faultCode;
        this.faultString = Objects.requireNonNull(faultString, "faultString");
    }

    /** {@code FaultCode}. */
    public int faultCode() {
        return faultCode == null ? 0 : faultCode;
    }

    /** {@code FaultString}. */
    public String faultString() {
        return faultString == null ? "" : faultString;
    }

    static FaultStruct empty() {
        return new FaultStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FaultStruct)) {
            return false;
        }
        FaultStruct other = (FaultStruct) o;
        return faultCode() == other.faultCode()
                && faultString().equals(other.faultString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(faultCode(), faultString());
    }

    @Override
    public String toString() {
        return "FaultStruct[faultCode=" + faultCode() + ", faultString=" + faultString() + "]";
    }
}
