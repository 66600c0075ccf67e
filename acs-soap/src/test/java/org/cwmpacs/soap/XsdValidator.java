package org.cwmpacs.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/** Validates whole envelopes against the official CWMP schemas, offline. */
final class XsdValidator {
    private static final Map<String, String> LOCAL = Map.of(
            "http://schemas.xmlsoap.org/soap/envelope/", "/xsd/soap-envelope-stub.xsd",
            "http://schemas.xmlsoap.org/soap/encoding/", "/xsd/soap-encoding-stub.xsd",
            "http://www.broadband-forum.org/cwmp/cwmp-1-2.xsd", "/xsd/cwmp-1-2.xsd");

    private final Schema schema;

    XsdValidator(String cwmpXsd) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // nothing may be fetched from the network: every import is mapped to a local file
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            factory.setResourceResolver((type, namespaceUri, publicId, systemId, baseUri) -> {
                String local = LOCAL.get(systemId);
                if (local == null) {
                    return null;
                }
                URL url = XsdValidator.class.getResource(local);
                LSInput input = ls.createLSInput();
                input.setSystemId(url.toString());
                input.setByteStream(open(url));
                return input;
            });
            URL main = XsdValidator.class.getResource("/xsd/" + cwmpXsd);
            schema = factory.newSchema(new StreamSource(open(main), main.toString()));
        } catch (SAXException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + cwmpXsd + ": " + e, e);
        }
    }

    private static InputStream open(URL url) {
        try {
            return url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws with the validator's message when the envelope does not conform. */
    void validate(byte[] envelope) throws SAXException, IOException {
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(envelope)));
    }
}
