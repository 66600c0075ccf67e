package org.cwmpacs.soap.internal;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import org.cwmpacs.soap.SoapHeader;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpMessage;

/** The SOAP envelope as written: the Header holds only what is set, each element with {@code mustUnderstand}. */
@XmlRootElement(name = "Envelope", namespace = Cwmp.SOAP_ENV)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "WireEnvelope", propOrder = {"header", "body"})
public final class WireEnvelope {
    @XmlElement(name = "Header", namespace = Cwmp.SOAP_ENV)
    private Header header;
    @XmlElement(name = "Body", namespace = Cwmp.SOAP_ENV)
    private Body body;

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "WireHeader", propOrder = {"id", "holdRequests", "sessionTimeout", "supportedCwmpVersions", "useCwmpVersion"})
    static final class Header {
        @XmlElement(name = "ID", namespace = Cwmp.NS)
        private HeaderValue id;
        @XmlElement(name = "HoldRequests", namespace = Cwmp.NS)
        private HeaderValue holdRequests;
        @XmlElement(name = "SessionTimeout", namespace = Cwmp.NS)
        private HeaderValue sessionTimeout;
        @XmlElement(name = "SupportedCWMPVersions", namespace = Cwmp.NS)
        private HeaderValue supportedCwmpVersions;
        @XmlElement(name = "UseCWMPVersion", namespace = Cwmp.NS)
        private HeaderValue useCwmpVersion;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "WireHeaderValue")
    static final class HeaderValue {
        @XmlAttribute(name = "mustUnderstand", namespace = Cwmp.SOAP_ENV)
        private String mustUnderstand;
        @XmlValue
        private String value;

        private HeaderValue() {
            // for JAXB
        }

        HeaderValue(boolean mustUnderstand, String value) {
            this.mustUnderstand = mustUnderstand ? "1" : "0";
            this.value = value;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "WireBody")
    static final class Body {
        @XmlAnyElement(lax = true)
        private Object content;
    }

    private WireEnvelope() {
        // for JAXB
    }

    public WireEnvelope(SoapHeader soapHeader, CwmpMessage message) {
        boolean anyHeader = soapHeader.id().isPresent() || soapHeader.holdRequests().isPresent()
                || soapHeader.sessionTimeout().isPresent() || soapHeader.supportedCwmpVersions().isPresent()
                || soapHeader.useCwmpVersion().isPresent();
        if (anyHeader) {
            Header h = new Header();
            h.id = soapHeader.id().map(v -> new HeaderValue(true, v)).orElse(null);
            // always a digit: RDK-B refuses the whole message for HoldRequests "true"
            h.holdRequests = soapHeader.holdRequests().map(v -> new HeaderValue(true, v ? "1" : "0")).orElse(null);
            h.sessionTimeout = soapHeader.sessionTimeout().map(v -> new HeaderValue(false, v.toString())).orElse(null);
            h.supportedCwmpVersions = soapHeader.supportedCwmpVersions().map(v -> new HeaderValue(false, v)).orElse(null);
            h.useCwmpVersion = soapHeader.useCwmpVersion().map(v -> new HeaderValue(true, v)).orElse(null);
            this.header = h;
        }
        this.body = new Body();
        this.body.content = message;
    }
}
