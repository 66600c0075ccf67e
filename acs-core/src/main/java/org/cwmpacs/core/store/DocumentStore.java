package org.cwmpacs.core.store;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * GenieACS's collections read and written as whole documents, for the NBI. Documents come back as plain
 * Java: dates as {@link java.time.Instant}, object ids as their hex string, nested documents as
 * {@link Map} in stored field order. Every method blocks: call them off the event loop.
 */
public interface DocumentStore {
    /** The collections the NBI may query, by their MongoDB names. */
    Set<String> COLLECTIONS = Set.of("devices", "presets", "objects", "provisions", "virtualParameters", "faults",
            "tasks", "files", "operations", "permissions", "users", "config", "cache", "locks");

    /**
     * How many documents match, ignoring skip and limit.
     *
     * @throws QueryControl.QueryAbortedException at the control's time limit or cancellation
     */
    long count(String collection, Map<String, Object> filter, QueryControl control);

    /**
     * Streams the matching documents to {@code each}, in the query's order.
     *
     * @throws QueryControl.QueryAbortedException at the control's time limit or cancellation
     */
    void find(String collection, DocumentQuery query, QueryControl control, Consumer<Map<String, Object>> each);

    /** {@link #count(String, Map, QueryControl)} without a time limit: for short lookups. */
    default long count(String collection, Map<String, Object> filter) {
        return count(collection, filter, QueryControl.NONE);
    }

    /** {@link #find(String, DocumentQuery, QueryControl, Consumer)} without a time limit: for short lookups. */
    default void find(String collection, DocumentQuery query, Consumer<Map<String, Object>> each) {
        find(collection, query, QueryControl.NONE, each);
    }

    /** Stores a document under {@code id}, replacing any other with that id. */
    void replace(String collection, String id, Map<String, Object> document);

    /** @return whether a document was there */
    boolean delete(String collection, String id);
}
