package org.cwmpacs.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.cwmpacs.core.store.FileCatalog;
import org.cwmpacs.core.store.FileStore;
import org.cwmpacs.store.engine.Filter;
import org.cwmpacs.store.engine.Projection;
import org.cwmpacs.store.engine.Sort;
import org.cwmpacs.store.engine.StoreEngine;
import org.cwmpacs.store.engine.Table;
import org.cwmpacs.store.engine.WriteOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored files in the embedded store: GridFS's {@code fs.files} documents (as GenieACS writes them, so the
 * NBI lists them unchanged) and the contents in a file of their own under {@code files/}, named in the
 * internal {@code fs.blobs} collection. An upload is received into {@code files/tmp/}, synced, moved into
 * place, and only then named by the documents, in one write: until that write is acknowledged the previous
 * file of that name is served whole, and a crash at any moment leaves nothing that blocks the name
 * (left-overs are removed at start-up).
 */
final class EmbeddedFileStore implements FileCatalog, FileStore {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFileStore.class);
    static final String FILES = "fs.files";
    static final String BLOBS = "fs.blobs";

    private final Table files;
    private final Table blobs;
    private final Path dir;
    private final Path tmp;
    private final Executor reads;

    EmbeddedFileStore(StoreEngine engine, Path dir, Executor reads) throws IOException {
        this.files = engine.table(FILES);
        this.blobs = engine.table(BLOBS);
        this.dir = dir;
        this.tmp = dir.resolve("tmp");
        this.reads = reads;
        Files.createDirectories(tmp);
        removeLeftovers();
    }

    /** Interrupted uploads, and contents no document names any more (a crash between two steps). */
    private void removeLeftovers() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> partial = Files.newDirectoryStream(tmp)) {
            for (Path p : partial) {
                Files.deleteIfExists(p);
                removed++;
            }
        }
        Set<String> named = new HashSet<>();
        for (Document doc : blobs.findAll(Filter.ALL, Projection.ALL, Sort.NONE, 0, 0)) {
            named.add(String.valueOf(doc.get("blob")));
        }
        try (DirectoryStream<Path> stored = Files.newDirectoryStream(dir, p -> Files.isRegularFile(p))) {
            for (Path p : stored) {
                if (!named.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            LOG.info("File store: removed {} left-overs of interrupted uploads or replaced files", removed);
        }
    }

    @Override
    public CompletableFuture<Optional<StoredFile>> find(String name) {
        return CompletableFuture.supplyAsync(() -> document(name).map(doc -> FileDocuments.stored(
                FileDocuments.info(doc))), reads);
    }

    /** By {@code _id} as GenieACS stores it, else by {@code filename}. */
    private Optional<Document> document(String name) {
        Optional<Document> doc = files.get(name);
        if (doc.isPresent()) {
            return doc;
        }
        List<Document> named = files.findAll(Filter.compile(new Document("filename", name)), Projection.ALL,
                Sort.NONE, 0, 1);
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
    }

    @Override
    public Optional<FileInfo> info(String name) {
        return document(name).map(FileDocuments::info);
    }

    @Override
    public Upload upload(String name, Map<String, String> metadata) {
        Path partial = tmp.resolve(new ObjectId().toHexString() + ".partial");
        FileChannel channel;
        try {
            channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot receive " + name + " into " + tmp, e);
        }
        return new Upload() {
            private long length;

            @Override
            public void write(byte[] bytes, int offset, int count) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(bytes, offset, count);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                length += count;
            }

            @Override
            public FileInfo commit() throws IOException {
                channel.force(true);
                channel.close();
                String blob = new ObjectId().toHexString();
                Path stored = dir.resolve(blob);
                Files.move(partial, stored, StandardCopyOption.ATOMIC_MOVE);
                syncDirectory(dir);
                Optional<String> previous = blobs.get(name).map(d -> String.valueOf(d.get("blob")));
                Document doc = FileDocuments.create(name, length, Instant.now(), metadata);
                try {
                    files.engine().writeAll(List.of(new WriteOp.Replace(FILES, name, doc, true),
                            new WriteOp.Replace(BLOBS, name, new Document("_id", name).append("blob", blob), true)))
                            .join();
                } catch (RuntimeException e) {
                    Files.deleteIfExists(stored);
                    throw e;
                }
                previous.ifPresent(EmbeddedFileStore.this::removeBlob);
                return FileDocuments.info(doc);
            }

            @Override
            public void abort() {
                try {
                    channel.close();
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    LOG.debug("{} stays until the next start: {}", partial, e.toString());
                }
            }
        };
    }

    private void removeBlob(String blob) {
        try {
            Files.deleteIfExists(dir.resolve(blob));
        } catch (IOException e) {
            // still open somewhere (a download on Windows): removed at the next start
            LOG.debug("replaced file contents {} stay until the next start: {}", blob, e.toString());
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every system can sync a directory; its file system journals names itself
        }
    }

    @Override
    public InputStream open(String name, long offset) throws IOException {
        Document doc = document(name).orElseThrow(() -> new FileNotFoundException(name));
        Object blob = blobs.get(doc.get("_id")).map(d -> d.get("blob")).orElse(null);
        if (blob == null) {
            throw new FileNotFoundException(name + ": its contents are not stored");
        }
        FileChannel channel = FileChannel.open(dir.resolve(String.valueOf(blob)), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public boolean delete(String name) {
        Optional<Document> doc = document(name);
        if (doc.isEmpty()) {
            return false;
        }
        Object id = doc.get().get("_id");
        Optional<String> blob = blobs.get(id).map(d -> String.valueOf(d.get("blob")));
        files.engine().writeAll(List.of(new WriteOp.Delete(FILES, id), new WriteOp.Delete(BLOBS, id))).join();
        blob.ifPresent(this::removeBlob);
        return true;
    }
}
