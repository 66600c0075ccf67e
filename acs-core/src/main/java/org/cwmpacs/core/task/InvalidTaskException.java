package org.cwmpacs.core.task;

/** A task that cannot be queued; the message names the bad field and says what it must be. */
public final class InvalidTaskException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTaskException(String message) {
        super(message);
    }
}
