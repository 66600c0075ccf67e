package org.cwmpacs.nbi.query;

/** A query, projection or sort the NBI cannot run; the message says what is wrong. */
public final class InvalidQuery extends Exception {
    public InvalidQuery(String message) {
        super(message);
    }
}
