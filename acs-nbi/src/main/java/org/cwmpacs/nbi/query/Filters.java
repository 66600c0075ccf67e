package org.cwmpacs.nbi.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks shared by every collection's query. */
public final class Filters {
    /** Operators that run server-side JavaScript: never from the NBI. */
    private static final Set<String> UNSAFE = Set.of("$where", "$function", "$accumulator");

    private Filters() {
    }

    /** The clauses of {@code $and}/{@code $or}/{@code $nor}: a list of objects. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> clauses(String operator, Object value) throws InvalidQuery {
        if (!(value instanceof List)) {
            throw new InvalidQuery(operator + " needs a list of queries, such as [{\"_id\": \"a\"}, {\"_id\": \"b\"}]");
        }
        for (Object clause : (List<Object>) value) {
            if (!(clause instanceof Map)) {
                throw new InvalidQuery(operator + " needs a list of queries (objects)");
            }
        }
        return (List<Map<String, Object>>) value;
    }

    static void refuseUnsafe(Collection<String> keys) throws InvalidQuery {
        for (String key : keys) {
            if (UNSAFE.contains(key)) {
                throw new InvalidQuery("the operator " + key + " is not allowed");
            }
        }
    }

    /** Refuses server-side JavaScript anywhere in a query. */
    @SuppressWarnings("unchecked")
    public static void checkSafe(Object query) throws InvalidQuery {
        if (query instanceof Map) {
            refuseUnsafe(((Map<String, Object>) query).keySet());
            for (Object value : ((Map<String, Object>) query).values()) {
                checkSafe(value);
            }
        } else if (query instanceof List) {
            for (Object value : (List<Object>) query) {
                checkSafe(value);
            }
        }
    }
}
