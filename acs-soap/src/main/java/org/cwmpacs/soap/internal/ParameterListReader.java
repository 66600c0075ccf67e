package org.cwmpacs.soap.internal;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.cwmpacs.soap.message.BooleanAdapter;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.GetParameterNamesResponse;
import org.cwmpacs.soap.message.GetParameterValuesResponse;
import org.cwmpacs.soap.message.ParameterInfoStruct;
import org.cwmpacs.soap.message.ParameterValueStruct;

/**
 * Reads the two answers that carry whole parameter trees, GetParameterValuesResponse and
 * GetParameterNamesResponse, straight from the stream into the model. They are the bulk of what a CPE
 * sends during discovery, and JAXB's generic unmarshalling costs about three times the parse itself on
 * them (docs/performance.md). The rules are JAXB's: elements are matched by local name after
 * {@link CwmpStreamReader} has canonicalised them, unknown elements are skipped, array counts ignored.
 */
public final class ParameterListReader {
    private ParameterListReader() {
    }

    /** Reads the RPC element that is the current START_ELEMENT, up to its END_ELEMENT. */
    public static CwmpMessage read(CwmpStreamReader r, Class<?> type, List<String> warnings) throws XMLStreamException {
        boolean values = type == GetParameterValuesResponse.class;
        List<ParameterValueStruct> valueList = new ArrayList<>();
        List<ParameterInfoStruct> infoList = new ArrayList<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!"ParameterList".equals(r.getLocalName())) {
                Xml.skip(r);
                continue;
            }
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String item = r.getLocalName();
                if (values && "ParameterValueStruct".equals(item)) {
                    valueList.add(readValue(r));
                } else if (!values && "ParameterInfoStruct".equals(item)) {
                    infoList.add(readInfo(r, warnings));
                } else {
                    Xml.skip(r);
                }
            }
        }
        return values ? new GetParameterValuesResponse(valueList) : new GetParameterNamesResponse(infoList);
    }

    private static ParameterValueStruct readValue(CwmpStreamReader r) throws XMLStreamException {
        String name = "";
        String value = null;
        String type = "";
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String local = r.getLocalName();
            if ("Name".equals(local)) {
                name = Xml.text(r);
            } else if ("Value".equals(local)) {
                String t = r.getAttributeValue(Cwmp.TYPE_ATTRIBUTE_NS, "type");
                type = t == null ? "" : t;
                value = Xml.text(r);
            } else {
                Xml.skip(r);
            }
        }
        return value == null ? ParameterValueStruct.withoutValue(name) : new ParameterValueStruct(name, value, type);
    }

    private static ParameterInfoStruct readInfo(CwmpStreamReader r, List<String> warnings) throws XMLStreamException {
        String name = "";
        boolean writable = false;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String local = r.getLocalName();
            if ("Name".equals(local)) {
                name = Xml.text(r);
            } else if ("Writable".equals(local)) {
                String text = Xml.text(r);
                try {
                    writable = !text.isBlank() && new BooleanAdapter().unmarshal(text);
                } catch (IllegalArgumentException e) {
                    warnings.add("Writable '" + text + "' of " + name + " is not a boolean; read as false");
                }
            } else {
                Xml.skip(r);
            }
        }
        return new ParameterInfoStruct(name, writable);
    }
}
