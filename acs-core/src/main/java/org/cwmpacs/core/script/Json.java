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
            if (json.charAt(i) == '"') {
                StringBuilder s = new StringBuilder();
                i = readString(json, i, s);
                if (i < 0) {
                    break;
                }
                out.add(s.toString());
                continue;
            }
            i++;
        }
        return out;
    }

    /**
     * Reads the JSON string whose opening quote is at {@code quote} into {@code out}.
     *
     * @return the index after its closing quote; -1 if it is not closed
     * @throws IllegalArgumentException for an invalid unicode escape
     */
    public static int readString(String text, int quote, StringBuilder out) {
        int i = quote + 1;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c != '\\' || i >= text.length()) {
                out.append(c);
                continue;
            }
            char e = text.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 > text.length()) {
                        throw new IllegalArgumentException("incomplete \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("invalid \\u escape");
                    }
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return -1;
    }
}
