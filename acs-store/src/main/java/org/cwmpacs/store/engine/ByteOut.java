package org.cwmpacs.store.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable little-endian byte buffer: what documents and log records are written into. */
final class ByteOut {
    private byte[] buf;
    private int size;

    ByteOut(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
    }

    void reset() {
        size = 0;
    }

    /** Drops what was written after {@code newSize}. */
    void truncate(int newSize) {
        size = newSize;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    ByteBuffer asBuffer() {
        return ByteBuffer.wrap(buf, 0, size);
    }

    private void ensure(int more) {
        int needed = size + more;
        if (needed < 0) {
            throw new DocumentRefusedException("the data is larger than 2 GiB");
        }
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, buf.length * 2L)));
        }
    }

    void put(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void putInt(int v) {
        ensure(4);
        putInt(size, v);
        size += 4;
    }

    /** Writes at an earlier position (a length known only once what it measures is written). */
    void putInt(int pos, int v) {
        buf[pos] = (byte) v;
        buf[pos + 1] = (byte) (v >>> 8);
        buf[pos + 2] = (byte) (v >>> 16);
        buf[pos + 3] = (byte) (v >>> 24);
    }

    void putLong(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
    }

    void putBytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void putBytes(ByteBuffer src, int off, int len) {
        ensure(len);
        src.get(off, buf, size, len);
        size += len;
    }

    void putBytes(byte[] b) {
        putBytes(b, 0, b.length);
    }

    /**
     * Text as UTF-8. A lone surrogate has no UTF-8 form: refused, since storing a replacement would hand back
     * something other than what was acknowledged.
     *
     * @param cstring a BSON key (no NUL allowed, NUL-terminated) rather than a string value (NUL allowed)
     */
    void putUtf8(String s, boolean cstring, String what) {
        int n = s.length();
        ensure(n + 1);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == 0 && cstring) {
                    throw new DocumentRefusedException(what + " contains a NUL character, which BSON keys cannot hold");
                }
                if (size == buf.length) {
                    ensure(1 + (n - i) * 3);
                }
                buf[size++] = (byte) c;
                continue;
            }
            ensure(4 + (n - i));
            if (c < 0x800) {
                buf[size++] = (byte) (0xC0 | (c >> 6));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new DocumentRefusedException(what + " is not valid Unicode (a lone surrogate at character "
                            + i + ")");
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[size++] = (byte) (0xF0 | (cp >> 18));
                buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[size++] = (byte) (0xE0 | (c >> 12));
                buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        if (cstring) {
            put(0);
        }
    }
}
