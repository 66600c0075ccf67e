package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.cwmpacs.core.auth.CpeCredentials;
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
        return CompletableFuture.supplyAsync(() -> document(name).map(doc -> {
            FileInfo info = info(doc);
            Optional<CpeCredentials> credentials = info.metadata("username").map(user ->
                    new CpeCredentials(user, info.metadata("password").orElse("")));
            return new StoredFile(info.name(), info.length(), info.metadata("fileType").orElse(""), credentials);
        }), reads);
    }

    /** By {@code _id} as GenieACS stores it, else by {@code filename} (files written by other tools). */
    private Optional<Document> document(String name) {
        Document doc = files.find(Filters.eq("_id", name)).first();
        if (doc == null) {
            doc = files.find(Filters.eq("filename", name)).first();
        }
        return Optional.ofNullable(doc);
    }

    private static FileInfo info(Document doc) {
        Object length = doc.get("length");
        Date uploaded = doc.getDate("uploadDate");
        Map<String, Object> metadata = new LinkedHashMap<>();
        Object raw = doc.get("metadata");
        if (raw instanceof Document) {
            ((Document) raw).forEach((k, v) -> {
                if (v != null) {
                    metadata.put(k, v);
                }
            });
        }
        return new FileInfo(String.valueOf(doc.getOrDefault("filename", doc.get("_id"))),
                length instanceof Number ? ((Number) length).longValue() : 0L,
                uploaded == null ? Instant.EPOCH : uploaded.toInstant(), metadata);
    }

    @Override
    public Optional<FileInfo> info(String name) {
        return document(name).map(MongoFileStore::info);
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
                    return info(received);
                }
                document(name).ifPresent(old -> bucket.delete(toBson(old.get("_id"))));
                // chunks are copied, not re-keyed: the embedded store does not re-index an updated files_id
                for (Document chunk : chunks.find(Filters.eq("files_id", id)).sort(new Document("n", 1))
                        .batchSize(4)) {
                    chunk.put("_id", new ObjectId());
                    chunk.put("files_id", name);
                    chunks.insertOne(chunk);
                }
                received.put("_id", name);
                files.insertOne(received);
                bucket.delete(id);
                return info(received);
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
        // a few chunks per round trip: a download holds about a megabyte, whatever the file's size
        GridFSDownloadStream stream = bucket.openDownloadStream(toBson(doc.get("_id"))).batchSize(4);
        long skipped = 0;
        while (skipped < offset) {
            long n = stream.skip(offset - skipped);
            if (n <= 0) {
                break;
            }
            skipped += n;
        }
        return stream;
    }

    @Override
    public boolean delete(String name) {
        Optional<Document> doc = document(name);
        doc.ifPresent(d -> bucket.delete(toBson(d.get("_id"))));
        return doc.isPresent();
    }
}
