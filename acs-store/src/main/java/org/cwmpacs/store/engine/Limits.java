package org.cwmpacs.store.engine;

/**
 * What one stored document may be. MongoDB's own limits, so that a GenieACS database moves both ways: a
 * document that a real MongoDB would take fits here, and nothing here is too large for it.
 */
public final class Limits {
    /** Nesting levels of documents and arrays, the top document counting as one (MongoDB: 100). */
    public static final int MAX_DEPTH = 100;
    /** Encoded size of one document (MongoDB: 16 MiB). */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    private Limits() {
    }
}
