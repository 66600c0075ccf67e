package org.cwmpacs.store.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One data file: a header, then records appended one after another ({@link Records}). A log file is
 * created at its full size (sparse on the disk) and mapped once, so that what is appended with ordinary
 * writes can be read in place through the mapping; a snapshot file is written through and mapped when
 * complete. Appends are positional writes; {@link #sync} is the fsync that makes them durable.
 */
final class Segment implements AutoCloseable {
    static final int HEADER_BYTES = 32;
    static final int KIND_LOG = 1;
    static final int KIND_SNAPSHOT = 2;
    private static final byte[] MAGIC = "ACSSTORE".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;

    final Path path;
    final long seq;
    final int kind;
    private final FileChannel channel;
    /** Little-endian view of the mapping; null until mapped. */
    private volatile ByteBuffer read;
    /** Where the next record goes: the end of the valid records. */
    private long end;

    private Segment(Path path, long seq, int kind, FileChannel channel, long end) {
        this.path = path;
        this.seq = seq;
        this.kind = kind;
        this.channel = channel;
        this.end = end;
    }

    /** A new log file of {@code capacity} bytes, mapped at once. */
    static Segment createLog(Path path, long seq, int capacity) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(capacity);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Segment segment = new Segment(path, seq, KIND_LOG, channel, 0);
        segment.writeHeader();
        segment.map(capacity);
        return segment;
    }

    /** A new snapshot file, written through; {@link #finish} maps it. */
    static Segment createSnapshot(Path path, long generation) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Segment segment = new Segment(path, generation, KIND_SNAPSHOT, channel, 0);
        segment.writeHeader();
        return segment;
    }

    /** An existing file, mapped whole for reading its records. */
    static Segment open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            if (size < HEADER_BYTES) {
                throw new StoreCorruptedException(path + " is too short to be a data file (" + size + " bytes)");
            }
            if (size > Integer.MAX_VALUE) {
                throw new StoreCorruptedException(path + " is larger than a data file can be");
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            header.flip();
            byte[] magic = new byte[MAGIC.length];
            header.get(magic);
            CRC32C crc = new CRC32C();
            crc.update(header.array(), 0, 28);
            if (!java.util.Arrays.equals(magic, MAGIC) || header.getInt(28) != (int) crc.getValue()) {
                throw new StoreCorruptedException(path + " is not a data file of this store (bad header)");
            }
            int format = header.getInt(8);
            if (format != FORMAT) {
                throw new StoreCorruptedException(path + " has data format " + format + "; this version reads "
                        + FORMAT);
            }
            Segment segment = new Segment(path, header.getLong(16), header.getInt(12), channel, HEADER_BYTES);
            segment.map(size);
            return segment;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void writeHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(FORMAT).putInt(kind).putLong(seq).putInt(0);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 28);
        header.putInt((int) crc.getValue());
        header.flip();
        while (header.hasRemaining()) {
            channel.write(header, header.position());
        }
        end = HEADER_BYTES;
    }

    private void map(long size) throws IOException {
        read = channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The mapping, for reading records and documents in place. */
    ByteBuffer buffer() {
        return read;
    }

    long end() {
        return end;
    }

    /** Room left for appends (log files have a fixed size). */
    long remaining() {
        return read == null ? Long.MAX_VALUE : read.capacity() - end;
    }

    /** Appends the bytes and returns the offset they start at. */
    long append(ByteBuffer bytes) throws IOException {
        long start = end;
        long pos = start;
        while (bytes.hasRemaining()) {
            pos += channel.write(bytes, pos);
        }
        end = pos;
        return start;
    }

    /** The log file with this sequence number in the store's directory. */
    static Path logPath(Path dir, long seq) {
        return dir.resolve(String.format("log-%012d.seg", seq));
    }

    /** Snapshot file {@code n} of generation {@code gen} in the store's directory. */
    static Path snapshotPath(Path dir, long gen, int n) {
        return dir.resolve(String.format("snap-%08d-%04d.seg", gen, n));
    }

    /** Appends the seal record: nothing after it counts (see {@link Records}). Not synced. */
    void seal() throws IOException {
        ByteOut seal = new ByteOut(32);
        Records.seal(seal, seq);
        append(seal.asBuffer());
    }

    /** Makes everything appended so far durable. */
    void sync() throws IOException {
        channel.force(false);
    }

    /** A snapshot file is complete: synced and mapped for reading. */
    void finish() throws IOException {
        channel.force(true);
        map(end);
    }

    /**
     * Gives back the unused end of a sealed log file (at opening, before anything reads past its records).
     * Best effort: where the system refuses to shorten a mapped file, the file keeps its size and its
     * records stay readable up to the seal.
     */
    void trim() {
        try {
            channel.truncate(end);
            map(end);
        } catch (IOException e) {
            // the unused end stays allocated (sparse), nothing else changes
        }
    }

    /** Sets where appends continue (after reading the valid records of a reopened file). */
    void endAt(long validEnd) {
        end = validEnd;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file stays as its last sync left it
        }
    }
}
