package org.cwmpacs.core.store;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The stored files (GridFS bucket {@code fs}) a download task may name. */
public interface FileCatalog {
    /** A stored file's metadata: its {@code _id} (the file name), length and GenieACS's {@code metadata.fileType}. */
    record StoredFile(String name, long length, String fileType) {
    }

    CompletableFuture<Optional<StoredFile>> find(String name);
}
