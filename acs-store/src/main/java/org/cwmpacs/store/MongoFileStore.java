package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.cwmpacs.core.store.FileCatalog;
import org.cwmpacs.core.store.FileStore;

/**
 * GridFS bucket {@code fs} as GenieACS uses it: {@code fs.files} with {@code _id} = the file name and
 * {@code metadata: {fileType, oui, productClass, version}}, contents in {@code fs.chunks}. A file whose
 * {@code metadata} has {@code username} and {@code password} is only served to a client presenting them.
 */
final class MongoFileStore implements FileCatalog, FileStore {
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;
    private final GridFSBucket bucket;
    private final Executor reads;

    MongoFileStore(MongoDatabase database, Executor reads) {
        this.files = database.getCollection("fs.files");
        this.chunks = database.getCollection("fs.chunks");
        this.bucket = GridFSBuckets.create(database, "fs");
        this.reads = reads;
    }

    @Override
    public CompletableFuture<Optional<StoredFile>> find(String name) {
        return CompletableFuture.supplyAsync(() -> document(name).map(doc -> FileDocuments.stored(
                FileDocuments.info(doc))), reads);
    }

    /** By {@code _id} as GenieACS stores it, else by {@code filename} (files written by other tools). */
    private Optional<Document> document(String name) {
        Document doc = files.find(Filters.eq("_id", name)).first();
        if (doc == null) {
            doc = files.find(Filters.eq("filename", name)).first();
        }
        return Optional.ofNullable(doc);
    }

    @Override
    public Optional<FileInfo> info(String name) {
        return document(name).map(FileDocuments::info);
    }

    @Override
    public Upload upload(String name, Map<String, String> metadata) {
        // a file that replaces another is received under a temporary id, so that the old one stays whole
        // until the last byte of the new one is in
        boolean replacing = document(name).isPresent();
        BsonString id = new BsonString(replacing ? name + ".upload-" + new ObjectId().toHexString() + ".partial"
                : name);
        Document meta = new Document();
        metadata.forEach(meta::append);
        GridFSUploadStream stream = bucket.openUploadStream(id, name, new GridFSUploadOptions().metadata(meta));
        return new Upload() {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                stream.write(bytes, offset, length);
            }

            @Override
            public FileInfo commit() {
                stream.close();
                Document received = files.find(Filters.eq("_id", id)).first();
                if (received == null) {
                    throw new IllegalStateException("the uploaded file " + name + " vanished before it was stored");
                }
                if (!replacing) {
                    return FileDocuments.info(received);
                }
                document(name).ifPresent(old -> bucket.delete(toBson(old.get("_id"))));
                // chunks are copied, not re-keyed (the embedded store does not re-index an updated files_id),
                // a few at a time (it does not honour small batches)
                for (int n = 0; ; n += 4) {
                    List<Document> some = chunks.find(Filters.and(Filters.eq("files_id", id), Filters.gte("n", n),
                            Filters.lt("n", n + 4))).into(new ArrayList<>());
                    if (some.isEmpty()) {
                        break;
                    }
                    for (Document chunk : some) {
                        chunk.put("_id", new ObjectId());
                        chunk.put("files_id", name);
                    }
                    chunks.insertMany(some);
                }
                received.put("_id", name);
                files.insertOne(received);
                bucket.delete(id);
                return FileDocuments.info(received);
            }

            @Override
            public void abort() {
                stream.abort();
            }
        };
    }

    private static BsonValue toBson(Object id) {
        if (id instanceof ObjectId) {
            return new org.bson.BsonObjectId((ObjectId) id);
        }
        return new BsonString(String.valueOf(id));
    }

    @Override
    public InputStream open(String name, long offset) throws IOException {
        Document doc = document(name).orElseThrow(() -> new java.io.FileNotFoundException(name));
        Object chunkSize = doc.get("chunkSize");
        Object length = doc.get("length");
        return new ChunkStream(chunks, doc.get("_id"), chunkSize instanceof Number ? ((Number) chunkSize).intValue()
                : 255 * 1024, length instanceof Number ? ((Number) length).longValue() : 0L, offset);
    }

    /**
     * A file's contents read a few chunks per query, by chunk number: memory holds those few chunks
     * whatever the file's size, and a read from an offset starts at its chunk. (The driver's GridFS stream
     * asks for small batches, which the embedded store does not honour.)
     */
    private static final class ChunkStream extends InputStream {
        private static final int CHUNKS_PER_QUERY = 4;

        private final MongoCollection<Document> chunks;
        private final Object id;
        private final int chunkSize;
        private final long length;
        private long position;
        private final java.util.ArrayDeque<byte[]> fetched = new java.util.ArrayDeque<>();
        private int nextChunk;
        private byte[] current = new byte[0];
        private int inCurrent;

        ChunkStream(MongoCollection<Document> chunks, Object id, int chunkSize, long length, long offset) {
            this.chunks = chunks;
            this.id = id;
            this.chunkSize = Math.max(1, chunkSize);
            this.length = length;
            this.position = Math.min(offset, length);
            this.nextChunk = (int) (position / this.chunkSize);
            this.inCurrent = (int) (position % this.chunkSize);
            this.current = null;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            if (current == null || inCurrent >= current.length) {
                int skip = current == null ? inCurrent : 0;
                current = nextChunk();
                inCurrent = skip;
            }
            int n = Math.min(len, Math.min(current.length - inCurrent, (int) Math.min(Integer.MAX_VALUE,
                    length - position)));
            if (n <= 0) {
                throw new IOException("chunk " + (nextChunk - 1) + " of " + id + " is shorter than the file says");
            }
            System.arraycopy(current, inCurrent, b, off, n);
            inCurrent += n;
            position += n;
            return n;
        }

        private byte[] nextChunk() throws IOException {
            if (fetched.isEmpty()) {
                int first = nextChunk;
                for (Document chunk : chunks.find(com.mongodb.client.model.Filters.and(Filters.eq("files_id", id),
                        Filters.gte("n", first), Filters.lt("n", first + CHUNKS_PER_QUERY)))
                        .sort(new Document("n", 1))) {
                    Object data = chunk.get("data");
                    int n = ((Number) chunk.get("n")).intValue();
                    if (n != first + fetched.size() || !(data instanceof org.bson.types.Binary)) {
                        throw new IOException("chunk " + (first + fetched.size()) + " of " + id + " is missing");
                    }
                    fetched.add(((org.bson.types.Binary) data).getData());
                }
                if (fetched.isEmpty()) {
                    throw new IOException("chunk " + first + " of " + id + " is missing");
                }
            }
            nextChunk++;
            return fetched.poll();
        }
    }

    @Override
    public boolean delete(String name) {
        Optional<Document> doc = document(name);
        doc.ifPresent(d -> bucket.delete(toBson(d.get("_id"))));
        return doc.isPresent();
    }
}
