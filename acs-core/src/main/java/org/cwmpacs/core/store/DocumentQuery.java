package org.cwmpacs.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A query on one of GenieACS's collections, as the NBI passes it to the store: a MongoDB filter, the
 * fields to return (empty: all), the sort order, and skip/limit (0: none).
 *
 * <p>Filter values are plain Java: {@link String}, {@link Number}, {@link Boolean}, {@code null},
 * {@link java.time.Instant} (a date), {@link java.util.regex.Pattern} (a regular expression), {@link List}
 * and {@link Map} (an operator or a sub-document). The store maps them onto its own types.
 */
public record DocumentQuery(Map<String, Object> filter, List<String> projection, Map<String, Integer> sort,
                            int skip, int limit) {
    public DocumentQuery {
        Objects.requireNonNull(filter, "filter");
        projection = List.copyOf(projection);
        sort = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sort));
        if (skip < 0 || limit < 0) {
            throw new IllegalArgumentException("skip and limit cannot be negative");
        }
    }

    public static DocumentQuery all(Map<String, Object> filter) {
        return new DocumentQuery(filter, List.of(), Map.of(), 0, 0);
    }
}
