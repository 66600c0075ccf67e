package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * A SOAP 1.1 Fault carrying a {@code cwmp:Fault}: a CPE's answer to a request it refuses, or the ACS's
 * answer to a CPE request it refuses (e.g. 8000 for an unknown method).
 */
@XmlRootElement(name = "Fault", namespace = Cwmp.SOAP_ENV)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SoapFault", propOrder = {"faultcode", "faultstring", "detail"})
public final class SoapFault implements CpeResponse, AcsResponse {
    @XmlElement(name = "faultcode")
    private String faultcode;
    @XmlElement(name = "faultstring")
    private String faultstring;
    @XmlElement(name = "detail")
    private Detail detail;

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "SoapFaultDetail")
    static final class Detail {
        @XmlElement(name = "Fault", namespace = Cwmp.NS)
        private CwmpFault fault;

        private Detail() {
            // for JAXB
        }

        Detail(CwmpFault fault) {
            this.fault = fault;
        }
    }

    private SoapFault() {
        // for JAXB
    }

    public SoapFault(String faultcode, String faultstring, CwmpFault fault) {
        this.faultcode = Objects.requireNonNull(faultcode, "faultcode");
        this.faultstring = Objects.requireNonNull(faultstring, "faultstring");
        this.detail = new Detail(Objects.requireNonNull(fault, "fault"));
    }

    /**
     * A fault with the conventional envelope: faultcode {@code Client} for faults caused by the request's
     * content (argument, name, type and value errors), {@code Server} otherwise; faultstring {@code CWMP fault}.
     */
    public static SoapFault of(int faultCode, String faultString) {
        return of(faultCode, faultString, List.of());
    }

    public static SoapFault of(int faultCode, String faultString, List<SetParameterValuesFault> parameterFaults) {
        return new SoapFault(isClientFault(faultCode) ? "Client" : "Server", "CWMP fault",
                new CwmpFault(faultCode, faultString, parameterFaults));
    }

    private static boolean isClientFault(int code) {
        return code == 8003 || code == 8005 || code == 8006 || code == 9003 || (code >= 9005 && code <= 9008)
                || code == 9020 || code == 9021;
    }

    @Override
    public String methodName() {
        return "Fault";
    }

    /** {@code faultcode}, e.g. {@code Client}, {@code Server} or {@code SOAP-ENV:Client}, as sent. */
    public String faultcode() {
        return faultcode == null ? "" : faultcode;
    }

    public String faultstring() {
        return faultstring == null ? "" : faultstring;
    }

    /** The {@code cwmp:Fault} in the detail; one with code 0 when the sender left it out. */
    public CwmpFault fault() {
        return detail == null || detail.fault == null ? CwmpFault.empty() : detail.fault;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoapFault && faultcode().equals(((SoapFault) o).faultcode())
                && faultstring().equals(((SoapFault) o).faultstring()) && fault().equals(((SoapFault) o).fault());
    }

    @Override
    public int hashCode() {
        return Objects.hash(faultcode(), faultstring(), fault());
    }

    @Override
    public String toString() {
        return "Fault[" + faultcode() + ", " + fault() + "]";
    }
}
