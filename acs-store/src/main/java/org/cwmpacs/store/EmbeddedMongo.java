package org.cwmpacs.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The default store when no MongoDB is configured: an in-process server speaking the MongoDB wire protocol
 * on loopback, keeping its data in one H2 file under the data directory. The application reaches it through
 * the ordinary MongoDB driver, so one code path serves both. It has no transactions, no TTL expiry and no
 * secondary indexes (queries other than by {@code _id} scan), which the store is written around.
 */
public final class EmbeddedMongo implements AutoCloseable {
    /** The data file, under the data directory. */
    public static final String FILE_NAME = "acs-store.mv.db";

    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongo(MongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
    }

    /**
     * @param cacheMegabytes the H2 page cache; H2's default (16 MB) makes scans of large fleets take seconds
     */
    public static EmbeddedMongo start(Path dataDir, int cacheMegabytes) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath()
                    + "; set ACS_DATA_DIR to a writable directory", e);
        }
        Path file = dataDir.resolve(FILE_NAME);
        MVStore mvStore = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).open();
        MongoServer server = new MongoServer(new FastUpdateH2Backend(mvStore));
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress bound = server.getLocalAddress();
        return new EmbeddedMongo(server, "mongodb://127.0.0.1:" + bound.getPort() + "/" + MongoStore.DEFAULT_DATABASE);
    }

    /** {@code mongodb://127.0.0.1:<port>/genieacs}. */
    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
