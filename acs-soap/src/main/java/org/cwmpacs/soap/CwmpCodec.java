package org.cwmpacs.soap;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import com.fasterxml.aalto.stax.OutputFactoryImpl;
import org.codehaus.stax2.XMLStreamWriter2;
import org.cwmpacs.soap.internal.BodyText;
import org.cwmpacs.soap.internal.CwmpStreamReader;
import org.cwmpacs.soap.internal.CwmpStreamWriter;
import org.cwmpacs.soap.internal.Jaxb;
import org.cwmpacs.soap.internal.MarkupScan;
import org.cwmpacs.soap.internal.ParameterListReader;
import org.cwmpacs.soap.internal.UndeclaredPrefixes;
import org.cwmpacs.soap.internal.Xml;
import org.cwmpacs.soap.internal.WireEnvelope;
import org.cwmpacs.soap.message.BooleanAdapter;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.GetParameterNamesResponse;
import org.cwmpacs.soap.message.GetParameterValuesResponse;
import org.cwmpacs.soap.message.Inform;
import org.cwmpacs.soap.message.Messages;
import org.cwmpacs.soap.message.ParameterValueAdapter;
import org.cwmpacs.soap.message.SoapFault;
import org.cwmpacs.soap.message.UnknownMessage;

/**
 * Reads and writes CWMP SOAP envelopes. Reading is lenient, as it must be with real CPEs (any prefixes,
 * any {@code cwmp-1-N}, no header, odd charsets, missing types and values); writing is strict, as strict
 * CPEs need (one set of namespace declarations on the Envelope, unqualified children in schema order,
 * bare digits, {@code xsi:type} as the only attribute of Value, true array counts). Thread-safe.
 */
