package org.cwmpacs.store.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.cwmpacs.core.store.StoreUnavailableException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's engine: documents kept as BSON in data files that are only ever appended to, read
 * in place through memory mappings, with an index of every document in memory.
 *
 * <p>Writes: one writer thread applies the writes waiting at a moment, appends their records to the log
 * file in one write, syncs it once (group commit), makes the new versions visible, and only then
 * completes the writers' futures: what is acknowledged is on the disk. After a crash, opening replays the
 * snapshot and the log, up to the last whole record.
 *
 * <p>A large document changed a little (a device's periodic Inform) gets only the changed values logged
 * ({@link Overlay}); compaction, when the log outgrows the live data, writes every document whole into a
 * new snapshot and drops the files it replaces.
 */
public final class StoreEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreEngine.class);
    /** A group's records stop growing past this; the rest wait for the next group. */
    private static final int GROUP_BYTES = 8 * 1024 * 1024;
    private static final int GROUP_WRITES = 4096;
    /** A document this small is rewritten whole rather than given an overlay. */
    static final int OVERLAY_MIN_BASE = 8 * 1024;
    static final int OVERLAY_MAX_PATHS = 512;
    static final int OVERLAY_MAX_BYTES = 64 * 1024;

    /** How the engine is set up. */
    public record Options(int segmentBytes, long compactionMinBytes, Map<String, List<String>> indexes,
                          int maxQueuedWrites) {
        public static final Options DEFAULT = new Options(128 << 20, 64L << 20,
                Map.of("tasks", List.of("device"), "faults", List.of("device")), 100_000);

        public Options withSegmentBytes(int bytes) {
            return new Options(bytes, compactionMinBytes, indexes, maxQueuedWrites);
        }

        public Options withCompactionMinBytes(long bytes) {
            return new Options(segmentBytes, bytes, indexes, maxQueuedWrites);
        }
    }

    /** What the engine holds and has written, for monitoring and benchmarks. */
    public record Stats(long documents, long liveBytes, long logBytes, int logFiles, long generation,
                        long groups, long compactions) {
    }

    private final Path dir;
    private final Options options;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ExecutorService callbacks;
    private final Thread writer;
    private volatile Throwable failure;
    private volatile boolean closing;
    private volatile boolean closed;

    // the files; changed by the writer thread (and opening) only
    private final List<Segment> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
    private List<Segment> snapshot = new ArrayList<>();
    private Segment active;
    private long generation;
    private long logBytes;
    private final AtomicLong liveBytes = new AtomicLong();
    private volatile boolean compacting;
    private volatile Thread compactor;
    /** After a failed compaction, the next try waits until then (System.nanoTime). */
    private long compactRetryAt;
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong compactions = new AtomicLong();

    private StoreEngine(Path dir, Options options, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.callbacks = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "store-callback");
            t.setDaemon(true);
            return t;
        });
        this.writer = new Thread(this::run, "store-writer");
        writer.setDaemon(true);
    }

    /**
     * Opens the store in {@code dir} (created if absent), replaying what a crash may have left.
     *
     * @throws StoreCorruptedException when a data file is damaged beyond a cut-short end; the message names it
     */
    public static StoreEngine open(Path dir, Options options) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("the store in " + dir.toAbsolutePath() + " is in use by another process; stop it, "
                    + "or give this one its own data directory (ACS_DATA_DIR)");
        }
        StoreEngine engine = new StoreEngine(dir, options, lockChannel, lock);
        try {
            long started = System.nanoTime();
            engine.recover();
            LOG.info("Store opened in {} ms: {} documents, {} MB live, {} MB of log in {} files",
                    (System.nanoTime() - started) / 1_000_000, engine.documentCount(), engine.liveBytes.get() >> 20,
                    engine.logBytes >> 20, engine.logs.size());
        } catch (IOException | RuntimeException e) {
            engine.closeFiles();
            throw e;
        }
        engine.writer.start();
        return engine;
    }

    public Path directory() {
        return dir;
    }

    /** The collection (created empty on first use). */
    public Table table(String name) {
        return tables.computeIfAbsent(name, n -> {
            if (n.isEmpty() || n.length() > 120 || n.indexOf(0) >= 0) {
                throw new IllegalArgumentException("invalid collection name '" + n + "'");
            }
            return new Table(this, n, options.indexes().getOrDefault(n, List.of()));
        });
    }

    public List<String> tableNames() {
        return tables.values().stream().filter(t -> t.count() > 0).map(Table::name).sorted().toList();
    }

    private long documentCount() {
        return tables.values().stream().mapToLong(Table::count).sum();
    }

    public Stats stats() {
        return new Stats(documentCount(), liveBytes.get(), logBytes, logs.size(), generation, groups.get(),
                compactions.get());
    }

    // ---- submitting writes ----

    private static final class Submission {
        final List<WriteOp> ops;
        final CompletableFuture<List<Object>> future = new CompletableFuture<>();
        List<Object> results;
        RuntimeException error;

        Submission(List<WriteOp> ops) {
            this.ops = ops;
        }
    }

    /** One change; the future completes with its result once it is on the disk. */
    public CompletableFuture<Object> write(WriteOp op) {
        return writeAll(List.of(op)).thenApply(results -> results.get(0));
    }

    /** Changes applied all or none, in order; the future completes with their results once on the disk. */
    public CompletableFuture<List<Object>> writeAll(List<WriteOp> ops) {
        Submission s = new Submission(List.copyOf(ops));
        if (closing) {
            s.future.completeExceptionally(new StoreUnavailableException("the store is closed"));
            return s.future;
        }
        Throwable failed = failure;
        if (failed != null) {
            s.future.completeExceptionally(unavailable(failed));
            return s.future;
        }
        if (queued.incrementAndGet() > options.maxQueuedWrites()) {
            queued.decrementAndGet();
            s.future.completeExceptionally(new StoreUnavailableException(options.maxQueuedWrites()
                    + " writes are already waiting for the disk; retry later"));
            return s.future;
        }
        queue.add(s);
        return s.future;
    }

    private StoreUnavailableException unavailable(Throwable cause) {
        return new StoreUnavailableException("the store stopped writing after a disk error (" + cause
                + "); reads still work. Fix the disk or free space in " + dir.toAbsolutePath()
                + ", then restart the server", cause);
    }

    // ---- the writer ----

    private static final Entry DELETED = new Entry(null, null, 0, null, Overlay.EMPTY, null);

    private record Slot(Table table, Key key) {
    }

    /** The records and new versions of the writes in one group commit. */
    /** The writer's buffer for a group's records, kept from group to group (it grows to the largest). */
    private final ByteOut groupBuffer = new ByteOut(1 << 20);

    private final class Group {
        final ByteOut out = groupBuffer;
        final Map<Slot, Entry> staged = new LinkedHashMap<>();
        final List<Submission> members = new ArrayList<>();
        long base;
    }

    /** One submission's changes, staged on top of its group until it succeeds whole. */
    private final class Txn {
        final Group group;
        final Map<Slot, Entry> local = new LinkedHashMap<>();
        final int start;
        int changes;

        Txn(Group group) {
            this.group = group;
            this.start = Records.begin(group.out, Records.TXN);
            group.out.putInt(0);
        }

        Entry current(Table table, Key key) {
            Slot slot = new Slot(table, key);
            Entry e = local.get(slot);
            if (e == null) {
                e = group.staged.get(slot);
            }
            if (e == null) {
                return table.entries.get(key);
            }
            return e == DELETED ? null : e;
        }

        void put(Table table, Key key, Map<String, ?> doc) {
            ByteOut out = group.out;
            int change = Records.beginChange(out, Records.PUT, table.name);
            int at = out.size();
            Bson.encode(out, doc);
            Records.endChange(out, change);
            changes++;
            Entry e = new Entry(key, Bson.wrap(out.array()), at, null, Overlay.EMPTY, null);
            local.put(new Slot(table, key), withIndex(table, e));
        }

        void patch(Table table, Entry current, Overlay overlay, SortedMap<String, Object> sets) {
            ByteOut out = group.out;
            int change = Records.beginChange(out, Records.PATCH, table.name);
            Bson.encode(out, new Document("_id", current.key.id).append("s", sets));
            Records.endChange(out, change);
            changes++;
            local.put(new Slot(table, current.key), current.withOverlay(overlay));
        }

        void delete(Table table, Key key) {
            ByteOut out = group.out;
            int change = Records.beginChange(out, Records.DELETE, table.name);
            Bson.encode(out, new Document("_id", key.id));
            Records.endChange(out, change);
            changes++;
            local.put(new Slot(table, key), DELETED);
        }

        void commit() {
            if (changes == 0) {
                group.out.truncate(start);
                return;
            }
            group.out.putInt(start + Records.HEADER, changes);
            Records.end(group.out, start);
            group.staged.putAll(local);
        }

        void rollback() {
            group.out.truncate(start);
        }
    }

    private static Entry withIndex(Table table, Entry e) {
        Object[][] indexed = table.indexValues(e.view());
        return indexed == null ? e : new Entry(e.key, e.buf, e.offset, e.segment, e.overlay, indexed);
    }

    private void run() {
        List<Object> carried = new ArrayList<>();
        while (true) {
            Object first;
            try {
                first = carried.isEmpty() ? queue.poll(200, TimeUnit.MILLISECONDS) : carried.remove(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            if (first instanceof Runnable) {
                runControl((Runnable) first);
                continue;
            }
            groupBuffer.reset();
            Group group = new Group();
            try {
                Object next = first;
                while (next != null) {
                    if (next instanceof Runnable) {
                        carried.add(next);
                        break;
                    }
                    apply((Submission) next, group);
                    if (group.out.size() >= GROUP_BYTES || group.members.size() >= GROUP_WRITES) {
                        break;
                    }
                    next = !carried.isEmpty() ? carried.remove(0) : queue.poll();
                }
                commit(group);
                maybeCompact();
            } catch (Error e) {
                // out of memory or the like: nothing of this group is visible; no writer may wait forever
                LOG.error("The store's writer failed; it refuses writes until restarted", e);
                failure = e;
                for (Submission s : group.members) {
                    if (!s.future.isDone()) {
                        s.future.completeExceptionally(unavailable(e));
                    }
                }
            }
        }
    }

    private void runControl(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("store housekeeping failed", e);
        }
    }

    private void apply(Submission s, Group group) {
        queued.decrementAndGet();
        group.members.add(s);
        if (failure != null) {
            s.error = unavailable(failure);
            return;
        }
        Txn tx = new Txn(group);
        try {
            List<Object> results = new ArrayList<>(s.ops.size());
            for (WriteOp op : s.ops) {
                results.add(apply(op, tx));
            }
            tx.commit();
            s.results = results;
        } catch (RuntimeException e) {
            tx.rollback();
            s.error = e;
        }
    }

    private Object apply(WriteOp op, Txn tx) {
        Table table = table(op.collection());
        if (op instanceof WriteOp.Insert) {
            Map<String, ?> given = ((WriteOp.Insert) op).document();
            Object id = given.containsKey("_id") ? given.get("_id") : new ObjectId();
            Key key = key(id);
            if (tx.current(table, key) != null) {
                throw new WriteOp.DuplicateKeyException("E11000 duplicate key: " + table.name + " already has a "
                        + "document with _id " + Bson.abbreviate(String.valueOf(id)));
            }
            tx.put(table, key, withId(given, id));
            return id;
        }
        if (op instanceof WriteOp.Replace) {
            WriteOp.Replace r = (WriteOp.Replace) op;
            Key key = key(r.id());
            boolean existed = tx.current(table, key) != null;
            if (existed || r.upsert()) {
                tx.put(table, key, withId(r.document(), r.id()));
            }
            return existed;
        }
        if (op instanceof WriteOp.Update) {
            return update((WriteOp.Update) op, table, tx);
        }
        if (op instanceof WriteOp.Delete) {
            Key key = key(((WriteOp.Delete) op).id());
            if (tx.current(table, key) == null) {
                return false;
            }
            tx.delete(table, key);
            return true;
        }
        WriteOp.DeleteIfMatches d = (WriteOp.DeleteIfMatches) op;
        Key key = key(d.id());
        Entry current = tx.current(table, key);
        if (current == null || !d.filter().matches(current.view(), org.cwmpacs.core.store.QueryControl.NONE)) {
            return false;
        }
        tx.delete(table, key);
        return true;
    }

    private static Key key(Object id) {
        if (id instanceof List || id instanceof java.util.regex.Pattern || id instanceof org.bson.BsonRegularExpression) {
            throw new DocumentRefusedException("_id cannot be an array or a regular expression");
        }
        if (id instanceof Map) {
            id = Docs.copy(id);
        }
        return new Key(id);
    }

    /** The document with {@code _id} first, as MongoDB stores it. */
    private static Map<String, ?> withId(Map<String, ?> given, Object id) {
        if (!given.isEmpty() && given.keySet().iterator().next().equals("_id") && Values.equal(given.get("_id"), id)) {
            return given;
        }
        Document doc = new Document("_id", id);
        for (Map.Entry<String, ?> e : given.entrySet()) {
            if (!e.getKey().equals("_id")) {
                doc.put(e.getKey(), e.getValue());
            }
        }
        return doc;
    }

    private Object update(WriteOp.Update u, Table table, Txn tx) {
        Key key = key(u.id());
        Entry current = tx.current(table, key);
        Update update = u.update();
        if (current == null) {
            if (!u.upsert()) {
                return new WriteOp.UpdateResult(false, false);
            }
            Document doc = new Document("_id", key.id);
            update.applyTo(doc, true);
            tx.put(table, key, doc);
            return new WriteOp.UpdateResult(false, true);
        }
        Optional<Overlay> overlay = overlaid(table, current, update);
        if (overlay.isPresent()) {
            tx.patch(table, current, overlay.get(), update.set);
        } else {
            Document doc = current.materialize();
            update.applyTo(doc, false);
            tx.put(table, key, doc);
        }
        return new WriteOp.UpdateResult(true, false);
    }

    /**
     * The entry's overlay with the update's values, when the update can be kept that way: only values set,
     * on a large document of an unindexed collection, each path leading through documents.
     */
    private static Optional<Overlay> overlaid(Table table, Entry current, Update update) {
        if (table.indexedFields.length > 0 || current.baseLength() < OVERLAY_MIN_BASE
                || current.overlay.size() + update.set.size() > OVERLAY_MAX_PATHS || !update.onlySetsScalars()) {
            return Optional.empty();
        }
        Map<String, Object> view = current.view();
        for (String path : update.set.keySet()) {
            if (!leadsThroughDocuments(view, path)) {
                return Optional.empty();
            }
        }
        Overlay next = current.overlay.plus(update.set);
        return next.bytes() > OVERLAY_MAX_BYTES ? Optional.empty() : Optional.of(next);
    }

    /** Whether every parent of the path is a document or absent (so a set creates or replaces only its leaf). */
    private static boolean leadsThroughDocuments(Map<String, Object> view, String path) {
        Map<?, ?> node = view;
        int start = 0;
        int dot;
        while ((dot = path.indexOf('.', start)) >= 0) {
            Object next = Docs.field(node, path.substring(start, dot));
            if (next == Docs.MISSING) {
                return true;
            }
            if (!(next instanceof Map)) {
                return false;
            }
            node = (Map<?, ?>) next;
            start = dot + 1;
        }
        return true;
    }

    /** Writes and syncs a group's records, then makes them visible and answers its members. */
    private void commit(Group group) {
        if (group.out.size() > 0) {
            try {
                if (active.remaining() < group.out.size() + 64) {
                    roll(group.out.size());
                }
                group.base = active.append(group.out.asBuffer());
                active.sync();
                logBytes += group.out.size();
                groups.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                LOG.error("The store could not write to {}; it refuses writes until restarted", dir.toAbsolutePath(), e);
                failure = e;
                for (Submission s : group.members) {
                    if (s.error == null) {
                        s.error = unavailable(e);
                    }
                }
                group.staged.clear();
            }
        }
        for (Map.Entry<Slot, Entry> e : group.staged.entrySet()) {
            Entry entry = e.getValue();
            if (entry == DELETED) {
                entry = null;
            } else if (entry.segment == null) {
                entry = entry.relocated(active.buffer(), (int) (group.base + entry.offset), active);
            }
            Entry old = e.getKey().table().publish(e.getKey().key(), entry);
            liveBytes.addAndGet((entry == null ? 0 : entry.bytes()) - (old == null ? 0 : old.bytes()));
        }
        for (Submission s : group.members) {
            if (s.error != null) {
                RuntimeException error = s.error;
                callbacks.execute(() -> s.future.completeExceptionally(error));
            } else {
                List<Object> results = s.results;
                callbacks.execute(() -> s.future.complete(results));
            }
        }
    }

    /** Seals the active log file and starts the next, large enough for {@code needed} bytes. */
    private void roll(int needed) throws IOException {
        ByteOut seal = new ByteOut(32);
        Records.seal(seal, active.seq);
        active.append(seal.asBuffer());
        active.sync();
        long seq = active.seq + 1;
        Segment next = Segment.createLog(logPath(seq), seq, Math.max(options.segmentBytes(), needed + 4096));
        next.sync();
        Manifest.syncDirectory(dir);
        logs.add(next);
        active = next;
    }

    private Path logPath(long seq) {
        return dir.resolve(String.format("log-%012d.seg", seq));
    }

    private Path snapshotPath(long gen, int n) {
        return dir.resolve(String.format("snap-%08d-%04d.seg", gen, n));
    }

    // ---- compaction ----

    /** When the log holds more than the live data (and a minimum), writes the live data anew. */
    private void maybeCompact() {
        if (compacting || failure != null || closing
                || logBytes < Math.max(options.compactionMinBytes(), liveBytes.get())
                || System.nanoTime() - compactRetryAt < 0) {
            return;
        }
        compact();
    }

    /** Starts a compaction now (tests and benchmarks; normally the log's growth starts it). */
    public CompletableFuture<Void> compactNow() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add((Runnable) () -> {
            if (compacting) {
                done.completeExceptionally(new IllegalStateException("a compaction is already running"));
                return;
            }
            compact().whenComplete((v, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                } else {
                    done.complete(null);
                }
            });
        });
        return done;
    }

    /** On the writer: cuts the log at a new file and hands what the files held until then to a compactor. */
    private CompletableFuture<Void> compact() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            roll(0);
        } catch (IOException e) {
            LOG.warn("Store compaction not started: {}", e.toString());
            done.completeExceptionally(e);
            return done;
        }
        compacting = true;
        long cut = active.seq;
        Map<Table, List<Entry>> state = new LinkedHashMap<>();
        for (Table t : tables.values()) {
            state.put(t, new ArrayList<>(t.entries.values()));
        }
        long gen = generation + 1;
        compactor = new Thread(() -> {
            try {
                Written written = writeSnapshot(gen, state);
                new Manifest(gen, written.files().stream().map(s -> s.path.getFileName().toString()).toList(), cut)
                        .write(dir);
                queue.add((Runnable) () -> {
                    adopt(gen, written, cut);
                    done.complete(null);
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("Store compaction failed (the store goes on with its log; it tries again later): {}",
                        e.toString());
                queue.add((Runnable) () -> {
                    compacting = false;
                    compactRetryAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                    done.completeExceptionally(e);
                });
            }
        }, "store-compactor");
        compactor.setDaemon(true);
        compactor.start();
        return done;
    }

    private record Moved(Entry from, ByteBuffer buf, int offset, Segment segment) {
    }

    private record Written(List<Segment> files, Map<Table, List<Moved>> moved) {
    }

    /** Writes every document of the cut state whole into new snapshot files. */
    private Written writeSnapshot(long gen, Map<Table, List<Entry>> state) throws IOException {
        List<Segment> files = new ArrayList<>();
        Map<Table, List<Moved>> moved = new LinkedHashMap<>();
        // delete leftovers of an earlier attempt at this generation
        for (int n = 0; Files.exists(snapshotPath(gen, n)); n++) {
            Files.delete(snapshotPath(gen, n));
        }
        Segment file = Segment.createSnapshot(snapshotPath(gen, 0), gen);
        files.add(file);
        ByteOut out = new ByteOut(1 << 20);
        List<Object[]> pending = new ArrayList<>();
        try {
            for (Map.Entry<Table, List<Entry>> t : state.entrySet()) {
                List<Moved> list = new ArrayList<>(t.getValue().size());
                moved.put(t.getKey(), list);
                int txn = -1;
                int changes = 0;
                for (Entry e : t.getValue()) {
                    if (txn < 0) {
                        txn = Records.begin(out, Records.TXN);
                        out.putInt(0);
                        changes = 0;
                    }
                    int change = Records.beginChange(out, Records.PUT, t.getKey().name);
                    int at = out.size();
                    if (e.overlay.isEmpty()) {
                        out.putBytes(e.buf, e.offset, e.baseLength());
                    } else {
                        Bson.encode(out, e.materialize());
                    }
                    Records.endChange(out, change);
                    changes++;
                    pending.add(new Object[] {e, at, list});
                    if (out.size() >= 1 << 20) {
                        out.putInt(txn + Records.HEADER, changes);
                        Records.end(out, txn);
                        txn = -1;
                        file = flush(gen, files, file, out, pending);
                    }
                }
                if (txn >= 0) {
                    out.putInt(txn + Records.HEADER, changes);
                    Records.end(out, txn);
                    file = flush(gen, files, file, out, pending);
                }
            }
            ByteOut seal = new ByteOut(32);
            Records.seal(seal, gen);
            file.append(seal.asBuffer());
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
        // the documents' new places, once the files are mapped
        for (Map.Entry<Table, List<Moved>> t : moved.entrySet()) {
            List<Moved> resolved = new ArrayList<>(t.getValue().size());
            for (Moved m : t.getValue()) {
                resolved.add(new Moved(m.from(), m.segment().buffer(), m.offset(), m.segment()));
            }
            t.setValue(resolved);
        }
        return new Written(files, moved);
    }

    @SuppressWarnings("unchecked")
    private Segment flush(long gen, List<Segment> files, Segment file, ByteOut out, List<Object[]> pending)
            throws IOException {
        if (file.end() > Segment.HEADER_BYTES && file.end() + out.size() > options.segmentBytes()) {
            ByteOut seal = new ByteOut(32);
            Records.seal(seal, gen);
            file.append(seal.asBuffer());
            file = Segment.createSnapshot(snapshotPath(gen, files.size()), gen);
            files.add(file);
        }
        long base = file.append(out.asBuffer());
        for (Object[] p : pending) {
            ((List<Moved>) p[2]).add(new Moved((Entry) p[0], null, (int) (base + (Integer) p[1]), file));
        }
        pending.clear();
        out.reset();
        return file;
    }

    /** On the writer: the new snapshot is the store's; documents move to it and the old files go. */
    private void adopt(long gen, Written written, long cut) {
        for (Map.Entry<Table, List<Moved>> t : written.moved().entrySet()) {
            Table table = t.getKey();
            for (Moved m : t.getValue()) {
                Entry was = m.from();
                Entry now = table.entries.get(was.key);
                if (now == null) {
                    continue;
                }
                Entry replacement;
                if (now == was) {
                    replacement = new Entry(was.key, m.buf(), m.offset(), m.segment(), Overlay.EMPTY, was.indexed);
                } else if (now.buf == was.buf && now.offset == was.offset) {
                    // only values set since the cut: the overlay stays on the rewritten document
                    replacement = now.relocated(m.buf(), m.offset(), m.segment());
                } else {
                    continue;
                }
                if (table.swapIfSame(now, replacement)) {
                    liveBytes.addAndGet(replacement.bytes() - now.bytes());
                }
            }
        }
        List<Segment> retired = new ArrayList<>(snapshot);
        List<Segment> kept = new ArrayList<>();
        for (Segment s : logs) {
            (s.seq < cut ? retired : kept).add(s);
        }
        logs.clear();
        logs.addAll(kept);
        snapshot = new ArrayList<>(written.files());
        generation = gen;
        logBytes = 0;
        for (Segment s : logs) {
            logBytes += s.end();
        }
        for (Segment s : retired) {
            s.close();
            try {
                Files.deleteIfExists(s.path);
            } catch (IOException e) {
                LOG.debug("{} stays until the next start: {}", s.path, e.toString());
            }
        }
        compacting = false;
        compactions.incrementAndGet();
        LOG.info("Store compacted: {} MB live in {} snapshot files, the log starts again at file {}",
                liveBytes.get() >> 20, snapshot.size(), cut);
    }

    // ---- opening ----

    private void recover() throws IOException {
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
        generation = manifest.generation();
        for (String name : manifest.snapshot()) {
            Segment s = Segment.open(dir.resolve(name));
            if (s.kind != Segment.KIND_SNAPSHOT || s.seq != generation) {
                throw new StoreCorruptedException(s.path + " is not part of snapshot " + generation);
            }
            snapshot.add(s);
            Records.Scan scan = Records.scan(s.buffer(), Segment.HEADER_BYTES, null);
            if (!scan.sealed()) {
                throw damaged(s, scan.end());
            }
            Records.scan(s.buffer(), Segment.HEADER_BYTES, replayer(s));
        }
        List<Long> seqs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "log-*.seg")) {
            for (Path p : files) {
                long seq = seqOf(p);
                if (seq < manifest.firstLog()) {
                    Files.deleteIfExists(p);
                } else {
                    seqs.add(seq);
                }
            }
        }
        seqs.sort(null);
        for (int i = 0; i < seqs.size(); i++) {
            if (i > 0 && seqs.get(i) != seqs.get(i - 1) + 1) {
                throw new StoreCorruptedException("log file " + (seqs.get(i - 1) + 1) + " of the store in "
                        + dir.toAbsolutePath() + " is missing");
            }
            boolean last = i == seqs.size() - 1;
            Path path = logPath(seqs.get(i));
            Segment s;
            try {
                s = Segment.open(path);
            } catch (StoreCorruptedException e) {
                if (last && Files.size(path) <= options.segmentBytes()) {
                    // created by a roll that a crash interrupted before its header was written: nothing in it
                    LOG.warn("Store: {} was never written; removed", path.getFileName());
                    Files.delete(path);
                    continue;
                }
                throw e;
            }
            if (s.kind != Segment.KIND_LOG || s.seq != seqs.get(i)) {
                throw new StoreCorruptedException(path + " is not log file " + seqs.get(i));
            }
            Records.Scan scan = Records.scan(s.buffer(), Segment.HEADER_BYTES, null);
            if (!scan.sealed()) {
                if (!last) {
                    throw damaged(s, scan.end());
                }
                if (!scan.clean()) {
                    LOG.warn("Store: {} ends in a record cut short at byte {} (a crash during a write that was "
                            + "never acknowledged); it is dropped", path.getFileName(), scan.end());
                }
                s.endAt(scan.end());
                ByteOut seal = new ByteOut(32);
                Records.seal(seal, s.seq);
                s.append(seal.asBuffer());
                s.sync();
            } else {
                s.endAt(scan.end());
            }
            s.trim();
            Records.scan(s.buffer(), Segment.HEADER_BYTES, replayer(s));
            logs.add(s);
            logBytes += s.end();
        }
        long next = logs.isEmpty() ? manifest.firstLog() : logs.get(logs.size() - 1).seq + 1;
        active = Segment.createLog(logPath(next), next, options.segmentBytes());
        active.sync();
        logs.add(active);
        Manifest.syncDirectory(dir);
        removeStrayFiles(manifest);
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
            Table table = table(collection);
            LazyDocument doc = new LazyDocument(buf, at, 1);
            Key key = new Key(Docs.copy(doc.lookup("_id")));
            Entry old;
            Entry entry;
            switch (kind) {
                case Records.PUT:
                    entry = withIndex(table, new Entry(key, buf, at, segment, Overlay.EMPTY, null));
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
                    entry = withIndex(table, current.withOverlay(current.overlay.plus(sets)));
                    break;
                }
                default:
                    throw new StoreCorruptedException("unknown change kind " + kind + " in " + segment.path);
            }
            old = table.publish(key, entry);
            liveBytes.addAndGet((entry == null ? 0 : entry.bytes()) - (old == null ? 0 : old.bytes()));
        };
    }

    // ---- closing ----

    /** Waits for the writes already submitted, then closes the files. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closing = true;
        // wakes the writer at once if it is waiting for work
        queue.add((Runnable) () -> { });
        try {
            writer.join(30_000);
            Thread running = compactor;
            if (running != null) {
                running.join(60_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        if (failure == null && active != null) {
            try {
                ByteOut seal = new ByteOut(32);
                Records.seal(seal, active.seq);
                active.append(seal.asBuffer());
                active.sync();
                active.trim();
            } catch (IOException e) {
                LOG.warn("Store: could not seal {} at closing: {}", active.path, e.toString());
            }
        }
        callbacks.shutdown();
        closeFiles();
    }

    private void closeFiles() {
        for (Segment s : logs) {
            s.close();
        }
        for (Segment s : snapshot) {
            s.close();
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
