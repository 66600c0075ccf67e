package org.cwmpacs.store.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cwmpacs.core.store.StoreUnavailableException;
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

    /** The writer's buffer for a group's records, kept from group to group (it grows to the largest). */
    private final ByteOut groupBuffer = new ByteOut(1 << 20);

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
            Staging.Group group = new Staging.Group(groupBuffer);
            List<Submission> members = new ArrayList<>();
            try {
                Object next = first;
                while (next != null) {
                    if (next instanceof Runnable) {
                        carried.add(next);
                        break;
                    }
                    members.add((Submission) next);
                    apply((Submission) next, group);
                    if (group.out.size() >= GROUP_BYTES || members.size() >= GROUP_WRITES) {
                        break;
                    }
                    next = !carried.isEmpty() ? carried.remove(0) : queue.poll();
                }
                commit(group, members);
                maybeCompact();
            } catch (Error e) {
                // out of memory or the like: nothing of this group is visible; no writer may wait forever
                LOG.error("The store's writer failed; it refuses writes until restarted", e);
                failure = e;
                for (Submission s : members) {
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

    private void apply(Submission s, Staging.Group group) {
        queued.decrementAndGet();
        if (failure != null) {
            s.error = unavailable(failure);
            return;
        }
        Staging.Txn tx = new Staging.Txn(group);
        try {
            List<Object> results = new ArrayList<>(s.ops.size());
            for (WriteOp op : s.ops) {
                results.add(Changes.apply(op, table(op.collection()), tx));
            }
            tx.commit();
            s.results = results;
        } catch (RuntimeException e) {
            tx.rollback();
            s.error = e;
        }
    }

    /** Writes and syncs a group's records, then makes them visible and answers its members. */
    private void commit(Staging.Group group, List<Submission> members) {
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
                for (Submission s : members) {
                    if (s.error == null) {
                        s.error = unavailable(e);
                    }
                }
                group.staged.clear();
            }
        }
        for (Map.Entry<Staging.Slot, Entry> e : group.staged.entrySet()) {
            Entry entry = e.getValue();
            if (entry == Staging.DELETED) {
                entry = null;
            } else if (entry.segment == null) {
                entry = entry.relocated(active.buffer(), (int) (group.base + entry.offset), active);
            }
            Entry old = e.getKey().table().publish(e.getKey().key(), entry);
            liveBytes.addAndGet((entry == null ? 0 : entry.bytes()) - (old == null ? 0 : old.bytes()));
        }
        for (Submission s : members) {
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
        active.seal();
        active.sync();
        long seq = active.seq + 1;
        Segment next = Segment.createLog(Segment.logPath(dir, seq), seq, Math.max(options.segmentBytes(), needed + 4096));
        next.sync();
        Manifest.syncDirectory(dir);
        logs.add(next);
        active = next;
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
                SnapshotWriter.Written written = SnapshotWriter.write(dir, gen, options.segmentBytes(), state);
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

    /** On the writer: the new snapshot is the store's; documents move to it and the old files go. */
    private void adopt(long gen, SnapshotWriter.Written written, long cut) {
        for (Map.Entry<Table, List<SnapshotWriter.Moved>> t : written.moved().entrySet()) {
            Table table = t.getKey();
            for (SnapshotWriter.Moved m : t.getValue()) {
                Entry was = m.from();
                Entry now = table.entries.get(was.key);
                if (now == null) {
                    continue;
                }
                Entry replacement;
                if (now == was) {
                    replacement = new Entry(was.key, m.segment().buffer(), m.offset(), m.segment(), Overlay.EMPTY,
                            was.indexed);
                } else if (now.buf == was.buf && now.offset == was.offset) {
                    // only values set since the cut: the overlay stays on the rewritten document
                    replacement = now.relocated(m.segment().buffer(), m.offset(), m.segment());
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
        Recovery.Opened opened = Recovery.open(dir, options, this::table, liveBytes);
        generation = opened.generation();
        snapshot = new ArrayList<>(opened.snapshot());
        logs.addAll(opened.logs());
        active = opened.active();
        logBytes = opened.logBytes();
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
                active.seal();
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
