package org.cwmpacs.soap.internal;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.cwmpacs.soap.message.BooleanAdapter;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.DeviceIdStruct;
import org.cwmpacs.soap.message.EventStruct;
import org.cwmpacs.soap.message.GetParameterNamesResponse;
import org.cwmpacs.soap.message.GetParameterValuesResponse;
import org.cwmpacs.soap.message.Inform;
import org.cwmpacs.soap.message.ParameterInfoStruct;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.cwmpacs.soap.message.UnsignedIntAdapter;

/**
 * Reads the messages that dominate CWMP traffic straight from the stream into the model: the Inform, which
 * opens every session, and the two answers that carry whole parameter trees, GetParameterValuesResponse and
 * GetParameterNamesResponse. JAXB's generic unmarshalling costs about three times the parse itself on them
 * (docs/performance.md). The rules are JAXB's: elements are matched by local name after
 * {@link CwmpStreamReader} has canonicalised them, unknown elements are skipped, array counts ignored, and a
 * number that does not parse reads as 0 with a warning.
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

    /** Reads the Inform element that is the current START_ELEMENT, up to its END_ELEMENT. */
    public static Inform readInform(CwmpStreamReader r, List<String> warnings) throws XMLStreamException {
        DeviceIdStruct deviceId = new DeviceIdStruct("", "", "", "");
        List<EventStruct> events = new ArrayList<>();
        long maxEnvelopes = 0;
        String currentTime = "";
        long retryCount = 0;
        List<ParameterValueStruct> parameters = new ArrayList<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (r.getLocalName()) {
                case "DeviceId":
                    deviceId = readDeviceId(r);
                    break;
                case "Event":
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if ("EventStruct".equals(r.getLocalName())) {
                            events.add(readEvent(r));
                        } else {
                            Xml.skip(r);
                        }
                    }
                    break;
                case "MaxEnvelopes":
                    maxEnvelopes = unsignedInt(Xml.text(r), "MaxEnvelopes", warnings);
                    break;
                case "CurrentTime":
                    currentTime = Xml.text(r);
                    break;
                case "RetryCount":
                    retryCount = unsignedInt(Xml.text(r), "RetryCount", warnings);
                    break;
                case "ParameterList":
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if ("ParameterValueStruct".equals(r.getLocalName())) {
                            parameters.add(readValue(r));
                        } else {
                            Xml.skip(r);
                        }
                    }
                    break;
                default:
                    Xml.skip(r);
                    break;
            }
        }
        return new Inform(deviceId, events, maxEnvelopes, currentTime, retryCount, parameters);
    }

    private static DeviceIdStruct readDeviceId(CwmpStreamReader r) throws XMLStreamException {
        String manufacturer = "";
        String oui = "";
        String productClass = "";
        String serialNumber = "";
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (r.getLocalName()) {
                case "Manufacturer":
                    manufacturer = Xml.text(r);
                    break;
                case "OUI":
                    oui = Xml.text(r);
                    break;
                case "ProductClass":
                    productClass = Xml.text(r);
                    break;
                case "SerialNumber":
                    serialNumber = Xml.text(r);
                    break;
                default:
                    Xml.skip(r);
                    break;
            }
        }
        return new DeviceIdStruct(manufacturer, oui, productClass, serialNumber);
    }

    private static EventStruct readEvent(CwmpStreamReader r) throws XMLStreamException {
        String code = "";
        String commandKey = "";
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String local = r.getLocalName();
            if ("EventCode".equals(local)) {
                code = Xml.text(r);
            } else if ("CommandKey".equals(local)) {
                commandKey = Xml.text(r);
            } else {
                Xml.skip(r);
            }
        }
        return new EventStruct(code, commandKey);
    }

    private static long unsignedInt(String text, String field, List<String> warnings) {
        try {
            Long value = new UnsignedIntAdapter().unmarshal(text);
            return value == null ? 0 : value;
        } catch (NumberFormatException e) {
            warnings.add(field + " '" + text + "' is not an unsignedInt; read as 0");
            return 0;
        }
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
