package org.cwmpacs.core.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A precondition in the MongoDB-query form of GenieACS before 1.2 ({@code {"_tags": "x"}},
 * {@code {"param": {"$ne": "v"}}}), turned into an expression as GenieACS turns it
 * ({@code lib/db/util.ts#convertOldPrecondition}): {@code $and}/{@code $or}; {@code _tags} equal or
 * {@code $eq}/{@code $ne} a tag; {@code Tags.x} true/false or {@code $eq}/{@code $ne}/{@code $exists};
 * a parameter equal to a value, or {@code $eq $ne $lt $lte $gt $gte} a string, number or boolean
 * ({@code $ne} also holds when the parameter is absent). Anything else is refused, naming it.
 */
public final class LegacyPrecondition {
    private LegacyPrecondition() {
    }

    /** A stored precondition: the expression language first, else the old JSON form (already parsed by the caller). */
    public static Expr convert(Map<String, ?> query) {
        if (query.isEmpty()) {
            return new Expr.Lit(Boolean.TRUE);
        }
        return recursive(query);
    }

    private static Expr recursive(Map<String, ?> query) {
        List<Expr> expressions = new ArrayList<>();
        for (Map.Entry<String, ?> entry : query.entrySet()) {
            String k = entry.getKey();
            Object v = entry.getValue();
            if (k.startsWith("$")) {
                if (!k.equals("$and") && !k.equals("$or")) {
                    throw new ExpressionException("operator " + k + " is not supported in a precondition");
                }
                List<Expr> parts = new ArrayList<>();
                for (Object part : values(v, k)) {
                    if (!(part instanceof Map)) {
                        throw new ExpressionException(k + " needs a list of queries");
                    }
                    parts.add(recursive(cast(part)));
                }
                expressions.add(new Expr.Op(k.equals("$and") ? "AND" : "OR", parts));
            } else if (k.equals("_tags")) {
                expressions.add(tags(v));
            } else if (k.startsWith("Tags.")) {
                expressions.add(new Expr.Op(tagExists(v, k) ? "IS NOT NULL" : "IS NULL", List.of(param(k))));
            } else if (v instanceof Map) {
                List<Expr> conditions = new ArrayList<>();
                for (Map.Entry<String, ?> op : cast(v).entrySet()) {
                    conditions.add(condition(k, op.getKey(), op.getValue()));
                }
                if (conditions.size() == 1) {
                    expressions.add(conditions.get(0));
                } else if (!conditions.isEmpty()) {
                    expressions.add(new Expr.Op("AND", conditions));
                }
            } else if (v instanceof List) {
                throw new ExpressionException("a list is not a value for " + k);
            } else {
                expressions.add(new Expr.Op("=", List.of(param(k), literal(v, k))));
            }
        }
        if (expressions.isEmpty()) {
            return new Expr.Lit(Boolean.TRUE);
        }
        return expressions.size() == 1 ? expressions.get(0) : new Expr.Op("AND", expressions);
    }

    private static Expr tags(Object v) {
        if (!(v instanceof Map)) {
            if (!(v instanceof String)) {
                throw new ExpressionException("only string values are allowed for _tags");
            }
            return new Expr.Op("IS NOT NULL", List.of(param("Tags." + TagNames.encode((String) v))));
        }
        List<Expr> conditions = new ArrayList<>();
        for (Map.Entry<String, ?> op : cast(v).entrySet()) {
            if (!(op.getValue() instanceof String)) {
                throw new ExpressionException("only string values are allowed for _tags");
            }
            Expr tag = param("Tags." + TagNames.encode((String) op.getValue()));
            if (op.getKey().equals("$ne")) {
                conditions.add(new Expr.Op("IS NULL", List.of(tag)));
            } else if (op.getKey().equals("$eq")) {
                conditions.add(new Expr.Op("IS NOT NULL", List.of(tag)));
            } else {
                throw new ExpressionException("invalid tag query: " + op.getKey());
            }
        }
        return conditions.size() == 1 ? conditions.get(0) : new Expr.Op("AND", conditions);
    }

    private static boolean tagExists(Object v, String k) {
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof Map) {
            Map<String, ?> m = cast(v);
            if (m.containsKey("$eq")) {
                return Values.truthy(literal(m.get("$eq"), k).value());
            }
            if (m.containsKey("$ne")) {
                return !Values.truthy(literal(m.get("$ne"), k).value());
            }
            if (m.containsKey("$exists")) {
                return Values.truthy(literal(m.get("$exists"), k).value());
            }
        }
        throw new ExpressionException("invalid tag query for " + k);
    }

    private static Expr condition(String k, String op, Object value) {
        Expr.Lit v = literal(value, k + " " + op);
        Expr p = param(k);
        return switch (op) {
            case "$eq" -> new Expr.Op("=", List.of(p, v));
            case "$ne" -> new Expr.Op("OR", List.of(new Expr.Op("<>", List.of(p, v)), new Expr.Op("IS NULL", List.of(p))));
            case "$lt" -> new Expr.Op("<", List.of(p, v));
            case "$lte" -> new Expr.Op("<=", List.of(p, v));
            case "$gt" -> new Expr.Op(">", List.of(p, v));
            case "$gte" -> new Expr.Op(">=", List.of(p, v));
            default -> throw new ExpressionException("operator " + op + " is not supported in a precondition");
        };
    }

    private static Expr.Lit literal(Object v, String where) {
        if (v instanceof String || v instanceof Boolean) {
            return new Expr.Lit(v);
        }
        if (v instanceof Number) {
            return new Expr.Lit(((Number) v).doubleValue());
        }
        throw new ExpressionException("invalid value for " + where + ": only strings, numbers and booleans");
    }

    private static Expr param(String path) {
        return new Expr.Param(new Expr.Lit(path));
    }

    private static List<?> values(Object v, String k) {
        if (v instanceof List) {
            return (List<?>) v;
        }
        if (v instanceof Map) {
            return new ArrayList<>(((Map<?, ?>) v).values());
        }
        throw new ExpressionException(k + " needs a list of queries");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Object v) {
        return (Map<String, ?>) v;
    }
}
