package org.cwmpacs.nbi.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GenieACS's rewriting of a {@code devices} query: a parameter path names the parameter's {@code _value}
 * (unless its last segment is an attribute such as {@code _timestamp}), and every string operand also
 * matches what it may mean ({@link Operands}): directly and in {@code $in}/{@code $nin} also as a regular
 * expression or wildcard, under the other operators as a number or date. Alternatives are joined with {@code $or}; under {@code $ne}
 * and {@code $not} every alternative must hold.
 */
public final class DeviceQuery {
    /** Comparison operators whose operands are expanded. */
    private static final Set<String> EXPANDED = Set.of("$eq", "$gt", "$gte", "$in", "$lt", "$lte", "$ne", "$nin");
    private static final Set<String> LOGICAL = Set.of("$and", "$or", "$nor");

    private DeviceQuery() {
    }

    public static Map<String, Object> expand(Map<String, Object> query) throws InvalidQuery {
        Map<String, Object> result = new LinkedHashMap<>();
        List<Object> and = new ArrayList<>();
        for (Map.Entry<String, Object> e : query.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.startsWith("$")) {
                if (!LOGICAL.contains(key)) {
                    throw new InvalidQuery("the top-level operator " + key + " is not supported; use $and, $or or $nor");
                }
                List<Object> expanded = new ArrayList<>();
                for (Map<String, Object> clause : Filters.clauses(key, value)) {
                    expanded.add(expand(clause));
                }
                if ("$and".equals(key)) {
                    and.addAll(expanded);
                } else {
                    result.put(key, expanded);
                }
                continue;
            }
            String path = valuePath(key);
            List<Object> alternatives = alternatives(value, true);
            if (alternatives.size() == 1) {
                result.put(path, alternatives.get(0));
            } else if (value instanceof Map && (((Map<?, ?>) value).containsKey("$ne")
                    || ((Map<?, ?>) value).containsKey("$not"))) {
                if (((Map<?, ?>) value).size() > 1) {
                    throw new InvalidQuery(key + ": $ne and $not cannot be combined with other operators");
                }
                for (Object alternative : alternatives) {
                    and.add(Map.of(path, alternative));
                }
            } else {
                List<Object> or = new ArrayList<>();
                for (Object alternative : alternatives) {
                    or.add(Map.of(path, alternative));
                }
                and.add(Map.of("$or", or));
            }
        }
        if (!and.isEmpty()) {
            result.put("$and", and);
        }
        return result;
    }

    /** {@code X.Y} → {@code X.Y._value}; {@code _id}, {@code _tags}, {@code X._timestamp} stay. */
    public static String valuePath(String key) {
        return key.charAt(key.lastIndexOf('.') + 1) == '_' ? key : key + "._value";
    }

    /** Every form the operand may take; a list operand ({@code $in}) becomes one list of them all. */
    @SuppressWarnings("unchecked")
    private static List<Object> alternatives(Object value, boolean patterns) throws InvalidQuery {
        if (value instanceof List) {
            List<Object> all = new ArrayList<>();
            for (Object item : (List<Object>) value) {
                for (Object alternative : alternatives(item, patterns)) {
                    if (alternative instanceof List) {
                        all.addAll((List<Object>) alternative);
                    } else {
                        all.add(alternative);
                    }
                }
            }
            return List.of(all);
        }
        if (value instanceof String) {
            return Operands.alternatives((String) value, patterns);
        }
        if (!(value instanceof Map)) {
            return java.util.Collections.singletonList(value);
        }
        Map<String, Object> operators = (Map<String, Object>) value;
        Filters.refuseUnsafe(operators.keySet());
        // every combination of the operators' alternatives
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, Object> e : operators.entrySet()) {
            boolean matches = "$in".equals(e.getKey()) || "$nin".equals(e.getKey());
            List<Object> choices = EXPANDED.contains(e.getKey()) ? alternatives(e.getValue(), matches)
                    : java.util.Collections.singletonList(e.getValue());
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                for (Object choice : choices) {
                    Map<String, Object> extended = new LinkedHashMap<>(partial);
                    extended.put(e.getKey(), choice);
                    next.add(extended);
                }
            }
            combinations = next;
            if (combinations.size() > 4096) {
                throw new InvalidQuery("the query has too many combinations of operands to expand");
            }
        }
        return new ArrayList<>(combinations);
    }
}
