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
}
