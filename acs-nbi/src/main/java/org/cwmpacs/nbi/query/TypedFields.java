package org.cwmpacs.nbi.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * GenieACS's typing of {@code tasks} and {@code faults} queries: {@code timestamp} (and {@code expiry}) given
 * as milliseconds or a date string compare as dates, {@code retries} as a number. Task ids are compared as
 * ObjectIds by the store.
 */
public final class TypedFields {
    private static final Set<String> COMPARISONS = Set.of("$eq", "$gt", "$gte", "$lt", "$lte", "$ne");
    private static final Set<String> LISTS = Set.of("$in", "$nin");
    private static final Set<String> UNTYPED = Set.of("$exists", "$type");

    private TypedFields() {
    }

    /** The typed fields of a collection's documents; empty for collections queried as given. */
    public static Map<String, Function<Object, Object>> of(String collection) {
        switch (collection) {
            case "tasks":
                return Map.of("timestamp", TypedFields::date, "expiry", TypedFields::date, "retries",
                        TypedFields::number);
            case "faults":
                return Map.of("timestamp", TypedFields::date, "expiry", TypedFields::date, "retries",
                        TypedFields::number);
            default:
                return Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> apply(Map<String, Object> query, Map<String, Function<Object, Object>> types)
            throws InvalidQuery {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : query.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.startsWith("$") && (key.equals("$and") || key.equals("$or") || key.equals("$nor"))) {
                List<Object> clauses = new ArrayList<>();
                for (Map<String, Object> clause : Filters.clauses(key, value)) {
                    clauses.add(apply(clause, types));
                }
                result.put(key, clauses);
            } else if (!types.containsKey(key)) {
                result.put(key, value);
            } else if (value instanceof Map) {
                Function<Object, Object> type = types.get(key);
                Map<String, Object> operators = new LinkedHashMap<>();
                for (Map.Entry<String, Object> op : ((Map<String, Object>) value).entrySet()) {
                    if (COMPARISONS.contains(op.getKey())) {
                        operators.put(op.getKey(), type.apply(op.getValue()));
                    } else if (LISTS.contains(op.getKey()) && op.getValue() instanceof List) {
                        operators.put(op.getKey(), ((List<Object>) op.getValue()).stream().map(type).toList());
                    } else if (UNTYPED.contains(op.getKey())) {
                        operators.put(op.getKey(), op.getValue());
                    } else {
                        throw new InvalidQuery("the operator " + op.getKey() + " is not supported on " + key);
                    }
                }
                result.put(key, operators);
            } else {
                result.put(key, types.get(key).apply(value));
            }
        }
        return result;
    }

    private static Object date(Object value) {
        if (value instanceof Number) {
            return Instant.ofEpochMilli(((Number) value).longValue());
        }
        if (value instanceof String) {
            return Operands.date((String) value).map(d -> (Object) d).orElse(value);
        }
        return value;
    }

    private static Object number(Object value) {
        if (value instanceof String) {
            return Operands.number((String) value).map(n -> (Object) n).orElse(value);
        }
        return value;
    }
}
