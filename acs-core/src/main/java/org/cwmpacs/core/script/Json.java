package org.cwmpacs.core.script;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cwmpacs.core.expression.Values;

/** The little JSON the script bridge needs: values written for the script, and lists of texts read back. */
public final class Json {
    private Json() {
    }

    /** Null, booleans, numbers (JavaScript's way), texts, dates (as milliseconds), lists and maps. */
    public static String write(Object v) {
        StringBuilder b = new StringBuilder();
        write(v, b);
        return b.toString();
    }

    private static void write(Object v, StringBuilder b) {
        if (v == null || v == Values.NULL) {
            b.append("null");
        } else if (v instanceof Extensions.RawJson) {
            b.append(((Extensions.RawJson) v).json());
        } else if (v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            b.append(Double.isFinite(d) ? Values.jsNumber(d) : "null");
        } else if (v instanceof Instant) {
            b.append(((Instant) v).toEpochMilli());
        } else if (v instanceof List) {
            b.append('[');
            boolean first = true;
            for (Object o : (List<?>) v) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                write(o, b);
            }
            b.append(']');
        } else if (v instanceof Map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), b);
                b.append(':');
                write(e.getValue(), b);
            }
            b.append('}');
        } else {
            string(String.valueOf(v), b);
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** A JSON array of texts, as the bridge writes it with {@code JSON.stringify(args.map(String))}. */
    static List<String> readStrings(String json) {
        List<String> out = new ArrayList<>();
        int i = json.indexOf('[') + 1;
        while (i > 0 && i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                StringBuilder s = new StringBuilder();
                i++;
                while (i < json.length() && json.charAt(i) != '"') {
                    char d = json.charAt(i++);
                    if (d == '\\' && i < json.length()) {
                        char e = json.charAt(i++);
                        switch (e) {
                            case 'n' -> s.append('\n');
                            case 'r' -> s.append('\r');
                            case 't' -> s.append('\t');
                            case 'b' -> s.append('\b');
                            case 'f' -> s.append('\f');
                            case 'u' -> {
                                s.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> s.append(e);
                        }
                    } else {
                        s.append(d);
                    }
                }
                out.add(s.toString());
            }
            i++;
        }
        return out;
    }
}
