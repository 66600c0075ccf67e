package org.cwmpacs.core.store;

/**
 * A write the store will not take as it is: a document too deep or too large, a value or key it cannot
 * hold, an update that contradicts the document. The same write will be refused again, so it is answered
 * as the client's error (400, or a SOAP fault), with this message, which names the limit or the field.
 * Nothing of the write is kept and the store stays open.
 */
public class WriteRefusedException extends IllegalArgumentException {
    public WriteRefusedException(String message) {
        super(message);
    }
}
