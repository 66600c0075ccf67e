package org.cwmpacs.soap.message;

/** Namespace URIs of CWMP and SOAP 1.1. */
public final class Cwmp {
    /**
     * The cwmp namespace the model is bound to. Every {@code urn:dslforum-org:cwmp-1-N} a CPE sends is
     * read as this one, and replies are written in the namespace of the session's Inform.
     */
    public static final String NS = "urn:dslforum-org:cwmp-1-2";
    public static final String NS_1_0 = "urn:dslforum-org:cwmp-1-0";
    public static final String NS_1_1 = "urn:dslforum-org:cwmp-1-1";
    public static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP_ENC = "http://schemas.xmlsoap.org/soap/encoding/";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /**
     * Where the model keeps {@code xsi:type} values. JAXB gives {@code xsi:type} a meaning of its own
     * (type substitution), which CWMP's {@code <Value xsi:type="xsd:string">} is not; the codec moves
     * the attribute to this namespace on the way in and back to {@code xsi} on the way out.
     */
    public static final String TYPE_ATTRIBUTE_NS = "urn:cwmpacs:xsi-type";

    private static final String PREFIX = "urn:dslforum-org:cwmp-1-";

    private Cwmp() {
    }

    /** True for any {@code urn:dslforum-org:cwmp-1-N}, including the non-standard 1-3 and 1-4 seen in the wild. */
    public static boolean isCwmpNamespace(String uri) {
        // called for every element read: a plain scan, not a regex
        if (uri == null || uri.length() <= PREFIX.length() || !uri.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
