package org.cwmpacs.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.cwmpacs.core.store.DeviceStore;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.core.store.FileStore;
import org.cwmpacs.core.store.FaultStore;
import org.cwmpacs.core.store.FileCatalog;
import org.cwmpacs.core.store.OperationStore;
import org.cwmpacs.core.store.ProfileMemory;
import org.cwmpacs.core.store.SessionLocks;
import org.cwmpacs.core.store.Stores;
import org.cwmpacs.core.store.TaskStore;

/**
 * The store on a MongoDB (real, or the embedded one): GenieACS's database, collections and indexes.
 */
public final class MongoStore implements Stores {
    /** GenieACS's database when the URL names none. */
    public static final String DEFAULT_DATABASE = "genieacs";

    private final MongoClient client;
    private final MongoDatabase database;
    private final ExecutorService callbacks;
    private final WriteBatcher batcher;
    private final MongoDeviceStore devices;
    private final MongoSessionLocks locks;
    private final ExecutorService reads;
    private final MongoTaskStore tasks;
    private final MongoFaultStore faults;
    private final MongoOperationStore operations;
    private final MongoFileStore files;
    private final MongoDocumentStore documents;

    /** See {@link MongoDeviceStore}: how often unchanged Inform values get their timestamps rewritten. */
    public static final Duration DEFAULT_TIMESTAMP_REFRESH = Duration.ofSeconds(60);

    private MongoStore(MongoClient client, MongoDatabase database, boolean soleWriter, Duration timestampRefresh) {
        this.client = client;
        this.database = database;
        this.callbacks = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "store-callback");
            t.setDaemon(true);
            return t;
        });
        this.batcher = new WriteBatcher(callbacks);
        // blocking reads, off the event loop and off the threads that complete writes
        this.reads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "store-read");
            t.setDaemon(true);
            return t;
        });
        this.devices = new MongoDeviceStore(database.getCollection("devices"), batcher, soleWriter, timestampRefresh,
                reads);
        this.tasks = new MongoTaskStore(database.getCollection("tasks"), reads, soleWriter);
        this.faults = new MongoFaultStore(database.getCollection("faults"), batcher, reads);
        this.operations = new MongoOperationStore(database.getCollection("operations"), batcher, reads, soleWriter);
        this.files = new MongoFileStore(database, reads);
        this.documents = new MongoDocumentStore(database);
        this.locks = new MongoSessionLocks(database.getCollection("locks"), batcher, Clock.systemUTC(), reads);
    }

    /** Connects to a MongoDB other ACS instances may share; the database is the URL's, else {@code genieacs}. */
    public static MongoStore connect(String url) {
        return connect(url, false, DEFAULT_TIMESTAMP_REFRESH);
    }

    /**
     * @param soleWriter true when no other process writes this database (the embedded store), which lets
     *     the store skip rewriting Inform values it knows are unchanged
     * @param timestampRefresh with a sole writer, how often unchanged Inform values get their timestamps
     *     rewritten
     */
    public static MongoStore connect(String url, boolean soleWriter, Duration timestampRefresh) {
        ConnectionString cs = new ConnectionString(url);
        MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(cs)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS)).build());
        MongoStore store = new MongoStore(client, client.getDatabase(cs.getDatabase() != null ? cs.getDatabase()
                : DEFAULT_DATABASE), soleWriter, timestampRefresh);
        store.createIndexes();
        return store;
    }

    /** GenieACS's indexes; the TTL ones only take effect on a real MongoDB (expiry is also checked in queries). */
    private void createIndexes() {
        database.getCollection("tasks").createIndex(Indexes.ascending("device", "timestamp"));
        database.getCollection("faults").createIndex(Indexes.ascending("device"));
        database.getCollection("cache").createIndex(Indexes.ascending("expire"),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        database.getCollection("locks").createIndex(Indexes.ascending("expire"),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
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

    /** What kinds of CPE taught the ACS, in the {@code cache} collection. */
    @Override
    public ProfileMemory profiles() {
        return new MongoProfileMemory(database.getCollection("cache"), batcher, reads);
    }

    @Override
    public FileCatalog files() {
        return files;
    }

    /** The same files, for the NBI and the file server: upload, stream, delete. */
    @Override
    public FileStore fileStore() {
        return files;
    }

    /** Every collection as whole documents, for the NBI's queries and raw writes. */
    @Override
    public DocumentStore documents() {
        return documents;
    }

    @Override
    public SessionLocks sessionLocks() {
        return locks;
    }

    public MongoDatabase database() {
        return database;
    }

    @Override
    public void close() {
        batcher.close();
        callbacks.shutdown();
        reads.shutdown();
        client.close();
    }
}
