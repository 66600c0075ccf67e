package org.cwmpacs.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cwmpacs.core.store.DeviceStore;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.core.store.FaultStore;
import org.cwmpacs.core.store.FileCatalog;
import org.cwmpacs.core.store.FileStore;
import org.cwmpacs.core.store.LocalSessionLocks;
import org.cwmpacs.core.store.OperationStore;
import org.cwmpacs.core.store.ProfileMemory;
import org.cwmpacs.core.store.SessionLocks;
import org.cwmpacs.core.store.Stores;
import org.cwmpacs.core.store.TaskStore;
import org.cwmpacs.store.engine.QueryGate;
import org.cwmpacs.store.engine.StoreEngine;

/**
 * The default store when no MongoDB is configured: GenieACS's collections in this process's own
 * {@link StoreEngine}, under the data directory ({@code store/} for the documents, {@code files/} for file
 * contents). Only this process reaches it, so session locks live in memory.
 */
public final class EmbeddedStore implements Stores {
    /** Where the documents live, under the data directory. */
    public static final String STORE_DIR = "store";
    /** Where stored files' contents live, under the data directory. */
    public static final String FILES_DIR = "files";

    private final StoreEngine engine;
    private final ExecutorService reads;
    private final EmbeddedDeviceStore devices;
    private final EmbeddedTaskStore tasks;
    private final EmbeddedFaultStore faults;
    private final EmbeddedOperationStore operations;
    private final EmbeddedProfileMemory profiles;
    private final EmbeddedFileStore files;
    private final EmbeddedDocumentStore documents;
    private final SessionLocks locks = new LocalSessionLocks(Clock.systemUTC());

    private EmbeddedStore(StoreEngine engine, Path dataDir, Duration timestampRefresh, QueryGate gate)
            throws IOException {
        this.engine = engine;
        // blocking reads, off the event loop and off the threads that complete writes
        this.reads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "store-read");
            t.setDaemon(true);
            return t;
        });
        this.devices = new EmbeddedDeviceStore(engine.table("devices"), timestampRefresh, reads);
        this.tasks = new EmbeddedTaskStore(engine.table("tasks"), reads);
        this.faults = new EmbeddedFaultStore(engine.table("faults"), reads);
        this.operations = new EmbeddedOperationStore(engine.table("operations"), reads);
        this.profiles = new EmbeddedProfileMemory(engine.table("cache"), reads);
        this.files = new EmbeddedFileStore(engine, dataDir.resolve(FILES_DIR), reads);
        this.documents = new EmbeddedDocumentStore(engine, gate);
    }

    /**
     * Opens (or creates) the store under {@code dataDir}.
     *
     * @param timestampRefresh how often unchanged Inform values get their timestamps rewritten
     */
    public static EmbeddedStore open(Path dataDir, Duration timestampRefresh) {
        return open(dataDir, timestampRefresh, StoreEngine.Options.DEFAULT, 0);
    }

    /**
     * @param queryConcurrency NBI queries examining documents at once; 0 for one fewer than the machine's cores
     */
    public static EmbeddedStore open(Path dataDir, Duration timestampRefresh, StoreEngine.Options options,
                                     int queryConcurrency) {
        StoreEngine engine;
        try {
            Files.createDirectories(dataDir);
            LegacyStoreMigration.migrateIfPresent(dataDir, options);
            engine = StoreEngine.open(dataDir.resolve(STORE_DIR), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the store in " + dataDir.toAbsolutePath() + ": "
                    + e.getMessage() + "; set ACS_DATA_DIR to a writable directory", e);
        }
        try {
            return new EmbeddedStore(engine, dataDir, timestampRefresh, queryConcurrency > 0
                    ? new QueryGate(queryConcurrency) : QueryGate.forThisMachine());
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e instanceof IOException ? new UncheckedIOException((IOException) e) : (RuntimeException) e;
        }
    }

    /** The engine beneath, for checks and benchmarks. */
    public StoreEngine engine() {
        return engine;
    }

    @Override
    public DeviceStore devices() {
        return devices;
    }

    @Override
    public TaskStore tasks() {
        return tasks;
    }

    @Override
    public FaultStore faults() {
        return faults;
    }

    @Override
    public OperationStore operations() {
        return operations;
    }

    @Override
    public ProfileMemory profiles() {
        return profiles;
    }

    @Override
    public FileCatalog files() {
        return files;
    }

    @Override
    public FileStore fileStore() {
        return files;
    }

    @Override
    public DocumentStore documents() {
        return documents;
    }

    @Override
    public SessionLocks sessionLocks() {
        return locks;
    }

    @Override
    public void close() {
        reads.shutdown();
        engine.close();
    }
}
