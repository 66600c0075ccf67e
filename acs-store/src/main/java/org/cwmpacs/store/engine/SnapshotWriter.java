package org.cwmpacs.store.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compaction's work off the writer thread: every document of the state at the cut, written whole (overlay
 * applied) into the files of a new snapshot, synced. Reports where each document now lies, so that the
 * writer can point its entries there once the manifest names the snapshot.
 */
final class SnapshotWriter {
    /** A document's copy in the snapshot. */
    record Moved(Entry from, int offset, Segment segment) {
    }

    /** The snapshot's files, and the new place of every document, by collection. */
    record Written(List<Segment> files, Map<Table, List<Moved>> moved) {
    }

    private record Pending(Entry entry, int at, List<Moved> into) {
    }

    /** Records are written a piece of about this size at a time. */
    private static final int PIECE = 1 << 20;

    private final Path dir;
    private final long generation;
    private final int segmentBytes;
    private final List<Segment> files = new ArrayList<>();
    private final ByteOut out = new ByteOut(PIECE);
    private final List<Pending> pending = new ArrayList<>();
    private Segment file;

    private SnapshotWriter(Path dir, long generation, int segmentBytes) {
        this.dir = dir;
        this.generation = generation;
        this.segmentBytes = segmentBytes;
    }

    static Written write(Path dir, long generation, int segmentBytes, Map<Table, List<Entry>> state)
            throws IOException {
        return new SnapshotWriter(dir, generation, segmentBytes).write(state);
    }

    private Written write(Map<Table, List<Entry>> state) throws IOException {
        // left-overs of an earlier attempt at this generation
        for (int n = 0; Files.exists(Segment.snapshotPath(dir, generation, n)); n++) {
            Files.delete(Segment.snapshotPath(dir, generation, n));
        }
        Map<Table, List<Moved>> moved = new LinkedHashMap<>();
        try {
            file = newFile();
            for (Map.Entry<Table, List<Entry>> t : state.entrySet()) {
                List<Moved> into = new ArrayList<>(t.getValue().size());
                moved.put(t.getKey(), into);
                writeCollection(t.getKey().name, t.getValue(), into);
            }
            file.seal();
            for (Segment f : files) {
                f.finish();
            }
            Manifest.syncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            for (Segment f : files) {
                f.close();
                Files.deleteIfExists(f.path);
            }
            throw e;
        }
        return new Written(files, moved);
    }

    /** The collection's documents in transaction records of about {@link #PIECE} each. */
    private void writeCollection(String collection, List<Entry> entries, List<Moved> into) throws IOException {
        int txn = -1;
        int changes = 0;
        for (Entry e : entries) {
            if (txn < 0) {
                txn = Records.begin(out, Records.TXN);
                out.putInt(0);
                changes = 0;
            }
            int change = Records.beginChange(out, Records.PUT, collection);
            int at = out.size();
            if (e.overlay.isEmpty()) {
                out.putBytes(e.buf, e.offset, e.baseLength());
            } else {
                Bson.encode(out, e.materialize());
            }
            Records.endChange(out, change);
            changes++;
            pending.add(new Pending(e, at, into));
            if (out.size() >= PIECE) {
                endTransaction(txn, changes);
                txn = -1;
            }
        }
        if (txn >= 0) {
            endTransaction(txn, changes);
        }
    }

    private void endTransaction(int txn, int changes) throws IOException {
        out.putInt(txn + Records.HEADER, changes);
        Records.end(out, txn);
        if (file.end() > Segment.HEADER_BYTES && file.end() + out.size() > segmentBytes) {
            file.seal();
            file = newFile();
        }
        long base = file.append(out.asBuffer());
        for (Pending p : pending) {
            p.into().add(new Moved(p.entry(), (int) (base + p.at()), file));
        }
        pending.clear();
        out.reset();
    }

    private Segment newFile() throws IOException {
        Segment created = Segment.createSnapshot(Segment.snapshotPath(dir, generation, files.size()), generation);
        files.add(created);
        return created;
    }
}