public final class CwmpCodec {
    private static final XMLInputFactory INPUT = createInputFactory();
    private static final XMLOutputFactory OUTPUT = new OutputFactoryImpl();
    private static final Map<String, Class<? extends CwmpMessage>> RPC_BY_NAME = rpcByName();
    private static final byte[] XML_DECLARATION =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.US_ASCII);

    private final DecodeLimits limits;

    public CwmpCodec() {
        this(DecodeLimits.DEFAULT);
    }

    public CwmpCodec(DecodeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    private static XMLInputFactory createInputFactory() {
        // Aalto: about twice the JDK parser's speed on large GetParameterValues answers (docs/performance.md)
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity '" + systemId + "' refused");
        });
        return f;
    }

    private static Map<String, Class<? extends CwmpMessage>> rpcByName() {
        Map<String, Class<? extends CwmpMessage>> map = new HashMap<>();
        for (Class<? extends CwmpMessage> type : Messages.RPC_TYPES) {
            map.put(type.getAnnotation(XmlRootElement.class).name(), type);
        }
        return Map.copyOf(map);
    }

    /** Decodes a body whose HTTP Content-Type named no charset. */
    public CwmpEnvelope decode(byte[] body) throws CwmpDecodeException {
        return decode(body, Optional.empty());
    }

    /**
     * Decodes one envelope.
     *
     * @param body the HTTP body, already de-chunked and inflated
     * @param contentTypeCharset the {@code charset} of the HTTP Content-Type, if it had one
     * @throws CwmpDecodeException when the body is not a readable envelope; the message says what and where
     */
    public CwmpEnvelope decode(byte[] body, Optional<String> contentTypeCharset) throws CwmpDecodeException {
        try {
            return decodeOnce(body, contentTypeCharset);
        } catch (CwmpDecodeException e) {
            return decodeDeclaring(body, contentTypeCharset, e, 0);
        }
    }

    /** Reads again with each undeclared prefix the parser stops at declared on the root element. */
    private CwmpEnvelope decodeDeclaring(byte[] body, Optional<String> charset, CwmpDecodeException failure,
                                         int declared) throws CwmpDecodeException {
        Optional<String> prefix = UndeclaredPrefixes.unbound(failure.getMessage());
        if (prefix.isEmpty() || declared >= UndeclaredPrefixes.MAX_DECLARED) {
            throw failure;
        }
        BodyText.Located located = BodyText.locate(body, charset, new ArrayList<>());
        String text = located.isPlainUtf8() ? new String(body, located.start(), body.length - located.start(),
                StandardCharsets.UTF_8) : BodyText.text(located);
        Optional<byte[]> again = UndeclaredPrefixes.declare(text, prefix.get());
        if (again.isEmpty()) {
            throw failure;
        }
        try {
            CwmpEnvelope envelope = decodeOnce(again.get(), Optional.of("UTF-8"));
            List<String> warnings = new ArrayList<>(envelope.warnings());
            warnings.add("prefix '" + prefix.get() + "' used without a declaration; read as "
                    + UndeclaredPrefixes.namespace(prefix.get()));
            return new CwmpEnvelope(envelope.cwmpNamespace(), envelope.header(), envelope.message(), warnings);
        } catch (CwmpDecodeException next) {
            return decodeDeclaring(again.get(), Optional.of("UTF-8"), next, declared + 1);
        }
    }

    private CwmpEnvelope decodeOnce(byte[] body, Optional<String> contentTypeCharset) throws CwmpDecodeException {
        if (body.length > limits.maxBodyBytes()) {
            throw new CwmpDecodeException("body of " + body.length + " bytes is larger than the limit of "
                    + limits.maxBodyBytes() + " bytes", -1, -1);
        }
        List<String> warnings = new ArrayList<>();
        BodyText.Located located = BodyText.locate(body, contentTypeCharset, warnings);
        if (located.isEmpty()) {
            return new CwmpEnvelope(Cwmp.NS_1_0, SoapHeader.NONE, Optional.empty(), warnings);
        }
        String text = null;
        if (!located.isPlainUtf8()) {
            text = BodyText.text(located);
            if (text.isEmpty()) {
                return new CwmpEnvelope(Cwmp.NS_1_0, SoapHeader.NONE, Optional.empty(), warnings);
            }
            MarkupScan.check(text.getBytes(StandardCharsets.UTF_8), 0, limits.maxAttributes(), located.linesDropped());
        } else {
            MarkupScan.check(body, located.start(), limits.maxAttributes(), located.linesDropped());
        }
        CwmpStreamReader reader = null;
        try {
            // UTF-8 bytes go to the parser as they are (it checks them), which saves a copy of large bodies
            XMLStreamReader parser = text != null ? INPUT.createXMLStreamReader(new StringReader(text))
                    : INPUT.createXMLStreamReader(new ByteArrayInputStream(body, located.start(),
                            body.length - located.start()), "UTF-8");
            reader = new CwmpStreamReader(parser, limits);
            return readEnvelope(reader, warnings);
        } catch (XMLStreamException | JAXBException | RuntimeException e) {
            // RuntimeException: Aalto reports some errors found while reading text unchecked, and nothing a CPE
            // sends may escape as a crash
            if (text == null) {
                // an invalid byte is better told by the charset decoder, which names it
                BodyText.text(located);
            }
            throw decodeError(e, located.linesDropped());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing is held open: the input is in memory
                }
            }
        }
    }

    private CwmpEnvelope readEnvelope(CwmpStreamReader r, List<String> warnings)
            throws XMLStreamException, JAXBException {
        int event = r.next();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("no element in the body", r.getLocation());
            }
            event = r.next();
        }
        if (!"Envelope".equals(r.getLocalName())) {
            throw new XMLStreamException("expected a SOAP Envelope, found <" + r.getLocalName() + ">", r.getLocation());
        }
        if (!Cwmp.SOAP_ENV.equals(r.getNamespaceURI())) {
            warnings.add("Envelope in namespace '" + r.getNamespaceURI() + "', not SOAP 1.1; read anyway");
        }
        String declaredNs = null;
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            if (declaredNs == null && Cwmp.isCwmpNamespace(r.getNamespaceURI(i))) {
                declaredNs = r.getNamespaceURI(i);
            }
        }
        HeaderReader header = new HeaderReader();
        Optional<CwmpMessage> message = Optional.empty();
        String rpcNs = null;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String local = r.getLocalName();
            if ("Header".equals(local)) {
                header.read(r, warnings);
            } else if ("Body".equals(local)) {
                if (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    String ns = r.getNamespaceURI();
                    rpcNs = Cwmp.isCwmpNamespace(ns) ? ns : null;
                    message = Optional.of(readRpc(r, warnings));
                    skipToEndOf(r, "Body");
                }
                // an empty Body means the CPE has no more requests
            } else {
                Xml.skip(r);
            }
        }
        drain(r, warnings);
        String ns = rpcNs != null ? rpcNs : header.namespace != null ? header.namespace
                : declaredNs != null ? declaredNs : Cwmp.NS_1_0;
        message.ifPresent(m -> checkInform(m, warnings));
        return new CwmpEnvelope(ns, header.build(), message, warnings);
    }

    private CwmpMessage readRpc(CwmpStreamReader r, List<String> warnings) throws XMLStreamException, JAXBException {
        String local = r.getLocalName();
        String ns = r.getNamespaceURI();
        Class<? extends CwmpMessage> type = "Fault".equals(local) && !Cwmp.isCwmpNamespace(ns)
                ? SoapFault.class : RPC_BY_NAME.get(local);
        if (type == null) {
            Xml.skip(r);
            return new UnknownMessage(ns, local);
        }
        if (type == Inform.class || type == GetParameterValuesResponse.class || type == GetParameterNamesResponse.class) {
            r.enterRpc();
            try {
                return type == Inform.class ? ParameterListReader.readInform(r, warnings)
                        : ParameterListReader.read(r, type, warnings);
            } finally {
                r.exitRpc();
            }
        }
        Unmarshaller u = Jaxb.unmarshaller();
        u.setEventHandler(event -> {
            var at = event.getLocator();
            warnings.add(event.getMessage() + (at == null ? "" : " at line " + at.getLineNumber()));
            return true;
        });
        r.enterRpc();
        try {
            return u.unmarshal(r, type).getValue();
        } finally {
            r.exitRpc();
        }
    }

    /** Moves past the end of the named element; JAXB leaves the reader just after the RPC element. */
    private static void skipToEndOf(CwmpStreamReader r, String localName) throws XMLStreamException {
        int event = r.getEventType();
        while (!(event == XMLStreamConstants.END_ELEMENT && localName.equals(r.getLocalName()))) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                Xml.skip(r);
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ends inside <" + localName + ">", r.getLocation());
            }
            event = r.next();
        }
    }

    /** Whatever follows the envelope is not worth refusing a message that was read whole. */
    private static void drain(CwmpStreamReader r, List<String> warnings) {
        try {
            while (r.hasNext()) {
                r.next();
            }
        } catch (XMLStreamException e) {
            warnings.add("ignored after the Envelope: " + e.getMessage());
        }
    }

    private static void checkInform(CwmpMessage message, List<String> warnings) {
        if (message instanceof Inform) {
            String time = ((Inform) message).currentTime();
            if (!time.isEmpty() && CwmpDateTime.parse(time).isEmpty()) {
                warnings.add("Inform CurrentTime '" + time + "' is not a valid dateTime; kept as sent");
            }
        }
    }

    private static CwmpDecodeException decodeError(Exception e, int linesDropped) {
        Throwable t = e;
        XMLStreamException located = null;
        while (t != null) {
            if (t instanceof XMLStreamException && ((XMLStreamException) t).getLocation() != null) {
                located = (XMLStreamException) t;
                if (t instanceof CwmpStreamReader.Refusal) {
                    break;
                }
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        if (located == null) {
            String what = e.getMessage() != null ? e.getMessage() : e.getCause() != null ? e.getCause().toString() : e.toString();
            return new CwmpDecodeException("not a readable CWMP envelope: " + what, -1, -1, e);
        }
        Location at = located.getLocation();
        return new CwmpDecodeException(cleanMessage(located), at.getLineNumber() + linesDropped, at.getColumnNumber(), e);
    }

    /** The JDK prefixes its messages with "ParseError at [row,col]:[r,c]\nMessage: "; the position is reported apart. */
    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage();
        int i = m.indexOf("Message: ");
        String text = i >= 0 ? m.substring(i + "Message: ".length()) : m;
        int at = text.indexOf("\n at [row,col");
        text = at >= 0 ? text.substring(0, at) : text;
        return e instanceof CwmpStreamReader.Refusal ? text : "malformed XML: " + text;
    }

    /** Writes an envelope with the default options. */
    public byte[] encode(CwmpEnvelope envelope) {
        return encode(envelope, EncodeOptions.DEFAULT);
    }

    /**
     * Writes one envelope as UTF-8 bytes, in the envelope's cwmp namespace.
     *
     * @throws IllegalArgumentException for an envelope with no message (an empty answer is HTTP 204) or an
     *     {@link UnknownMessage}
     */
    public byte[] encode(CwmpEnvelope envelope, EncodeOptions options) {
        CwmpMessage message = envelope.message().orElseThrow(() ->
                new IllegalArgumentException("an envelope without a message is not sent: end the session with HTTP 204"));
        if (message instanceof UnknownMessage) {
            throw new IllegalArgumentException("cannot encode unknown method " + message.methodName());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        if (options.xmlDeclaration()) {
            out.writeBytes(XML_DECLARATION);
        }
        try {
            XMLStreamWriter2 writer = (XMLStreamWriter2) OUTPUT.createXMLStreamWriter(out, "UTF-8");
            Marshaller m = Jaxb.marshaller();
            BooleanAdapter booleans = new BooleanAdapter(options.numericBooleans());
            m.setAdapter(BooleanAdapter.class, booleans);
            m.setAdapter(ParameterValueAdapter.class, new ParameterValueAdapter(booleans));
            m.marshal(new WireEnvelope(envelope.header(), message),
                    new CwmpStreamWriter(writer, envelope.cwmpNamespace()));
            writer.flush();
            writer.close();
        } catch (XMLStreamException | JAXBException e) {
            throw new IllegalStateException("could not write " + message.methodName() + ": " + e, e);
        }
        return out.toByteArray();
    }
}
