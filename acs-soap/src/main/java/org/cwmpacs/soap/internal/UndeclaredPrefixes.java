package org.cwmpacs.soap.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cwmpacs.soap.message.Cwmp;

/**
 * Some CPEs use a prefix they never declare ({@code soap:Fault} in an envelope that declares only
 * {@code cwmp}). GenieACS reads elements by local name and never notices; a namespace-aware parser stops.
 * The remedy: declare the missing prefix on the root element, with the namespace its name conventionally
 * stands for, and read again.
 */
public final class UndeclaredPrefixes {
    /** Aalto's words for an undeclared prefix. */
    private static final Pattern UNBOUND = Pattern.compile("Unbound namespace prefix '([A-Za-z_][\\w.\\-]*)'");
    /** Reading again costs a parse each time: a body with more undeclared prefixes than this is refused. */
    public static final int MAX_DECLARED = 8;

    private UndeclaredPrefixes() {
    }

    /** The prefix a parser error complains about, if it is an undeclared one. */
    public static Optional<String> unbound(String parserMessage) {
        Matcher m = UNBOUND.matcher(parserMessage == null ? "" : parserMessage);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The document with {@code prefix} declared on its root element, as UTF-8; empty if it has no root element. */
    public static Optional<byte[]> declare(String document, String prefix) {
        int root = document.indexOf('<');
        while (root >= 0 && root + 1 < document.length()
                && (document.charAt(root + 1) == '?' || document.charAt(root + 1) == '!')) {
            root = document.indexOf('<', root + 1);
        }
        if (root < 0) {
            return Optional.empty();
        }
        int nameEnd = root + 1;
        while (nameEnd < document.length() && " \t\r\n/>".indexOf(document.charAt(nameEnd)) < 0) {
            nameEnd++;
        }
        String declaration = " xmlns:" + prefix + "=\"" + namespace(prefix) + "\"";
        return Optional.of((document.substring(0, nameEnd) + declaration + document.substring(nameEnd))
                .getBytes(StandardCharsets.UTF_8));
    }

    public static String namespace(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        if (p.startsWith("cwmp")) {
            return Cwmp.NS_1_0;
        }
        switch (p) {
            case "soap": case "soapenv": case "soap-env": case "env": case "s": case "se":
                return Cwmp.SOAP_ENV;
            case "soapenc": case "soap-enc": case "enc":
                return Cwmp.SOAP_ENC;
            case "xsi":
                return Cwmp.XSI;
            case "xsd": case "xs":
                return Cwmp.XSD;
            default:
                return "urn:cwmpacs:undeclared:" + prefix;
        }
    }
}
