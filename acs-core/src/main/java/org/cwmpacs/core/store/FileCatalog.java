package org.cwmpacs.core.store;

import java.util.Optional;
import org.cwmpacs.core.auth.CpeCredentials;
import java.util.concurrent.CompletableFuture;

/** The stored files (GridFS bucket {@code fs}) a download task may name. */
public interface FileCatalog {
    /**
     * A stored file's metadata: its {@code _id} (the file name), length, GenieACS's {@code metadata.fileType},
     * and the credentials the file server asks for it, if any (sent in the Download's Username/Password).
     */
    record StoredFile(String name, long length, String fileType, Optional<CpeCredentials> credentials) {
        public StoredFile {
            java.util.Objects.requireNonNull(credentials, "credentials");
        }
    }

    CompletableFuture<Optional<StoredFile>> find(String name);
}
