package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** {@code cwmp:Fault}, the CWMP part of a SOAP fault's detail. */
@XmlRootElement(name = "Fault", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CwmpFault", propOrder = {"faultCode", "faultString", "setParameterValuesFaults"})
public final class CwmpFault {
    @XmlElement(name = "FaultCode")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer faultCode;
    @XmlElement(name = "FaultString")
    private String faultString;
    @XmlElement(name = "SetParameterValuesFault")
    private List<SetParameterValuesFault> setParameterValuesFaults;

    private CwmpFault() {
        // for JAXB
    }

    public CwmpFault(int faultCode, String faultString, List<SetParameterValuesFault> setParameterValuesFaults) {
        this.faultCode = faultCode;
        this.faultString = Objects.requireNonNull(faultString, "faultString");
        this.setParameterValuesFaults = List.copyOf(setParameterValuesFaults);
    }

    /** {@code FaultCode}: 8000-8899 for ACS faults, 9000-9899 for CPE faults. */
    public int faultCode() {
        return faultCode == null ? 0 : faultCode;
    }

    public String faultString() {
        return faultString == null ? "" : faultString;
    }

    /** Per-parameter causes of a SetParameterValues fault; often empty even then. */
    public List<SetParameterValuesFault> setParameterValuesFaults() {
        return setParameterValuesFaults == null ? List.of() : Collections.unmodifiableList(setParameterValuesFaults);
    }

    static CwmpFault empty() {
        return new CwmpFault();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CwmpFault && faultCode() == ((CwmpFault) o).faultCode()
                && faultString().equals(((CwmpFault) o).faultString())
                && setParameterValuesFaults().equals(((CwmpFault) o).setParameterValuesFaults());
    }

    @Override
    public int hashCode() {
        return Objects.hash(faultCode(), faultString(), setParameterValuesFaults());
    }

    @Override
    public String toString() {
        return faultCode() + " " + faultString() + (setParameterValuesFaults().isEmpty() ? "" : " " + setParameterValuesFaults());
    }
}
