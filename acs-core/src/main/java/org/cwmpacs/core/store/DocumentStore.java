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

    /** How many documents match, ignoring skip and limit. */
    long count(String collection, Map<String, Object> filter);

    /** Streams the matching documents to {@code each}, in the query's order. */
    void find(String collection, DocumentQuery query, Consumer<Map<String, Object>> each);

    /** Stores a document under {@code id}, replacing any other with that id. */
    void replace(String collection, String id, Map<String, Object> document);

    /** @return whether a document was there */
    boolean delete(String collection, String id);
}
