package org.cwmpacs.store.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * A stored document read in place: a field is found by walking the BSON of its level, skipping whole
 * sub-documents by their length, so that a query on one parameter of a device reads a few hundred bytes of
 * it rather than decoding it all. Sub-documents come back as lazy views too. Immutable; safe to share
 * between threads (only absolute reads of the buffer).
 */
public final class LazyDocument extends DocumentView {
    private final ByteBuffer buf;
    private final int offset;
    /** Its level in the stored document, the top being 1. */
    private final int depth;

    LazyDocument(ByteBuffer buf, int offset, int depth) {
        this.buf = buf;
        this.offset = offset;
        this.depth = depth;
        Bson.length(buf, offset);
    }

    /** A whole stored document. */
    public static LazyDocument of(ByteBuffer buf, int offset) {
        return new LazyDocument(buf, offset, 1);
    }

    public static LazyDocument of(byte[] bson) {
        return of(Bson.wrap(bson), 0);
    }

    /** The encoded size. */
    public int byteLength() {
        return buf.getInt(offset);
    }

    @Override
    public Object lookup(String key) {
        byte[] name = ascii(key) ? null : key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int length = buf.getInt(offset);
        int end = offset + length - 1;
        int pos = offset + 4;
        while (pos < end) {
            byte type = buf.get(pos);
            int nameStart = pos + 1;
            int nameEnd = Bson.cstringEnd(buf, nameStart, end);
            int valuePos = nameEnd + 1;
            if (name == null ? asciiMatches(nameStart, nameEnd, key) : bytesMatch(nameStart, nameEnd, name)) {
                return value(type, valuePos);
            }
            pos = valuePos + Bson.valueLength(buf, type, valuePos);
        }
        return Docs.MISSING;
    }

    private static boolean ascii(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private boolean asciiMatches(int start, int end, String key) {
        int n = key.length();
        if (n != end - start) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf.get(start + i) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean bytesMatch(int start, int end, byte[] name) {
        if (name.length != end - start) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (buf.get(start + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    private Object value(byte type, int pos) {
        if (type == Bson.DOCUMENT) {
            return new LazyDocument(buf, pos, depth + 1);
        }
        if (type == Bson.ARRAY) {
            return array(pos, depth + 1);
        }
        return Bson.readScalar(buf, type, pos);
    }

    private List<Object> array(int start, int level) {
        if (level > Limits.MAX_DEPTH) {
            throw new StoreCorruptedException("a stored document is nested deeper than the store ever writes");
        }
        int end = start + Bson.length(buf, start) - 1;
        List<Object> list = new ArrayList<>();
        int pos = start + 4;
        while (pos < end) {
            byte type = buf.get(pos);
            int valuePos = Bson.cstringEnd(buf, pos + 1, end) + 1;
            if (type == Bson.DOCUMENT) {
                list.add(new LazyDocument(buf, valuePos, level + 1));
            } else if (type == Bson.ARRAY) {
                list.add(array(valuePos, level + 1));
            } else {
                list.add(Bson.readScalar(buf, type, valuePos));
            }
            pos = valuePos + Bson.valueLength(buf, type, valuePos);
        }
        return list;
    }

    /** Only the matching names are decoded, and their values; the rest of the level is skipped by length. */
    @Override
    public Map<String, Object> fieldsStartingWith(char first) {
        return first < 0x80 ? level(new java.util.HashMap<>(), first) : Map.of();
    }

    /** This level decoded, in stored order; sub-documents stay lazy. */
    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return level(new LinkedHashMap<>(), -1).entrySet();
    }

    /** The fields of this level whose name starts with the byte {@code first} (any, if -1), into {@code out}. */
    private Map<String, Object> level(Map<String, Object> out, int first) {
        int end = offset + buf.getInt(offset) - 1;
        int pos = offset + 4;
        while (pos < end) {
            byte type = buf.get(pos);
            int nameEnd = Bson.cstringEnd(buf, pos + 1, end);
            int valuePos = nameEnd + 1;
            if (first < 0 || buf.get(pos + 1) == (byte) first) {
                out.put(Bson.utf8(buf, pos + 1, nameEnd - pos - 1), value(type, valuePos));
            }
            pos = valuePos + Bson.valueLength(buf, type, valuePos);
        }
        return out;
    }

    @Override
    public boolean isEmpty() {
        return buf.getInt(offset) <= 5;
    }

    /** Decoded whole. */
    public Document materialize() {
        return Bson.readDocument(buf, offset, 1);
    }

    /** Levels of nesting below and including this document (1 for a document of scalars). */
    int height() {
        return height(offset, 1);
    }

    private int height(int start, int level) {
        if (level > Limits.MAX_DEPTH) {
            throw new StoreCorruptedException("a stored document is nested deeper than the store ever writes");
        }
        int end = start + Bson.length(buf, start) - 1;
        int max = 1;
        int pos = start + 4;
        while (pos < end) {
            byte type = buf.get(pos);
            int valuePos = Bson.cstringEnd(buf, pos + 1, end) + 1;
            if (type == Bson.DOCUMENT || type == Bson.ARRAY) {
                max = Math.max(max, 1 + height(valuePos, level + 1));
            }
            pos = valuePos + Bson.valueLength(buf, type, valuePos);
        }
        return max;
    }

    /** Appends the stored bytes as they are. */
    void copyTo(ByteOut out) {
        out.putBytes(buf, offset, buf.getInt(offset));
    }
}
