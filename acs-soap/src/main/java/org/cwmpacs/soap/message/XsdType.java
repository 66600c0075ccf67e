package org.cwmpacs.soap.message;

import java.util.Locale;

/** The CWMP data types of a parameter value (TR-069 Table 12, TR-106). */
public enum XsdType {
    STRING("string"),
    INT("int"),
    UNSIGNED_INT("unsignedInt"),
    LONG("long"),
    UNSIGNED_LONG("unsignedLong"),
    BOOLEAN("boolean"),
    DATE_TIME("dateTime"),
    BASE64("base64"),
    HEX_BINARY("hexBinary"),
    /** A type outside CWMP's list, such as {@code xsd:json}; the raw {@code xsi:type} is kept. */
    OTHER("");

    private final String localName;

    XsdType(String localName) {
        this.localName = localName;
    }

    /** The name without prefix, e.g. {@code unsignedInt}; empty for {@link #OTHER}. */
    public String localName() {
        return localName;
    }

    /** The {@code xsi:type} value we write, e.g. {@code xsd:unsignedInt}. */
    public String qualifiedName() {
        return "xsd:" + localName;
    }

    /**
     * Classifies a raw {@code xsi:type}. The prefix is not resolved: CPEs send {@code xsd:}, {@code xs:},
     * no prefix, or an undeclared {@code soapenc:}. A missing type means string.
     */
    public static XsdType of(String rawType) {
        if (rawType == null || rawType.isBlank()) {
            return STRING;
        }
        String t = rawType.strip();
        String local = t.substring(t.indexOf(':') + 1);
        for (XsdType type : values()) {
            if (type != OTHER && type.localName.equals(local)) {
                return type;
            }
        }
        // case slips such as "unsignedint" are common enough to accept
        String lower = local.toLowerCase(Locale.ROOT);
        for (XsdType type : values()) {
            if (type != OTHER && type.localName.toLowerCase(Locale.ROOT).equals(lower)) {
                return type;
            }
        }
        return OTHER;
    }
}
