package org.cwmpacs.store.engine;

import java.util.Map;
import java.util.Objects;

/**
 * One change to one document. Changes submitted together are applied all or none, in order, and are
 * acknowledged only once they are on the disk.
 */
public sealed interface WriteOp permits WriteOp.Insert, WriteOp.Replace, WriteOp.Update, WriteOp.Delete,
        WriteOp.DeleteIfMatches {
    String collection();

    /** A new document; its {@code _id} must be free (else {@link DuplicateKeyException}). Result: its id. */
    record Insert(String collection, Map<String, ?> document) implements WriteOp {
        public Insert {
            Objects.requireNonNull(document, "document");
        }
    }

    /** The document under {@code id}, replaced whole (created with upsert). Result: whether one was there. */
    record Replace(String collection, Object id, Map<String, ?> document, boolean upsert) implements WriteOp {
    }

    /** An update of the document under {@code id} (created with upsert). Result: an {@link UpdateResult}. */
    record Update(String collection, Object id, org.cwmpacs.store.engine.Update update, boolean upsert)
            implements WriteOp {
    }

    /** Removes the document under {@code id}. Result: whether it was there. */
    record Delete(String collection, Object id) implements WriteOp {
    }

    /** Removes the document under {@code id} if it still matches. Result: whether it was removed. */
    record DeleteIfMatches(String collection, Object id, Filter filter) implements WriteOp {
    }

    /** What an update did. */
    record UpdateResult(boolean matched, boolean upserted) {
    }

    /** An insert of an id already taken (MongoDB's E11000). */
    final class DuplicateKeyException extends DocumentRefusedException {
        public DuplicateKeyException(String message) {
            super(message);
        }
    }
}
