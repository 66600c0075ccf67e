package org.cwmpacs.store.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.bson.types.Symbol;

/**
 * BSON, the form documents are stored in, written and read with the depth and size {@link Limits} checked
 * as it goes: a document the limits refuse is never half-written, and reading never recurses deeper than a
 * stored document can be. Values are the MongoDB driver's Java types ({@link Document}, {@link Date},
 * {@link ObjectId}, {@link Binary}, {@link Decimal128}, ...), so the stores share their document code with
 * the MongoDB side.
 */
public final class Bson {
    static final byte DOUBLE = 0x01;
    static final byte STRING = 0x02;
    static final byte DOCUMENT = 0x03;
    static final byte ARRAY = 0x04;
    static final byte BINARY = 0x05;
    static final byte UNDEFINED = 0x06;
    static final byte OBJECT_ID = 0x07;
    static final byte BOOLEAN = 0x08;
    static final byte DATE = 0x09;
    static final byte NULL = 0x0A;
    static final byte REGEX = 0x0B;
    static final byte DB_POINTER = 0x0C;
    static final byte CODE = 0x0D;
    static final byte SYMBOL = 0x0E;
    static final byte CODE_WITH_SCOPE = 0x0F;
    static final byte INT32 = 0x10;
    static final byte TIMESTAMP = 0x11;
    static final byte INT64 = 0x12;
    static final byte DECIMAL = 0x13;
    static final byte MIN_KEY = (byte) 0xFF;
    static final byte MAX_KEY = 0x7F;

    private Bson() {
    }

    /** A little-endian view of stored bytes, for absolute reads shared between threads. */
    public static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The document's BSON; refused if it breaks a {@link Limits limit} or holds a value BSON has no form for. */
    public static byte[] encode(Map<String, ?> document) {
        ByteOut out = new ByteOut(256);
        writeDocument(out, document, 1, null);
        return out.toByteArray();
    }

    /** Appends the document's BSON to {@code out}. */
    static void encode(ByteOut out, Map<String, ?> document) {
        int start = out.size();
        writeDocument(out, document, 1, null);
        if (out.size() - start > Limits.MAX_DOCUMENT_BYTES) {
            throw tooLarge();
        }
    }

    private static DocumentRefusedException tooLarge() {
        return new DocumentRefusedException("the document is larger than " + (Limits.MAX_DOCUMENT_BYTES >> 20)
                + " MiB, the store's limit for one document (MongoDB's too)");
    }

