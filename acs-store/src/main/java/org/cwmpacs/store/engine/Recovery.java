package org.cwmpacs.store.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a store: the snapshot the manifest names and the log files after it are replayed into the
 * tables, in order. Only the newest log file may end in a record cut short (a write a crash interrupted,
 * so never acknowledged): it is dropped and the file sealed. Damage anywhere else stops the opening with
 * the file and the byte. Left-overs of an interrupted compaction are removed.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(StoreEngine.class);

    /** The files of the opened store, the new log file to append to among them. */
    record Opened(long generation, List<Segment> snapshot, List<Segment> logs, Segment active, long logBytes) {
    }

    private final Path dir;
    private final StoreEngine.Options options;
    private final Function<String, Table> tables;
    private final AtomicLong liveBytes;

    private Recovery(Path dir, StoreEngine.Options options, Function<String, Table> tables, AtomicLong liveBytes) {
        this.dir = dir;
        this.options = options;
        this.tables = tables;
        this.liveBytes = liveBytes;
    }

    /**
     * @param tables the collection of a name (created on first use)
     * @param liveBytes counts the bytes of the documents replayed
     */
    static Opened open(Path dir, StoreEngine.Options options, Function<String, Table> tables, AtomicLong liveBytes)
            throws IOException {
        return new Recovery(dir, options, tables, liveBytes).open();
    }

    private Opened open() throws IOException {
        Optional<Manifest> read = Manifest.read(dir);
        Manifest manifest;
        if (read.isEmpty()) {
            if (hasFiles("log-") || hasFiles("snap-")) {
                throw new StoreCorruptedException("the store in " + dir.toAbsolutePath() + " has data files but no "
                        + Manifest.FILE + "; it is not a complete store of this version");
            }
            manifest = new Manifest(0, List.of(), 1);
            manifest.write(dir);
        } else {
            manifest = read.get();
        }
        List<Segment> snapshot = new ArrayList<>();
        for (String name : manifest.snapshot()) {
            Segment s = Segment.open(dir.resolve(name));
            if (s.kind != Segment.KIND_SNAPSHOT || s.seq != manifest.generation()) {
                throw new StoreCorruptedException(s.path + " is not part of snapshot " + manifest.generation());
            }
            snapshot.add(s);
            Records.Scan scan = Records.scan(s.buffer(), Segment.HEADER_BYTES, null);
            if (!scan.sealed()) {
                throw damaged(s, scan.end());
            }
            Records.scan(s.buffer(), Segment.HEADER_BYTES, replayer(s));
        }
        List<Segment> logs = new ArrayList<>();
        long logBytes = 0;
        List<Long> seqs = logSequence(manifest.firstLog());
        for (int i = 0; i < seqs.size(); i++) {
            Optional<Segment> log = openLog(seqs.get(i), i == seqs.size() - 1);
            if (log.isPresent()) {
                Records.scan(log.get().buffer(), Segment.HEADER_BYTES, replayer(log.get()));
                logs.add(log.get());
                logBytes += log.get().end();
            }
        }
        long next = logs.isEmpty() ? manifest.firstLog() : logs.get(logs.size() - 1).seq + 1;
        Segment active = Segment.createLog(Segment.logPath(dir, next), next, options.segmentBytes());
        active.sync();
        logs.add(active);
        Manifest.syncDirectory(dir);
        removeStrayFiles(manifest);
        return new Opened(manifest.generation(), snapshot, logs, active, logBytes);
    }

    /** The log files from {@code firstLog} on, in order, with none missing; older ones are deleted. */
    private List<Long> logSequence(long firstLog) throws IOException {
        List<Long> seqs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "log-*.seg")) {
            for (Path p : files) {
                long seq = seqOf(p);
                if (seq < firstLog) {
                    Files.deleteIfExists(p);
                } else {
                    seqs.add(seq);
                }
            }
        }
        seqs.sort(null);
        for (int i = 1; i < seqs.size(); i++) {
            if (seqs.get(i) != seqs.get(i - 1) + 1) {
                throw new StoreCorruptedException("log file " + (seqs.get(i - 1) + 1) + " of the store in "
                        + dir.toAbsolutePath() + " is missing");
            }
        }
        return seqs;
    }

    /** The log file, sealed (its cut-short end dropped when it is the last); empty if it was never written. */
    private Optional<Segment> openLog(long seq, boolean last) throws IOException {
        Path path = Segment.logPath(dir, seq);
        Segment s;
        try {
            s = Segment.open(path);
        } catch (StoreCorruptedException e) {
            if (last && Files.size(path) <= options.segmentBytes()) {
                // created by a roll that a crash interrupted before its header was written: nothing in it
                LOG.warn("Store: {} was never written; removed", path.getFileName());
                Files.delete(path);
                return Optional.empty();
            }
            throw e;
        }
        if (s.kind != Segment.KIND_LOG || s.seq != seq) {
            throw new StoreCorruptedException(path + " is not log file " + seq);
        }
        Records.Scan scan = Records.scan(s.buffer(), Segment.HEADER_BYTES, null);
        s.endAt(scan.end());
        if (!scan.sealed()) {
            if (!last) {
                throw damaged(s, scan.end());
            }
            if (!scan.clean()) {
                LOG.warn("Store: {} ends in a record cut short at byte {} (a crash during a write that was "
                        + "never acknowledged); it is dropped", path.getFileName(), scan.end());
            }
            s.seal();
            s.sync();
        }
        s.trim();
        return Optional.of(s);
    }

    private StoreCorruptedException damaged(Segment s, long at) {
        return new StoreCorruptedException("the data file " + s.path.toAbsolutePath() + " is damaged at byte " + at
                + " (a record there does not match its checksum). Restore the data directory from a backup; "
                + "or, to keep what precedes the damage, move this file and every later one away and start again");
    }

    private boolean hasFiles(String prefix) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*.seg")) {
            return files.iterator().hasNext();
        }
    }

    private static long seqOf(Path p) {
        String name = p.getFileName().toString();
        try {
            return Long.parseLong(name.substring(4, name.length() - 4));
        } catch (RuntimeException e) {
            throw new StoreCorruptedException("unexpected file " + p + " among the store's log files");
        }
    }

    /** Snapshot files of another generation (a compaction a crash interrupted), a half-written manifest. */
    private void removeStrayFiles(Manifest manifest) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "snap-*.seg")) {
            for (Path p : files) {
                if (!manifest.snapshot().contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Files.deleteIfExists(dir.resolve(Manifest.FILE + ".tmp"));
    }

    /** Applies replayed changes straight to the tables. */
    private Records.Visitor replayer(Segment segment) {
        return (kind, collection, buf, at) -> {
            Table table = tables.apply(collection);
            LazyDocument doc = new LazyDocument(buf, at, 1);
            Key key = new Key(Docs.copy(doc.lookup("_id")));
            Entry entry;
            switch (kind) {
                case Records.PUT:
                    entry = Staging.withIndex(table, new Entry(key, buf, at, segment, Overlay.EMPTY, null));
                    break;
                case Records.DELETE:
                    entry = null;
                    break;
                case Records.PATCH: {
                    Entry current = table.entries.get(key);
                    if (current == null) {
                        LOG.warn("Store: a logged change to {} {} has no document to apply to; skipped", collection, key);
                        return;
                    }
                    SortedMap<String, Object> sets = new TreeMap<>(((LazyDocument) doc.lookup("s")).materialize());
                    entry = Staging.withIndex(table, current.withOverlay(current.overlay.plus(sets)));
                    break;
                }
                default:
                    throw new StoreCorruptedException("unknown change kind " + kind + " in " + segment.path);
            }
            Entry old = table.publish(key, entry);
            liveBytes.addAndGet((entry == null ? 0 : entry.bytes()) - (old == null ? 0 : old.bytes()));
        };
    }
}
