package org.cwmpacs.store.engine;

/**
 * A document or update the store will not keep: too deep, too large, a key or string BSON cannot hold, an
 * update that contradicts the document. Only this write fails; the store stays open. The message names the
 * limit or the offending field, for the caller's 400 or SOAP fault.
 */
public class DocumentRefusedException extends org.cwmpacs.core.store.WriteRefusedException {
    public DocumentRefusedException(String message) {
        super(message);
    }
}
