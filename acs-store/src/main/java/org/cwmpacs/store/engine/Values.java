package org.cwmpacs.store.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.bson.types.Symbol;

/**
 * MongoDB's order of values: first by kind (MinKey, null, numbers, text, documents, arrays, binary,
 * ObjectId, booleans, dates, timestamps, regular expressions, MaxKey), then within a kind; numbers compare
 * by value whatever their width. Equality is order 0, as MongoDB's.
 */
public final class Values {
    private Values() {
    }

    /** The BSON type number of a value as stored (a missing field and null: 10). */
    static int bsonType(Object v) {
        if (v == null || v == Docs.MISSING) {
            return 10;
        }
        if (v instanceof String) {
            return 2;
        }
        if (v instanceof Map) {
            return 3;
        }
        if (v instanceof List) {
            return 4;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return 16;
        }
        if (v instanceof Long) {
            return 18;
        }
        if (v instanceof Double || v instanceof Float) {
            return 1;
        }
        if (v instanceof Boolean) {
            return 8;
        }
        if (v instanceof Date || v instanceof Instant) {
            return 9;
        }
        if (v instanceof ObjectId) {
            return 7;
        }
        if (v instanceof Decimal128) {
            return 19;
        }
        if (v instanceof Binary || v instanceof byte[]) {
            return 5;
        }
        if (v instanceof Pattern || v instanceof BsonRegularExpression) {
            return 11;
        }
        if (v instanceof BsonTimestamp) {
            return 17;
        }
        if (v instanceof Symbol) {
            return 14;
        }
        if (v instanceof Code) {
            return 13;
        }
        if (v instanceof MinKey) {
            return -1;
        }
        if (v instanceof MaxKey) {
            return 127;
        }
        return 0;
    }

    /** MongoDB's canonical kind of a value, which orders values of different types; missing sorts as null. */
    static int kind(Object v) {
        switch (bsonType(v)) {
            case -1:
                return 1;
            case 10:
                return 2;
            case 1:
            case 16:
            case 18:
            case 19:
                return 3;
            case 2:
            case 14:
                return 4;
            case 3:
                return 5;
            case 4:
                return 6;
            case 5:
                return 7;
            case 7:
                return 8;
            case 8:
                return 9;
            case 9:
                return 10;
            case 17:
                return 11;
            case 11:
                return 12;
            case 13:
                return 13;
            case 127:
                return 127;
            default:
                // another Number (BigDecimal, ...) compares as a number
                return v instanceof Number ? 3 : 14;
        }
    }

    public static boolean equal(Object a, Object b) {
        return compare(a, b) == 0;
    }

    public static int compare(Object a, Object b) {
        int ka = kind(a);
        int kb = kind(b);
        if (ka != kb) {
            return Integer.compare(ka, kb);
        }
        switch (ka) {
            case 3:
                return compareNumbers((Number) a, (Number) b);
            case 4:
                return compareText(text(a), text(b));
            case 5:
                return compareDocuments((Map<?, ?>) a, (Map<?, ?>) b);
            case 6:
                return compareLists((List<?>) a, (List<?>) b);
            case 7:
                return compareBinary(a, b);
            case 8:
                return ((ObjectId) a).compareTo((ObjectId) b);
            case 9:
                return Boolean.compare((Boolean) a, (Boolean) b);
            case 10:
                return Long.compare(millis(a), millis(b));
            case 11:
                return ((BsonTimestamp) a).compareTo((BsonTimestamp) b);
            case 12: {
                int c = compareText(pattern(a), pattern(b));
                return c != 0 ? c : compareText(options(a), options(b));
            }
            case 13:
                return compareText(((Code) a).getCode(), ((Code) b).getCode());
            default:
                return 0;
        }
    }

    static String text(Object v) {
        return v instanceof Symbol ? ((Symbol) v).getSymbol() : (String) v;
    }

    static long millis(Object v) {
        return v instanceof Date ? ((Date) v).getTime() : ((Instant) v).toEpochMilli();
    }

    private static String pattern(Object v) {
        return v instanceof Pattern ? ((Pattern) v).pattern() : ((BsonRegularExpression) v).getPattern();
    }

