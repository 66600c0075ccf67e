package org.cwmpacs.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stored files (firmware and configuration files) in GenieACS's GridFS bucket {@code fs}: the file name is
 * the id. Contents are streamed both ways, never held whole in memory. Every method blocks.
 */
public interface FileStore {
    /** A stored file: its name, size, upload time and GenieACS's metadata ({@code fileType}, {@code oui}, ...). */
    record FileInfo(String name, long length, Instant uploadDate, Map<String, Object> metadata) {
        public FileInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(uploadDate, "uploadDate");
            metadata = Map.copyOf(metadata);
        }

        public Optional<String> metadata(String key) {
            Object value = metadata.get(key);
            return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
        }
    }

    /**
     * A file being received. Until {@link #commit} the previous file of that name (if any) stays as it was;
     * {@link #abort} throws the partial contents away.
     */
    interface Upload {
        void write(byte[] bytes, int offset, int length) throws IOException;

        FileInfo commit() throws IOException;

        void abort();
    }

    Optional<FileInfo> info(String name);

    Upload upload(String name, Map<String, String> metadata);

    /** The contents from {@code offset} on; the caller closes the stream. */
    InputStream open(String name, long offset) throws IOException;

    /** @return whether the file was there */
    boolean delete(String name);
}
