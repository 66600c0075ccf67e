package org.cwmpacs.core.store;

/**
 * A write the store cannot take now: it is closing, too many writes are waiting, or the disk failed. Nothing
 * of it was kept; the caller answers 503 so that the client retries. The message says which, and what the
 * operator can do.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
