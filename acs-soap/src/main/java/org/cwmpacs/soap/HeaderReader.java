package org.cwmpacs.soap;

import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cwmpacs.soap.internal.Xml;
import org.cwmpacs.soap.message.BooleanAdapter;
import org.cwmpacs.soap.message.Cwmp;

/** Reads the SOAP Header's CWMP elements by local name, whatever their prefix or namespace. */
final class HeaderReader {
    String namespace;
    private SoapHeader header = SoapHeader.NONE;

    void read(XMLStreamReader r, List<String> warnings) throws XMLStreamException {
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String local = r.getLocalName();
            if (namespace == null && Cwmp.isCwmpNamespace(r.getNamespaceURI())) {
                namespace = r.getNamespaceURI();
            }
            String text = Xml.text(r);
            switch (local) {
                case "ID":
                    header = header.id(text);
                    break;
                case "HoldRequests":
                    try {
                        header = header.holdRequests(new BooleanAdapter().unmarshal(text));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        warnings.add("HoldRequests '" + text + "' is not a boolean; ignored");
                    }
                    break;
                case "SessionTimeout":
                    try {
                        header = header.sessionTimeout(Integer.parseInt(text.strip()));
                    } catch (NumberFormatException e) {
                        warnings.add("SessionTimeout '" + text + "' is not a number; ignored");
                    }
                    break;
                case "SupportedCWMPVersions":
                    header = header.supportedCwmpVersions(text.strip());
                    break;
                case "UseCWMPVersion":
                    header = header.useCwmpVersion(text.strip());
                    break;
                default:
                    // NoMoreRequests (deprecated) and vendor headers: read and ignored
                    break;
            }
        }
    }

    SoapHeader build() {
        return header;
    }

}