    private static String options(Object v) {
        return v instanceof Pattern ? Bson.regexOptions(((Pattern) v).flags()) : ((BsonRegularExpression) v).getOptions();
    }

    /** By code point, which is the order of the UTF-8 bytes MongoDB compares. */
    static int compareText(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                boolean sa = Character.isSurrogate(ca);
                boolean sb = Character.isSurrogate(cb);
                if (sa != sb) {
                    // a surrogate pair is above every other character
                    return sa ? 1 : -1;
                }
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    static int compareNumbers(Number a, Number b) {
        boolean integralA = a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte;
        boolean integralB = b instanceof Integer || b instanceof Long || b instanceof Short || b instanceof Byte;
        if (integralA && integralB) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (!(a instanceof Decimal128) && !(b instanceof Decimal128)) {
            double da = a.doubleValue();
            double db = b.doubleValue();
            if (Double.isNaN(da) || Double.isNaN(db)) {
                // NaN sorts below every number and equals itself
                return Double.isNaN(da) ? (Double.isNaN(db) ? 0 : -1) : 1;
            }
            if (integralA && Math.abs(a.longValue()) > (1L << 53) || integralB && Math.abs(b.longValue()) > (1L << 53)) {
                return exact(a).compareTo(exact(b));
            }
            return Double.compare(da == 0 ? 0.0 : da, db == 0 ? 0.0 : db);
        }
        if (isNaN(a) || isNaN(b)) {
            return isNaN(a) ? (isNaN(b) ? 0 : -1) : 1;
        }
        if (isInfinite(a) || isInfinite(b)) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return exact(a).compareTo(exact(b));
    }

    private static boolean isNaN(Number n) {
        return n instanceof Decimal128 ? ((Decimal128) n).isNaN() : Double.isNaN(n.doubleValue());
    }

    private static boolean isInfinite(Number n) {
        return n instanceof Decimal128 ? ((Decimal128) n).isInfinite() : Double.isInfinite(n.doubleValue());
    }

    private static BigDecimal exact(Number n) {
        if (n instanceof Decimal128) {
            return ((Decimal128) n).bigDecimalValue();
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.doubleValue());
        }
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static int compareDocuments(Map<?, ?> a, Map<?, ?> b) {
        Iterator<? extends Map.Entry<?, ?>> ia = a.entrySet().iterator();
        Iterator<? extends Map.Entry<?, ?>> ib = b.entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<?, ?> ea = ia.next();
            Map.Entry<?, ?> eb = ib.next();
            int c = Integer.compare(kind(ea.getValue()), kind(eb.getValue()));
            if (c != 0) {
                return c;
            }
            c = compareText(String.valueOf(ea.getKey()), String.valueOf(eb.getKey()));
            if (c != 0) {
                return c;
            }
            c = compare(ea.getValue(), eb.getValue());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    private static int compareLists(List<?> a, List<?> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareBinary(Object a, Object b) {
        byte[] da = a instanceof Binary ? ((Binary) a).getData() : (byte[]) a;
        byte[] db = b instanceof Binary ? ((Binary) b).getData() : (byte[]) b;
        if (da.length != db.length) {
            return Integer.compare(da.length, db.length);
        }
        int ta = a instanceof Binary ? ((Binary) a).getType() : 0;
        int tb = b instanceof Binary ? ((Binary) b).getType() : 0;
        if (ta != tb) {
            return Integer.compare(ta, tb);
        }
        return Arrays.compareUnsigned(da, db);
    }

    /** A hash consistent with {@link #equal} for the values used as keys (ids, indexed fields). */
    static int hash(Object v) {
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            return d == 0 ? 0 : Double.hashCode(d);
        }
        if (v instanceof Symbol) {
            return ((Symbol) v).getSymbol().hashCode();
        }
        if (v instanceof Date || v instanceof Instant) {
            return Long.hashCode(millis(v));
        }
        if (v instanceof Map || v instanceof List || v instanceof byte[] || v instanceof Binary) {
            return kind(v);
        }
        return v == null || v == Docs.MISSING ? 0 : v.hashCode();
    }
}
