package org.cwmpacs.soap.internal;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.util.ArrayList;
import java.util.List;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.CwmpFault;
import org.cwmpacs.soap.message.Messages;
import org.cwmpacs.soap.message.SoapFault;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;

/** The one JAXB context of the model, with a marshaller and an unmarshaller per thread (they are not thread-safe). */
public final class Jaxb {
    private static final JAXBContext CONTEXT = createContext();
    private static final ThreadLocal<Unmarshaller> UNMARSHALLER = ThreadLocal.withInitial(Jaxb::newUnmarshaller);
    private static final ThreadLocal<Marshaller> MARSHALLER = ThreadLocal.withInitial(Jaxb::newMarshaller);

    /** The prefixes strict CPEs expect, all declared once on the Envelope. */
    private static final class Prefixes extends NamespacePrefixMapper {
        @Override
        public String getPreferredPrefix(String uri, String suggestion, boolean requirePrefix) {
            switch (uri) {
                case Cwmp.SOAP_ENV:
                    return "soap-env";
                case Cwmp.SOAP_ENC:
                    return "soap-enc";
                case Cwmp.XSD:
                    return "xsd";
                case Cwmp.XSI:
                    return "xsi";
                case Cwmp.NS:
                    return "cwmp";
                case Cwmp.TYPE_ATTRIBUTE_NS:
                    return CwmpStreamWriter.TYPE_PREFIX;
                default:
                    return suggestion;
            }
        }

        @Override
        public String[] getPreDeclaredNamespaceUris2() {
            // JAXB declares these in reverse order; this puts soap-env first on the Envelope, as CPE agents write it
            return new String[] {CwmpStreamWriter.TYPE_PREFIX, Cwmp.TYPE_ATTRIBUTE_NS, "cwmp", Cwmp.NS,
                "xsi", Cwmp.XSI, "xsd", Cwmp.XSD, "soap-enc", Cwmp.SOAP_ENC, "soap-env", Cwmp.SOAP_ENV};
        }
    }

    private Jaxb() {
    }

    private static JAXBContext createContext() {
        List<Class<?>> classes = new ArrayList<>(Messages.RPC_TYPES);
        classes.add(SoapFault.class);
        classes.add(CwmpFault.class);
        classes.add(WireEnvelope.class);
        try {
            return JAXBContext.newInstance(classes.toArray(new Class<?>[0]));
        } catch (JAXBException e) {
            throw new IllegalStateException("the CWMP model does not bind: " + e, e);
        }
    }

    private static Unmarshaller newUnmarshaller() {
        try {
            return CONTEXT.createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Marshaller newMarshaller() {
        try {
            Marshaller m = CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            m.setProperty("org.glassfish.jaxb.namespacePrefixMapper", new Prefixes());
            return m;
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Unmarshaller unmarshaller() {
        return UNMARSHALLER.get();
    }

    public static Marshaller marshaller() {
        return MARSHALLER.get();
    }
}
