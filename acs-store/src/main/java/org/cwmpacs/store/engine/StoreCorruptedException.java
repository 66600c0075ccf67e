package org.cwmpacs.store.engine;

/** Stored bytes that are not what the store wrote: a damaged data file. */
public class StoreCorruptedException extends RuntimeException {
    public StoreCorruptedException(String message) {
        super(message);
    }

    public StoreCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
