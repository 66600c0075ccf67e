package org.cwmpacs.store.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The records of a data file. Each is {@code [int32 length][int32 CRC-32C][type][payload]}, the CRC covering
 * type and payload, so that a record cut short by a crash or damaged on the disk is recognised and never
 * applied. A transaction record holds the changes of one write, applied all or not at all:
 * {@code [int32 count]} then per change {@code [kind][int32 length][collection name][BSON]}. A log file
 * ends with a seal record when the next one is started; only the newest file may end without it.
 */
final class Records {
    static final int HEADER = 9;
    static final byte TXN = 1;
    static final byte SEAL = 2;

    /** A document written whole: the BSON is the document. */
    static final byte PUT = 1;
    /** A document removed: the BSON is {@code {_id}}. */
    static final byte DELETE = 2;
    /** Values set on a stored document: the BSON is {@code {_id, s: {dotted path: value}}}. */
    static final byte PATCH = 3;

    private Records() {
    }

    /** Starts a record; returns its start, for {@link #end}. */
    static int begin(ByteOut out, byte type) {
        int start = out.size();
        out.putInt(0);
        out.putInt(0);
        out.put(type);
        return start;
    }

    /** Fills in the length and CRC of the record begun at {@code start}. */
    static void end(ByteOut out, int start) {
        int payload = out.size() - start - HEADER;
        out.putInt(start, payload);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), start + 8, payload + 1);
        out.putInt(start + 4, (int) crc.getValue());
    }

    /** Starts one change of a transaction; returns its start, for {@link #endChange}. */
    static int beginChange(ByteOut out, byte kind, String collection) {
        int start = out.size();
        out.put(kind);
        out.putInt(0);
        byte[] name = collection.getBytes(StandardCharsets.UTF_8);
        out.put(name.length);
        out.putBytes(name);
        return start;
    }

    static void endChange(ByteOut out, int start) {
        out.putInt(start + 1, out.size() - start - 5);
    }

    /** A seal record: no later record in this file counts. */
    static void seal(ByteOut out, long seq) {
        int start = begin(out, SEAL);
        out.putLong(seq);
        end(out, start);
    }

    /** What a scan sees. */
    interface Visitor {
        /**
         * One change of a transaction.
         *
         * @param bsonOffset where the change's BSON starts in the buffer
         */
        void change(byte kind, String collection, ByteBuffer buf, int bsonOffset);
    }

    /** The outcome of a scan: where the valid records end, and whether a seal ended them. */
    record Scan(long end, boolean sealed, boolean clean) {
    }

    /**
     * Reads the records from {@code start} until the first that is incomplete or damaged, a seal, or the end.
     *
     * @param visitor told of every change of every whole transaction; null to only find the end
     */
    static Scan scan(ByteBuffer buf, long start, Visitor visitor) {
        long pos = start;
        long limit = buf.capacity();
        CRC32C crc = new CRC32C();
        while (pos + HEADER <= limit) {
            int p = (int) pos;
            int length = buf.getInt(p);
            if (length <= 0 || pos + HEADER + length > limit) {
                // zeros: the unused rest of the file; anything else: a record cut short
                return new Scan(pos, false, length == 0 && buf.getInt(p + 4) == 0);
            }
            crc.reset();
            ByteBuffer view = buf.duplicate();
            view.limit(p + HEADER + length).position(p + 8);
            crc.update(view);
            if ((int) crc.getValue() != buf.getInt(p + 4)) {
                return new Scan(pos, false, false);
            }
            byte type = buf.get(p + 8);
            if (type == SEAL) {
                return new Scan(pos + HEADER + length, true, true);
            }
            if (type != TXN) {
                return new Scan(pos, false, false);
            }
            if (visitor != null) {
                changes(buf, p + HEADER, p + HEADER + length, visitor);
            }
            pos += HEADER + length;
        }
        return new Scan(pos, false, true);
    }

    private static void changes(ByteBuffer buf, int from, int to, Visitor visitor) {
        int count = buf.getInt(from);
        int pos = from + 4;
        for (int i = 0; i < count; i++) {
            if (pos + 6 > to) {
                throw new StoreCorruptedException("a transaction record holds fewer changes than it says");
            }
            byte kind = buf.get(pos);
            int length = buf.getInt(pos + 1);
            int nameLength = buf.get(pos + 5) & 0xFF;
            String collection = Bson.utf8(buf, pos + 6, nameLength);
            int bson = pos + 6 + nameLength;
            if (length < nameLength + 1 || pos + 5 + length > to) {
                throw new StoreCorruptedException("a change lies outside its transaction record");
            }
            visitor.change(kind, collection, buf, bson);
            pos += 5 + length;
        }
    }
}
