package org.cwmpacs.store.engine;

/**
 * A write the store cannot take now: it is closed, too many writes are waiting, or the disk failed it. The
 * message says which and what to do; the caller answers 503 (CWMP, NBI) so that the client retries.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
