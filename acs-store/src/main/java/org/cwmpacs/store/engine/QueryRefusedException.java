package org.cwmpacs.store.engine;

/** A query the store cannot run: an unknown operator, a malformed operand. The message says which. */
public class QueryRefusedException extends IllegalArgumentException {
    public QueryRefusedException(String message) {
        super(message);
    }
}
