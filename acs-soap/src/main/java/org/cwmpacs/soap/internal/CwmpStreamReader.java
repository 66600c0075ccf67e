package org.cwmpacs.soap.internal;

import java.util.Arrays;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.cwmpacs.soap.DecodeLimits;
import org.cwmpacs.soap.message.Cwmp;

/**
 * Presents a CPE's envelope to JAXB in one canonical shape, and enforces the decode limits.
 *
 * <p>Below the RPC element every element is read as unqualified, whatever namespace the CPE put it in
 * (CWMP children are unqualified, but some CPEs declare the cwmp namespace as default on the RPC element,
 * which qualifies them); the one exception is the {@code cwmp:Fault} inside a SOAP fault's
 * {@code detail}. {@code xsi:type} attributes are moved to {@link Cwmp#TYPE_ATTRIBUTE_NS} so that JAXB keeps
 * them as data instead of treating them as type substitution. A DOCTYPE is refused outright: CWMP has no
 * use for one and it is the door to entity expansion and external fetches.
 */
public final class CwmpStreamReader extends StreamReaderDelegate {
    /** A refusal by this reader (DTD or a limit), told apart from XML syntax errors. */
    public static final class Refusal extends XMLStreamException {
        public Refusal(String message, Location location) {
            super(message, location);
        }
    }

    private final DecodeLimits limits;
    private int depth;
    private int elements;
    private boolean popOnNext;
    private int rpcDepth = -1;
    private String[] namespaces = new String[16];
    private String[] localNames = new String[16];

    public CwmpStreamReader(XMLStreamReader reader, DecodeLimits limits) {
        super(reader);
        this.limits = limits;
    }

    /** Maps the subtree of the current START_ELEMENT, the RPC element, to the canonical shape. */
    public void enterRpc() {
        rpcDepth = depth;
    }

    public void exitRpc() {
        rpcDepth = -1;
    }

    public int depth() {
        return depth;
    }

    @Override
    public int next() throws XMLStreamException {
        if (popOnNext) {
            depth--;
            popOnNext = false;
        }
        int event = getParent().next();
        switch (event) {
            case START_ELEMENT:
                startElement();
                break;
            case END_ELEMENT:
                popOnNext = true;
                break;
            case DTD:
                throw new Refusal("a DOCTYPE is not allowed in a CWMP message (DTDs and entities are refused)",
                        getLocation());
            case ENTITY_REFERENCE:
                throw new Refusal("entity reference '&" + getLocalName() + ";' is not allowed", getLocation());
            default:
                break;
        }
        return event;
    }

    private void startElement() throws Refusal {
        depth++;
        elements++;
        if (depth > limits.maxDepth()) {
            throw new Refusal("elements nested deeper than the limit of " + limits.maxDepth(), getLocation());
        }
        if (elements > limits.maxElements()) {
            throw new Refusal("more elements than the limit of " + limits.maxElements(), getLocation());
        }
        if (depth >= namespaces.length) {
            namespaces = Arrays.copyOf(namespaces, depth * 2);
            localNames = Arrays.copyOf(localNames, depth * 2);
        }
        String local = getParent().getLocalName();
        localNames[depth] = local;
        if (rpcDepth >= 0 && depth > rpcDepth) {
            boolean cwmpFault = "Fault".equals(local) && "detail".equals(localNames[depth - 1]);
            namespaces[depth] = cwmpFault ? Cwmp.NS : "";
        } else {
            String ns = getParent().getNamespaceURI();
            namespaces[depth] = ns == null ? "" : ns;
        }
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while ((event == CHARACTERS && isWhiteSpace()) || (event == CDATA && isWhiteSpace()) || event == SPACE
                || event == PROCESSING_INSTRUCTION || event == COMMENT) {
            event = next();
        }
        if (event != START_ELEMENT && event != END_ELEMENT) {
            throw new XMLStreamException("expected an element, found text", getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int event = next();
        while (event != END_ELEMENT) {
            if (event == CHARACTERS || event == CDATA || event == SPACE) {
                text.append(getText());
            } else if (event == START_ELEMENT) {
                throw new XMLStreamException("expected text, found element <" + getLocalName() + ">", getLocation());
            } else if (event == END_DOCUMENT) {
                throw new XMLStreamException("document ends inside an element", getLocation());
            }
            event = next();
        }
        return text.toString();
    }

    private boolean onElement() {
        int event = getEventType();
        return event == START_ELEMENT || event == END_ELEMENT;
    }

    @Override
    public String getNamespaceURI() {
        return onElement() ? namespaces[depth] : super.getNamespaceURI();
    }

    @Override
    public String getPrefix() {
        return onElement() && namespaces[depth].isEmpty() ? "" : super.getPrefix();
    }

    @Override
    public QName getName() {
        return new QName(getNamespaceURI(), getLocalName(), getPrefix());
    }

    private boolean isXsiType(int index) {
        return Cwmp.XSI.equals(super.getAttributeNamespace(index)) && "type".equals(super.getAttributeLocalName(index));
    }

    @Override
    public String getAttributeNamespace(int index) {
        return isXsiType(index) ? Cwmp.TYPE_ATTRIBUTE_NS : super.getAttributeNamespace(index);
    }

    @Override
    public QName getAttributeName(int index) {
        return new QName(getAttributeNamespace(index), getAttributeLocalName(index), getAttributePrefix(index));
    }

    @Override
    public String getAttributeValue(String namespaceUri, String localName) {
        if (Cwmp.TYPE_ATTRIBUTE_NS.equals(namespaceUri)) {
            return super.getAttributeValue(Cwmp.XSI, localName);
        }
        if (Cwmp.XSI.equals(namespaceUri) && "type".equals(localName)) {
            return null;
        }
        return super.getAttributeValue(namespaceUri, localName);
    }
}
