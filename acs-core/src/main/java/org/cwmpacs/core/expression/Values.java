package org.cwmpacs.core.expression;

import java.math.BigDecimal;

/**
 * The values expressions compute with, as GenieACS's JavaScript does: SQL's NULL, booleans, numbers (doubles)
 * and texts, with JavaScript's conversions between them.
 */
public final class Values {
    /** SQL's NULL: unknown. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private Values() {
    }

    public static boolean isNull(Object v) {
        return v == NULL || v == null;
    }

    /** JavaScript's truthiness: false, 0, NaN, "" and NULL are false. */
    public static boolean truthy(Object v) {
        if (isNull(v)) {
            return false;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof Double) {
            double d = (Double) v;
            return d != 0 && !Double.isNaN(d);
        }
        return !String.valueOf(v).isEmpty();
    }

    /** As GenieACS's {@code toNumber}: a boolean is 1 or 0, a text its leading number ({@code parseFloat}) or 0. */
    public static double toNumber(Object v) {
        if (v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        double parsed = parseFloat(String.valueOf(v));
        return Double.isNaN(parsed) ? 0 : parsed;
    }

    /** As GenieACS's {@code toString}: a boolean is "1" or "0", a number as JavaScript writes it. */
    public static String toText(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "1" : "0";
        }
        if (v instanceof Double) {
            return jsNumber((Double) v);
        }
        return String.valueOf(v);
    }

    /** JavaScript's {@code String(v)}: booleans as "true"/"false" (what LIKE tests a value as). */
    public static String jsString(Object v) {
        if (v instanceof Double) {
            return jsNumber((Double) v);
        }
        return String.valueOf(v);
    }

    /** A number as JavaScript's {@code Number.prototype.toString} writes it. */
    public static String jsNumber(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return new BigDecimal(d).toPlainString().replaceFirst("^-0$", "0");
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e).replaceFirst("\\.0$", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        if (exponent >= -6 && exponent < 21) {
            return new BigDecimal(s).toPlainString();
        }
        return mantissa + "e" + (exponent > 0 ? "+" : "") + exponent;
    }

    /** JavaScript's {@code parseFloat}: the longest leading decimal number, after blanks; NaN if none. */
    static double parseFloat(String s) {
        java.util.regex.Matcher m = LEADING_NUMBER.matcher(s);
        if (!m.find()) {
            return s.strip().startsWith("Infinity") ? Double.POSITIVE_INFINITY
                    : s.strip().startsWith("-Infinity") ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
        return Double.parseDouble(m.group(1));
    }

    private static final java.util.regex.Pattern LEADING_NUMBER = java.util.regex.Pattern.compile(
            "^\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");

    /**
     * GenieACS's {@code compare}: booleans count as 1 and 0; of a text and a number the text is the greater;
     * two numbers or two texts compare as such.
     */
    public static int compare(Object a, Object b) {
        Object x = a instanceof Boolean ? (Double) ((Boolean) a ? 1.0 : 0.0) : a;
        Object y = b instanceof Boolean ? (Double) ((Boolean) b ? 1.0 : 0.0) : b;
        boolean xText = x instanceof String;
        boolean yText = y instanceof String;
        if (xText != yText) {
            return xText ? 1 : -1;
        }
        if (xText) {
            int c = ((String) x).compareTo((String) y);
            return Integer.signum(c);
        }
        double dx = (Double) x;
        double dy = (Double) y;
        return dx > dy ? 1 : dx < dy ? -1 : 0;
    }
}