    private static void writeDocument(ByteOut out, Map<?, ?> document, int depth, Where where) {
        if (depth > Limits.MAX_DEPTH) {
            throw new DocumentRefusedException("the document is nested deeper than " + Limits.MAX_DEPTH
                    + " levels, the store's limit (MongoDB's too), at " + Where.describe(where));
        }
        if (document instanceof LazyDocument) {
            LazyDocument raw = (LazyDocument) document;
            if (depth + raw.height() - 1 > Limits.MAX_DEPTH) {
                throw new DocumentRefusedException("the document is nested deeper than " + Limits.MAX_DEPTH
                        + " levels, the store's limit (MongoDB's too), at " + Where.describe(where));
            }
            raw.copyTo(out);
            return;
        }
        int start = out.size();
        out.putInt(0);
        for (Map.Entry<?, ?> e : document.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new DocumentRefusedException("a field name must be text, not " + e.getKey());
            }
            writeElement(out, (String) e.getKey(), e.getValue(), depth, where);
            if (out.size() - start > Limits.MAX_DOCUMENT_BYTES) {
                throw tooLarge();
            }
        }
        out.put(0);
        out.putInt(start, out.size() - start);
    }

    private static void writeArray(ByteOut out, Iterable<?> items, int depth, Where where) {
        if (depth > Limits.MAX_DEPTH) {
            throw new DocumentRefusedException("the document is nested deeper than " + Limits.MAX_DEPTH
                    + " levels, the store's limit (MongoDB's too), at " + Where.describe(where));
        }
        int start = out.size();
        out.putInt(0);
        int i = 0;
        for (Object item : items) {
            writeElement(out, Integer.toString(i++), item, depth, where);
            if (out.size() - start > Limits.MAX_DOCUMENT_BYTES) {
                throw tooLarge();
            }
        }
        out.put(0);
        out.putInt(start, out.size() - start);
    }

    /** Where a value sits, for error messages; built only when one is needed. */
    private record Where(Where parent, String key) {
        static String describe(Where where) {
            if (where == null) {
                return "the top of the document";
            }
            List<String> keys = new ArrayList<>();
            for (Where w = where; w != null; w = w.parent()) {
                keys.add(0, w.key());
            }
            return abbreviate(String.join(".", keys));
        }
    }

    private static void writeElement(ByteOut out, String key, Object v, int depth, Where parent) {
        int typePos = out.size();
        out.put(0);
        try {
            out.putUtf8(key, true, "the field name");
        } catch (DocumentRefusedException e) {
            throw new DocumentRefusedException(e.getMessage() + " (at " + Where.describe(parent) + ")");
        }
        // where this value sits, for messages and for the values inside it; made only when needed
        Where here = v instanceof Map || v instanceof Iterable || v instanceof Object[] ? new Where(parent, key) : null;
        byte type;
        if (v == null) {
            type = NULL;
        } else if (v instanceof String) {
            type = STRING;
            writeString(out, (String) v, parent, key);
        } else if (v instanceof Map) {
            type = DOCUMENT;
            writeDocument(out, (Map<?, ?>) v, depth + 1, here);
        } else if (v instanceof Boolean) {
            type = BOOLEAN;
            out.put((Boolean) v ? 1 : 0);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            type = INT32;
            out.putInt(((Number) v).intValue());
        } else if (v instanceof Long) {
            type = INT64;
            out.putLong((Long) v);
        } else if (v instanceof Double || v instanceof Float) {
            type = DOUBLE;
            out.putLong(Double.doubleToRawLongBits(((Number) v).doubleValue()));
        } else if (v instanceof Date) {
            type = DATE;
            out.putLong(((Date) v).getTime());
        } else if (v instanceof Instant) {
            type = DATE;
            out.putLong(((Instant) v).toEpochMilli());
        } else if (v instanceof ObjectId) {
            type = OBJECT_ID;
            out.putBytes(((ObjectId) v).toByteArray());
        } else if (v instanceof List || v instanceof Collection) {
            type = ARRAY;
            writeArray(out, (Iterable<?>) v, depth + 1, here);
        } else if (v instanceof Object[]) {
            type = ARRAY;
            writeArray(out, java.util.Arrays.asList((Object[]) v), depth + 1, here);
        } else if (v instanceof Binary) {
            type = BINARY;
            Binary b = (Binary) v;
            out.putInt(b.getData().length);
            out.put(b.getType());
            out.putBytes(b.getData());
        } else if (v instanceof byte[]) {
            type = BINARY;
            out.putInt(((byte[]) v).length);
            out.put(0);
            out.putBytes((byte[]) v);
        } else if (v instanceof UUID) {
            type = BINARY;
            UUID u = (UUID) v;
            out.putInt(16);
            out.put(4);
            for (long half : new long[] {u.getMostSignificantBits(), u.getLeastSignificantBits()}) {
                for (int i = 7; i >= 0; i--) {
                    out.put((int) (half >>> (8 * i)));
                }
            }
        } else if (v instanceof Decimal128) {
            type = DECIMAL;
            out.putLong(((Decimal128) v).getLow());
            out.putLong(((Decimal128) v).getHigh());
        } else if (v instanceof BigDecimal) {
            type = DECIMAL;
            Decimal128 d;
            try {
                d = new Decimal128((BigDecimal) v);
            } catch (NumberFormatException e) {
                throw new DocumentRefusedException("the number at " + Where.describe(new Where(parent, key)) + " has no 128-bit decimal form: "
                        + e.getMessage());
            }
            out.putLong(d.getLow());
            out.putLong(d.getHigh());
        } else if (v instanceof BigInteger) {
            BigInteger big = (BigInteger) v;
            if (big.bitLength() < 64) {
                type = INT64;
                out.putLong(big.longValue());
            } else {
                type = DECIMAL;
                Decimal128 d;
                try {
                    d = new Decimal128(new BigDecimal(big));
                } catch (NumberFormatException e) {
                    throw new DocumentRefusedException("the number at " + Where.describe(new Where(parent, key)) + " is too large to store");
                }
                out.putLong(d.getLow());
                out.putLong(d.getHigh());
            }
        } else if (v instanceof Pattern) {
            type = REGEX;
            Pattern p = (Pattern) v;
            out.putUtf8(p.pattern(), true, "a regular expression");
            out.putUtf8(regexOptions(p.flags()), true, "regular expression options");
        } else if (v instanceof BsonRegularExpression) {
            type = REGEX;
            BsonRegularExpression r = (BsonRegularExpression) v;
            out.putUtf8(r.getPattern(), true, "a regular expression");
            out.putUtf8(r.getOptions(), true, "regular expression options");
        } else if (v instanceof BsonTimestamp) {
            type = TIMESTAMP;
            out.putLong(((BsonTimestamp) v).getValue());
        } else if (v instanceof MinKey) {
            type = MIN_KEY;
        } else if (v instanceof MaxKey) {
            type = MAX_KEY;
        } else if (v instanceof Symbol) {
            type = SYMBOL;
            writeString(out, ((Symbol) v).getSymbol(), parent, key);
        } else if (v instanceof Code) {
            type = CODE;
            writeString(out, ((Code) v).getCode(), parent, key);
        } else if (v instanceof Character) {
            type = STRING;
            writeString(out, v.toString(), parent, key);
        } else {
            throw new DocumentRefusedException("the value at " + Where.describe(new Where(parent, key)) + " is a " + v.getClass().getSimpleName()
                    + ", which the store cannot keep");
        }
        out.array()[typePos] = type;
    }

    private static void writeString(ByteOut out, String s, Where parent, String key) {
        if (s.length() > Limits.MAX_DOCUMENT_BYTES) {
            throw tooLarge();
        }
        int lengthPos = out.size();
        out.putInt(0);
        try {
            out.putUtf8(s, false, "text");
        } catch (DocumentRefusedException e) {
            throw new DocumentRefusedException("the text at " + Where.describe(new Where(parent, key)) + ": "
                    + e.getMessage());
        }
        out.put(0);
        out.putInt(lengthPos, out.size() - lengthPos - 4);
    }

    static String regexOptions(int flags) {
        StringBuilder options = new StringBuilder();
        if ((flags & Pattern.CASE_INSENSITIVE) != 0) {
            options.append('i');
        }
        if ((flags & Pattern.MULTILINE) != 0) {
            options.append('m');
        }
        if ((flags & Pattern.DOTALL) != 0) {
            options.append('s');
        }
        if ((flags & Pattern.COMMENTS) != 0) {
            options.append('x');
        }
        return options.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 40) + "…" + s.substring(s.length() - 30);
    }

    // ---- reading ----

    /** The whole document at {@code offset}, decoded. */
    public static Document decode(ByteBuffer buf, int offset) {
        return readDocument(buf, offset, 1);
    }

    public static Document decode(byte[] bytes) {
        return decode(wrap(bytes), 0);
    }

    static Document readDocument(ByteBuffer buf, int offset, int depth) {
        if (depth > Limits.MAX_DEPTH) {
            throw new StoreCorruptedException("a stored document is nested deeper than the store ever writes");
        }
        int length = length(buf, offset);
        int end = offset + length - 1;
        Document doc = new Document();
        int pos = offset + 4;
        while (pos < end) {
            byte type = buf.get(pos);
            int nameEnd = cstringEnd(buf, pos + 1, end);
            String name = utf8(buf, pos + 1, nameEnd - pos - 1);
            int valuePos = nameEnd + 1;
            doc.put(name, readValue(buf, type, valuePos, depth));
            pos = valuePos + valueLength(buf, type, valuePos);
        }
        return doc;
    }

    static List<Object> readArray(ByteBuffer buf, int offset, int depth) {
        if (depth > Limits.MAX_DEPTH) {
            throw new StoreCorruptedException("a stored document is nested deeper than the store ever writes");
        }
        int length = length(buf, offset);
        int end = offset + length - 1;
        List<Object> list = new ArrayList<>();
        int pos = offset + 4;
        while (pos < end) {
            byte type = buf.get(pos);
            int nameEnd = cstringEnd(buf, pos + 1, end);
            int valuePos = nameEnd + 1;
            list.add(readValue(buf, type, valuePos, depth));
            pos = valuePos + valueLength(buf, type, valuePos);
        }
        return list;
    }

    static int length(ByteBuffer buf, int offset) {
        if (offset < 0 || offset + 5 > buf.limit()) {
            throw new StoreCorruptedException("a stored document lies outside its record");
        }
        int length = buf.getInt(offset);
        if (length < 5 || offset + length > buf.limit() || buf.get(offset + length - 1) != 0) {
            throw new StoreCorruptedException("a stored document has a broken length");
        }
        return length;
    }

    static int cstringEnd(ByteBuffer buf, int pos, int limit) {
        for (int i = pos; i < limit; i++) {
            if (buf.get(i) == 0) {
                return i;
            }
        }
        throw new StoreCorruptedException("a stored field name has no end");
    }

    static String utf8(ByteBuffer buf, int pos, int length) {
        if (buf.hasArray()) {
            return new String(buf.array(), buf.arrayOffset() + pos, length, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[length];
        buf.get(pos, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** How many bytes the value of this type at {@code pos} takes. */
    static int valueLength(ByteBuffer buf, byte type, int pos) {
        switch (type) {
            case DOUBLE:
            case DATE:
            case INT64:
            case TIMESTAMP:
                return 8;
            case STRING:
            case CODE:
            case SYMBOL:
                return 4 + buf.getInt(pos);
            case DOCUMENT:
            case ARRAY:
            case CODE_WITH_SCOPE:
                return buf.getInt(pos);
            case BINARY:
                return 5 + buf.getInt(pos);
            case UNDEFINED:
            case NULL:
            case MIN_KEY:
            case MAX_KEY:
                return 0;
            case OBJECT_ID:
                return 12;
            case BOOLEAN:
                return 1;
            case REGEX: {
                int patternEnd = cstringEnd(buf, pos, buf.limit());
                return cstringEnd(buf, patternEnd + 1, buf.limit()) + 1 - pos;
            }
            case DB_POINTER:
                return 4 + buf.getInt(pos) + 12;
            case INT32:
                return 4;
            case DECIMAL:
                return 16;
            default:
                throw new StoreCorruptedException("a stored value has the unknown BSON type " + type);
        }
    }

    /** The value at {@code pos}, decoded whole (documents included). */
    static Object readValue(ByteBuffer buf, byte type, int pos, int depth) {
        switch (type) {
            case DOCUMENT:
                return readDocument(buf, pos, depth + 1);
            case ARRAY:
                return readArray(buf, pos, depth + 1);
            default:
                return readScalar(buf, type, pos);
        }
    }

    /** A value that is no document or array. */
    static Object readScalar(ByteBuffer buf, byte type, int pos) {
        switch (type) {
            case DOUBLE:
                return Double.longBitsToDouble(buf.getLong(pos));
            case STRING:
                return utf8(buf, pos + 4, buf.getInt(pos) - 1);
            case BINARY: {
                int length = buf.getInt(pos);
                byte[] data = new byte[length];
                buf.get(pos + 5, data, 0, length);
                return new Binary(buf.get(pos + 4), data);
            }
            case UNDEFINED:
            case NULL:
                return null;
            case OBJECT_ID: {
                byte[] id = new byte[12];
                buf.get(pos, id, 0, 12);
                return new ObjectId(id);
            }
            case BOOLEAN:
                return buf.get(pos) != 0;
            case DATE:
                return new Date(buf.getLong(pos));
            case REGEX: {
                int patternEnd = cstringEnd(buf, pos, buf.limit());
                int optionsEnd = cstringEnd(buf, patternEnd + 1, buf.limit());
                return new BsonRegularExpression(utf8(buf, pos, patternEnd - pos),
                        utf8(buf, patternEnd + 1, optionsEnd - patternEnd - 1));
            }
            case CODE:
                return new Code(utf8(buf, pos + 4, buf.getInt(pos) - 1));
            case SYMBOL:
                return new Symbol(utf8(buf, pos + 4, buf.getInt(pos) - 1));
            case INT32:
                return buf.getInt(pos);
            case TIMESTAMP:
                return new BsonTimestamp(buf.getLong(pos));
            case INT64:
                return buf.getLong(pos);
            case DECIMAL:
                return Decimal128.fromIEEE754BIDEncoding(buf.getLong(pos + 8), buf.getLong(pos));
            case MIN_KEY:
                return new MinKey();
            case MAX_KEY:
                return new MaxKey();
            default:
                throw new StoreCorruptedException("the stored BSON type " + type + " is not one this store writes");
        }
    }
}
