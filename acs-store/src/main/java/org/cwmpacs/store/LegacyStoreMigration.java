package org.cwmpacs.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.cwmpacs.store.engine.DocumentRefusedException;
import org.cwmpacs.store.engine.StoreEngine;
import org.cwmpacs.store.engine.WriteOp;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a data directory of the earlier embedded store (one H2 file, {@code acs-store.mv.db}, read through
 * the MongoDB wire protocol) into the current one, once, at start-up. It is built beside the data directory's
 * {@code store/} and renamed into place when complete, so that an interrupted migration starts over; the old
 * file is then kept as {@code acs-store.mv.db.migrated} until the operator deletes it.
 */
final class LegacyStoreMigration {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyStoreMigration.class);
    static final String LEGACY_FILE = "acs-store.mv.db";
    private static final int BATCH_BYTES = 4 << 20;

    private LegacyStoreMigration() {
    }

    static void migrateIfPresent(Path dataDir, StoreEngine.Options options) {
        Path legacy = dataDir.resolve(LEGACY_FILE);
        if (!Files.exists(legacy)) {
            return;
        }
        Path store = dataDir.resolve(EmbeddedStore.STORE_DIR);
        if (Files.exists(store.resolve("MANIFEST"))) {
            LOG.warn("{} (the store format of earlier versions) is ignored: this directory already holds a store of "
                    + "the current format; delete the old file once you no longer need it", legacy.toAbsolutePath());
            return;
        }
        Path target = dataDir.resolve(EmbeddedStore.STORE_DIR + ".migrating");
        long started = System.nanoTime();
        LOG.info("Migrating {} (the store format of earlier versions) to the current format; this runs once",
                legacy.toAbsolutePath());
        try {
            deleteTree(target);
            long moved = copy(legacy, target, dataDir.resolve(EmbeddedStore.FILES_DIR), options);
            Files.move(target, store, StandardCopyOption.ATOMIC_MOVE);
            Files.move(legacy, dataDir.resolve(LEGACY_FILE + ".migrated"), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Migrated {} documents in {} s; the old file is kept as {}.migrated: delete it once the server "
                    + "runs as it should", moved, (System.nanoTime() - started) / 1_000_000_000, LEGACY_FILE);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new IllegalStateException("cannot migrate " + legacy.toAbsolutePath() + ", the data file of an "
                    + "earlier version: " + e + ". To start with an empty store instead, move that file out of "
                    + dataDir.toAbsolutePath() + " (or point ACS_DATA_DIR elsewhere); to keep its data, run the earlier "
                    + "version and export it through the NBI", e);
        }
    }

    private static long copy(Path legacy, Path target, Path filesDir, StoreEngine.Options options) throws IOException {
        MVStore mvStore = new MVStore.Builder().fileName(legacy.toString()).readOnly().open();
        MongoServer server = new MongoServer(new H2Backend(mvStore));
        String url = server.bindAndGetConnectionString();
        long moved = 0;
        try (MongoClient client = MongoClients.create(url);
             StoreEngine engine = StoreEngine.open(target, options)) {
            MongoDatabase db = client.getDatabase(MongoStore.DEFAULT_DATABASE);
            List<String> names = db.listCollectionNames().into(new ArrayList<>());
            for (String name : names) {
                if (name.equals("fs.chunks") || name.startsWith("system.")) {
                    continue;
                }
                moved += name.equals("fs.files") ? copyFiles(db, engine, filesDir) : copyCollection(db, name, engine);
            }
        } finally {
            server.shutdown();
        }
        return moved;
    }

    private static long copyCollection(MongoDatabase db, String name, StoreEngine engine) {
        long copied = 0;
        long skipped = 0;
        long lastReport = System.nanoTime();
        List<WriteOp> batch = new ArrayList<>();
        int batchBytes = 0;
        try (MongoCursor<Document> docs = db.getCollection(name).find().iterator()) {
            while (docs.hasNext()) {
                Document doc = docs.next();
                batch.add(new WriteOp.Replace(name, doc.get("_id"), doc, true));
                batchBytes += 1024;
                if (batch.size() >= 500 || batchBytes >= BATCH_BYTES) {
                    long[] counts = write(engine, batch);
                    copied += counts[0];
                    skipped += counts[1];
                    batch.clear();
                    batchBytes = 0;
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    LOG.info("Migrating {}: {} documents so far", name, copied);
                    lastReport = System.nanoTime();
                }
            }
        }
        long[] counts = write(engine, batch);
        copied += counts[0];
        skipped += counts[1];
        if (skipped > 0) {
            LOG.warn("Migrating {}: {} documents the current store refuses (too deep or too large) were left out",
                    name, skipped);
        }
        LOG.info("Migrated {}: {} documents", name, copied);
        return copied;
    }

    /** Writes each document alone when the batch as a whole is refused, so that one bad document costs only itself. */
    private static long[] write(StoreEngine engine, List<WriteOp> batch) {
        if (batch.isEmpty()) {
            return new long[] {0, 0};
        }
        try {
            engine.writeAll(batch).join();
            return new long[] {batch.size(), 0};
        } catch (java.util.concurrent.CompletionException e) {
            if (!(e.getCause() instanceof DocumentRefusedException)) {
                throw e;
            }
        }
        long copied = 0;
        long skipped = 0;
        for (WriteOp op : batch) {
            try {
                engine.write(op).join();
                copied++;
            } catch (java.util.concurrent.CompletionException e) {
                if (!(e.getCause() instanceof DocumentRefusedException)) {
                    throw e;
                }
                LOG.warn("Migration: {} {} left out: {}", op.collection(), ((WriteOp.Replace) op).id(),
                        e.getCause().getMessage());
                skipped++;
            }
        }
        return new long[] {copied, skipped};
    }

    /** GridFS files: each file's chunks, in order, into a contents file of the current store. */
    private static long copyFiles(MongoDatabase db, StoreEngine engine, Path filesDir) throws IOException {
        Files.createDirectories(filesDir);
        MongoCollection<Document> chunks = db.getCollection("fs.chunks");
        long copied = 0;
        for (Document file : db.getCollection("fs.files").find()) {
            Object id = file.get("_id");
            String blob = new ObjectId().toHexString();
            long length = 0;
            try (OutputStream out = Files.newOutputStream(filesDir.resolve(blob))) {
                // a few chunks per query: the old server returns a whole query at once
                for (int n = 0; ; n += 4) {
                    List<Document> some = chunks.find(Filters.and(Filters.eq("files_id", id), Filters.gte("n", n),
                            Filters.lt("n", n + 4))).sort(new Document("n", 1)).into(new ArrayList<>());
                    if (some.isEmpty()) {
                        break;
                    }
                    for (Document chunk : some) {
                        byte[] data = ((Binary) chunk.get("data")).getData();
                        out.write(data);
                        length += data.length;
                    }
                }
            }
            Object expected = file.get("length");
            if (expected instanceof Number && ((Number) expected).longValue() != length) {
                LOG.warn("Migration: file {} has {} bytes of contents where its document says {}", id, length, expected);
            }
            engine.writeAll(List.of(new WriteOp.Replace(EmbeddedFileStore.FILES, id, file, true),
                    new WriteOp.Replace(EmbeddedFileStore.BLOBS, id, new Document("_id", id).append("blob", blob),
                            true))).join();
            copied++;
        }
        LOG.info("Migrated fs.files: {} files", copied);
        return copied;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
