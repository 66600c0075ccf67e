package org.cwmpacs.store;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.cwmpacs.core.auth.CpeCredentials;
import org.cwmpacs.core.store.FileCatalog.StoredFile;
import org.cwmpacs.core.store.FileStore.FileInfo;

/**
 * GridFS's {@code fs.files} document as GenieACS uses it: {@code _id} = the file name,
 * {@code metadata: {fileType, oui, productClass, version, username?, password?}}.
 */
final class FileDocuments {
    /** GridFS's default piece size; kept in the documents for tools that read them. */
    static final int CHUNK_SIZE = 255 * 1024;

    private FileDocuments() {
    }

    static Document create(String name, long length, Instant uploaded, Map<String, String> metadata) {
        Document meta = new Document();
        metadata.forEach(meta::append);
        return new Document("_id", name).append("length", length).append("chunkSize", CHUNK_SIZE)
                .append("uploadDate", Date.from(uploaded)).append("filename", name).append("metadata", meta);
    }

    static FileInfo info(Document doc) {
        Object length = doc.get("length");
        Date uploaded = doc.getDate("uploadDate");
        Map<String, Object> metadata = new LinkedHashMap<>();
        Object raw = doc.get("metadata");
        if (raw instanceof Map) {
            ((Map<?, ?>) raw).forEach((k, v) -> {
                if (v != null) {
                    metadata.put(String.valueOf(k), v);
                }
            });
        }
        return new FileInfo(String.valueOf(doc.getOrDefault("filename", doc.get("_id"))),
                length instanceof Number ? ((Number) length).longValue() : 0L,
                uploaded == null ? Instant.EPOCH : uploaded.toInstant(), metadata);
    }

    /** What a Download needs: size, type, and the credentials the file server asks for it. */
    static StoredFile stored(FileInfo info) {
        Optional<CpeCredentials> credentials = info.metadata("username").map(user ->
                new CpeCredentials(user, info.metadata("password").orElse("")));
        return new StoredFile(info.name(), info.length(), info.metadata("fileType").orElse(""), credentials);
    }
}
