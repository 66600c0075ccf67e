package org.cwmpacs.soap.internal;

import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.codehaus.stax2.XMLStreamWriter2;
import org.cwmpacs.soap.message.Cwmp;

/**
 * Writes what JAXB marshals in the session's cwmp namespace (the model is bound to one URI, a session
 * answers in the one its Inform used) and turns the model's private type attribute back into
 * {@code xsi:type}, whose prefix is declared on the Envelope.
 */
public final class CwmpStreamWriter implements XMLStreamWriter {
    static final String TYPE_PREFIX = "acsxt";

    private final XMLStreamWriter out;
    private final XMLStreamWriter2 raw;
    private final String cwmpNamespace;
    /** Declarations on the Envelope, in scope everywhere: JAXB repeats some, which is not well-formed. */
    private final java.util.Map<String, String> rootDeclarations = new java.util.HashMap<>();
    private final java.util.Map<String, String> elementDeclarations = new java.util.HashMap<>();
    private int depth;

    public CwmpStreamWriter(XMLStreamWriter2 out, String cwmpNamespace) {
        this.out = out;
        this.raw = out;
        this.cwmpNamespace = cwmpNamespace;
    }

    private String uri(String namespaceUri) {
        return Cwmp.NS.equals(namespaceUri) ? cwmpNamespace : namespaceUri;
    }

    @Override
    public void writeNamespace(String prefix, String namespaceUri) throws XMLStreamException {
        if (Cwmp.TYPE_ATTRIBUTE_NS.equals(namespaceUri)) {
            return;
        }
        String uri = uri(namespaceUri);
        if (uri.equals(rootDeclarations.get(prefix)) || uri.equals(elementDeclarations.get(prefix))) {
            return;
        }
        elementDeclarations.put(prefix, uri);
        if (depth == 1) {
            rootDeclarations.put(prefix, uri);
        }
        out.writeNamespace(prefix, uri);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceUri, String localName, String value)
            throws XMLStreamException {
        if (Cwmp.TYPE_ATTRIBUTE_NS.equals(namespaceUri)) {
            out.writeAttribute("xsi", Cwmp.XSI, "type", value);
        } else {
            out.writeAttribute(prefix, uri(namespaceUri), localName, value);
        }
    }

    @Override
    public void writeAttribute(String namespaceUri, String localName, String value) throws XMLStreamException {
        if (Cwmp.TYPE_ATTRIBUTE_NS.equals(namespaceUri)) {
            out.writeAttribute("xsi", Cwmp.XSI, "type", value);
        } else {
            out.writeAttribute(uri(namespaceUri), localName, value);
        }
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceUri) throws XMLStreamException {
        startElement();
        out.writeStartElement(prefix, localName, uri(namespaceUri));
    }

    @Override
    public void writeStartElement(String namespaceUri, String localName) throws XMLStreamException {
        startElement();
        out.writeStartElement(uri(namespaceUri), localName);
    }

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        startElement();
        out.writeStartElement(localName);
    }

    @Override
    public void writeEmptyElement(String namespaceUri, String localName) throws XMLStreamException {
        out.writeEmptyElement(uri(namespaceUri), localName);
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceUri) throws XMLStreamException {
        out.writeEmptyElement(prefix, localName, uri(namespaceUri));
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        out.writeEmptyElement(localName);
    }

    private void startElement() {
        depth++;
        elementDeclarations.clear();
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        depth--;
        out.writeEndElement();
    }

    @Override
    public void writeEndDocument() throws XMLStreamException {
        out.writeEndDocument();
    }

    @Override
    public void close() throws XMLStreamException {
        out.close();
    }

    @Override
    public void flush() throws XMLStreamException {
        out.flush();
    }

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        out.writeAttribute(localName, value);
    }

    @Override
    public void writeDefaultNamespace(String namespaceUri) throws XMLStreamException {
        out.writeDefaultNamespace(uri(namespaceUri));
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        out.writeComment(data);
    }

    @Override
    public void writeProcessingInstruction(String target) throws XMLStreamException {
        out.writeProcessingInstruction(target);
    }

    @Override
    public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        out.writeProcessingInstruction(target, data);
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        // never CDATA: RDK-B's parser cannot read it
        out.writeCharacters(data);
    }

    @Override
    public void writeDTD(String dtd) {
        throw new UnsupportedOperationException("CWMP messages carry no DTD");
    }

    @Override
    public void writeEntityRef(String name) throws XMLStreamException {
        out.writeEntityRef(name);
    }

    @Override
    public void writeStartDocument() {
        // the codec writes its own declaration, or none
    }

    @Override
    public void writeStartDocument(String version) {
        // the codec writes its own declaration, or none
    }

    @Override
    public void writeStartDocument(String encoding, String version) {
        // the codec writes its own declaration, or none
    }

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        int gt = text.indexOf('>');
        if (gt < 0) {
            out.writeCharacters(text);
            return;
        }
        // '>' is legal in text, but CWMP agents' hand-written parsers expect it escaped, as the spec writes it
        int from = 0;
        while (gt >= 0) {
            out.writeCharacters(text.substring(from, gt));
            raw.writeRaw("&gt;");
            from = gt + 1;
            gt = text.indexOf('>', from);
        }
        out.writeCharacters(text.substring(from));
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        writeCharacters(new String(text, start, len));
    }

    @Override
    public String getPrefix(String uri) throws XMLStreamException {
        return out.getPrefix(uri(uri));
    }

    @Override
    public void setPrefix(String prefix, String uri) throws XMLStreamException {
        out.setPrefix(prefix, uri(uri));
    }

    @Override
    public void setDefaultNamespace(String uri) throws XMLStreamException {
        out.setDefaultNamespace(uri(uri));
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) throws XMLStreamException {
        out.setNamespaceContext(context);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return out.getNamespaceContext();
    }

    @Override
    public Object getProperty(String name) {
        return out.getProperty(name);
    }
}
