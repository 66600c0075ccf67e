package org.cwmpacs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.cwmpacs.core.store.FileCatalog;

/** GridFS bucket {@code fs} as GenieACS uses it: {@code fs.files} with {@code _id} = the file name. */
final class MongoFileCatalog implements FileCatalog {
    private final MongoCollection<Document> files;
    private final Executor reads;

    MongoFileCatalog(MongoCollection<Document> files, Executor reads) {
        this.files = files;
        this.reads = reads;
    }

    @Override
    public CompletableFuture<Optional<StoredFile>> find(String name) {
        return CompletableFuture.supplyAsync(() -> {
            Document doc = files.find(Filters.eq("_id", name)).first();
            if (doc == null) {
                doc = files.find(Filters.eq("filename", name)).first();
            }
            if (doc == null) {
                return Optional.<StoredFile>empty();
            }
            Object metadata = doc.get("metadata");
            String fileType = metadata instanceof Document ? String.valueOf(((Document) metadata)
                    .getOrDefault("fileType", "")) : "";
            Object length = doc.get("length");
            return Optional.of(new StoredFile(String.valueOf(doc.getOrDefault("filename", name)),
                    length instanceof Number ? ((Number) length).longValue() : 0L, fileType));
        }, reads);
    }
}
