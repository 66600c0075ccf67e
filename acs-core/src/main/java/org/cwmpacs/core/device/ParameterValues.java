package org.cwmpacs.core.device;

import java.time.Instant;
import java.util.Optional;
import org.cwmpacs.soap.message.BooleanAdapter;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.cwmpacs.soap.message.XsdType;

/** Parameter values as GenieACS stores them, and back to the text a CPE is sent. */
public final class ParameterValues {
    private ParameterValues() {
    }

    /** Known types are written {@code xsd:<name>} whatever prefix the CPE used; others as sent. */
    public static String storedType(ParameterValueStruct p) {
        XsdType type = p.xsdType();
        return type == XsdType.OTHER ? p.type() : type.qualifiedName();
    }

    /** As GenieACS stores values: booleans and int/unsignedInt as such, dateTime as a date, the rest as text. */
    public static Object typed(String text, String type) {
        try {
            switch (type) {
                case "xsd:boolean": {
                    Boolean b = new BooleanAdapter().unmarshal(text);
                    return b == null ? text : b;
                }
                case "xsd:int":
                case "xsd:unsignedInt": {
                    long n = Long.parseLong(text.strip());
                    // as a JavaScript number reaches BSON: a 32-bit int when it fits, else a double
                    if (n == (int) n) {
                        return Integer.valueOf((int) n);
                    }
                    return Double.valueOf(n);
                }
                case "xsd:dateTime": {
                    Optional<Instant> t = CwmpDateTime.parse(text);
                    return t.isPresent() ? t.get() : text;
                }
                default:
                    return text;
            }
        } catch (IllegalArgumentException notOfItsType) {
            return text;
        }
    }

    /** The text of a stored or requested value, as sent on the wire. */
    public static String wire(Object value) {
        if (value instanceof Instant) {
            return CwmpDateTime.format((Instant) value);
        }
        if (value instanceof Double) {
            double d = (Double) value;
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
        }
        return String.valueOf(value);
    }

    /** The type a value of a task gets when neither the task nor the device says one. */
    public static String inferType(Object value) {
        if (value instanceof Boolean) {
            return "xsd:boolean";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "xsd:int";
        }
        if (value instanceof Instant) {
            return "xsd:dateTime";
        }
        return "xsd:string";
    }

    /** Whether a desired value equals a stored one once both are read as {@code type}. */
    public static boolean sameValue(Object desired, Object stored, String type) {
        Object a = typed(wire(desired), type);
        Object b = stored instanceof String ? typed((String) stored, type) : stored;
        if (a instanceof Number && b instanceof Number) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        return a.equals(b);
    }

    /**
     * A task's value as a value of {@code type}, as GenieACS converts it before a SetParameterValues: booleans
     * from {@code true/false/1/0} in any case, integers from the leading digits of a text (JavaScript's
     * {@code parseInt}) within the type's range, dateTime from milliseconds or a date text, anything else as
     * text. Empty when the value cannot be of that type, e.g. {@code "notanumber"} as {@code xsd:unsignedInt}:
     * sent, the CPE would only refuse it.
     */
    public static Optional<Object> convert(Object value, String type) {
        switch (type) {
            case "xsd:boolean": {
                if (value instanceof Boolean) {
                    return Optional.of(value);
                }
                String t = String.valueOf(value).strip().toLowerCase(java.util.Locale.ROOT);
                return t.equals("true") || t.equals("1") ? Optional.of(Boolean.TRUE)
                        : t.equals("false") || t.equals("0") ? Optional.of(Boolean.FALSE) : Optional.empty();
            }
            case "xsd:int":
            case "xsd:unsignedInt": {
                Optional<Long> n = leadingInteger(value);
                long min = type.equals("xsd:int") ? Integer.MIN_VALUE : 0;
                long max = type.equals("xsd:int") ? Integer.MAX_VALUE : 0xFFFF_FFFFL;
                return n.filter(v -> v >= min && v <= max).map(v -> (Object) v);
            }
            case "xsd:dateTime": {
                if (value instanceof Instant) {
                    return Optional.of(value);
                }
                if (value instanceof Number) {
                    return Optional.of(Instant.ofEpochMilli(((Number) value).longValue()));
                }
                String t = String.valueOf(value).strip();
                if (t.matches("-?\\d{1,15}")) {
                    return Optional.of(Instant.ofEpochMilli(Long.parseLong(t)));
                }
                return CwmpDateTime.parse(t).map(i -> (Object) i);
            }
            default:
                return Optional.of(value instanceof Instant || value instanceof Double ? wire(value) : String.valueOf(value));
        }
    }

    private static Optional<Long> leadingInteger(Object value) {
        if (value instanceof Number) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) && Math.abs(d) < 1e15 ? Optional.of((long) d) : Optional.empty();
        }
        if (value instanceof Boolean) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = LEADING_INTEGER.matcher(String.valueOf(value));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    private static final java.util.regex.Pattern LEADING_INTEGER = java.util.regex.Pattern.compile("^\\s*([+-]?\\d{1,18})");
}
