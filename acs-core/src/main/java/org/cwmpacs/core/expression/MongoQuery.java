package org.cwmpacs.core.expression;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an expression into a MongoDB query on the {@code devices} collection that selects exactly the
 * devices for which {@link Evaluator} finds it true (the property test checks this). GenieACS's names map to
 * its document: {@code DeviceID.ID} is {@code _id}, {@code DeviceID.X} {@code _deviceId._X},
 * {@code Events.Inform} {@code _lastInform} (and Registered, 0_BOOTSTRAP, 1_BOOT), {@code Tags.x} membership
 * of {@code _tags}, anything else {@code <path>._value}. Three-valued logic is kept by building, for every
 * part, the query of "true" and the query of "false" (NOT swaps them; NULL is neither). A value is compared
 * per stored type as GenieACS compares (booleans as 1 and 0, dates as milliseconds, any text greater than
 * any number). Parts without parameters are computed first. What has no query form (a parameter compared
 * with a parameter, functions of parameters) is refused with an {@link ExpressionException}.
 */
public final class MongoQuery {
    private static final Map<String, Object> ALL = Map.of();
    private static final Map<String, Object> NONE = Map.of("_id", Map.of("$in", List.of()));

    private final long now;
    /** Other collections than devices: a name is the document's own field. */
    private final boolean plain;

    private MongoQuery(long now, boolean plain) {
        this.now = now;
        this.plain = plain;
    }

    /** The query of the devices for which {@code e} is true; {@code now} is what NOW() is. */
    public static Map<String, Object> devices(Expr e, long now) {
        MongoQuery q = new MongoQuery(now, false);
        return q.query(q.fold(e), true);
    }

    /**
     * The query of the documents of another collection (presets, faults, tasks, users…) for which {@code e} is
     * true, a name being the document's field as GenieACS's UI filters them ({@code channel = 'default'}).
     */
    public static Map<String, Object> documents(Expr e, long now) {
        MongoQuery q = new MongoQuery(now, true);
        return q.query(q.fold(e), true);
    }

    /**
     * Where a device parameter is stored, what a sort on it names: {@code _id}, {@code _deviceId._OUI},
     * {@code _lastInform}, {@code _tags}, else {@code <path>._value}.
     */
    public static String storedField(String parameter) {
        return new MongoQuery(0, false).field(new Expr.Param(new Expr.Lit(parameter))).path();
    }

    // ---------------------------------------------------------------- constant parts

    private Expr fold(Expr e) {
        if (!hasParameter(e)) {
            return new Expr.Lit(new Evaluator(p -> Values.NULL, now).evaluate(e));
        }
        if (e instanceof Expr.Op) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : ((Expr.Op) e).args()) {
                args.add(fold(a));
            }
            return new Expr.Op(((Expr.Op) e).op(), args);
        }
        if (e instanceof Expr.Param) {
            return new Expr.Param(fold(((Expr.Param) e).path()));
        }
        return e;
    }

    private static boolean hasParameter(Expr e) {
        if (e instanceof Expr.Param) {
            return true;
        }
        if (e instanceof Expr.Op) {
            return ((Expr.Op) e).args().stream().anyMatch(MongoQuery::hasParameter);
        }
        if (e instanceof Expr.Fn) {
            return ((Expr.Fn) e).args().stream().anyMatch(MongoQuery::hasParameter);
        }
        if (e instanceof Expr.Case) {
            Expr.Case c = (Expr.Case) e;
            return c.whenThen().stream().anyMatch(MongoQuery::hasParameter) || hasParameter(c.otherwise());
        }
        return false;
    }

    // ---------------------------------------------------------------- true and false

    /**
     * The devices for which {@code e} is {@code truth}: true, or false (not NULL). NOT swaps the two; AND's
     * false is any part false, OR's false every part false; a comparison or LIKE is false where the parameter
     * is known and it does not hold, and neither where an operand is NULL.
     */
    private Map<String, Object> query(Expr e, boolean truth) {
        if (e instanceof Expr.Lit) {
            Object v = ((Expr.Lit) e).value();
            return !Values.isNull(v) && Values.truthy(v) == truth ? ALL : NONE;
        }
        if (e instanceof Expr.Param) {
            return truthyParameter(field((Expr.Param) e), truth);
        }
        if (!(e instanceof Expr.Op)) {
            throw unsupported(e);
        }
        Expr.Op o = (Expr.Op) e;
        switch (o.op()) {
            case "AND":
                return Map.of(truth ? "$and" : "$or", map(o.args(), truth));
            case "OR":
                return Map.of(truth ? "$or" : "$and", map(o.args(), truth));
            case "NOT":
                return query(o.args().get(0), !truth);
            case "IS NULL":
            case "IS NOT NULL": {
                Field f = field(parameter(o.args().get(0)));
                return o.op().equals("IS NULL") == truth ? isNull(f) : notNull(f);
            }
            case "LIKE":
            case "NOT LIKE": {
                java.util.Optional<Expr> folded = Evaluator.caseFolded(o.args().get(0));
                Field f = field(parameter(folded.orElse(o.args().get(0))));
                if (knownNull(o)) {
                    return NONE;
                }
                Map<String, Object> like = like(f, o, folded.map(x -> ((Expr.Fn) o.args().get(0)).name()));
                return o.op().equals("LIKE") == truth ? like : and(notNull(f), nor(like));
            }
            case "=":
            case "<>":
            case ">":
            case ">=":
            case "<":
            case "<=": {
                if (truth) {
                    return comparison(o);
                }
                Field f = field(parameter(comparedParameter(o)));
                return knownNull(o) ? NONE : and(notNull(f), nor(comparison(o)));
            }
            default:
                throw unsupported(e);
        }
    }

    private List<Map<String, Object>> map(List<Expr> args, boolean truth) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Expr a : args) {
            out.add(query(a, truth));
        }
        return out;
    }

    // ---------------------------------------------------------------- fields

    /** Where a parameter lives in the device document, and what it can hold there. */
    private record Field(String path, Kind kind, String tag) {
    }

    private enum Kind { ANY, STRING, DATE, TAG }

    private Field field(Expr.Param p) {
        if (!(p.path() instanceof Expr.Lit)) {
            throw new ExpressionException("a parameter whose name depends on another cannot be a database query: "
                    + p);
        }
        String path = Values.toText(((Expr.Lit) p.path()).value());
        if (plain) {
            return new Field(path, Kind.ANY, "");
        }
        switch (path) {
            case "DeviceID.ID":
                return new Field("_id", Kind.STRING, "");
            case "Events.Inform":
                return new Field("_lastInform", Kind.DATE, "");
            case "Events.Registered":
                return new Field("_registered", Kind.DATE, "");
            case "Events.0_BOOTSTRAP":
                return new Field("_lastBootstrap", Kind.DATE, "");
            case "Events.1_BOOT":
                return new Field("_lastBoot", Kind.DATE, "");
            default:
                break;
        }
        if (path.startsWith("DeviceID.")) {
            return new Field("_deviceId._" + path.substring(9), Kind.STRING, "");
        }
        if (path.startsWith("Tags.")) {
            return new Field("_tags", Kind.TAG, TagNames.decode(path.substring(5)));
        }
        return new Field(path + "._value", Kind.ANY, "");
    }

    private static Expr.Param parameter(Expr e) {
        if (e instanceof Expr.Param) {
            return (Expr.Param) e;
        }
        throw new ExpressionException("only a parameter can be tested in a database query, not " + e);
    }

    private static Map<String, Object> isNull(Field f) {
        return f.kind() == Kind.TAG ? Map.of(f.path(), Map.of("$ne", f.tag())) : Map.of(f.path(), mapOf("$eq", null));
    }

    private static Map<String, Object> notNull(Field f) {
        return f.kind() == Kind.TAG ? Map.of(f.path(), f.tag()) : Map.of(f.path(), mapOf("$ne", null));
    }

    /** A parameter tested as a condition: JavaScript's truthiness of its value. */
    private static Map<String, Object> truthyParameter(Field f, boolean truth) {
        if (f.kind() == Kind.TAG) {
            return truth ? Map.of(f.path(), f.tag()) : NONE;
        }
        // false, 0, "" and a date of 0 ms are false, as in JavaScript
        Map<String, Object> falsy = Map.of(f.path(), Map.of("$in", List.of(false, 0, "", new Date(0))));
        return truth ? and(notNull(f), nor(falsy)) : falsy;
    }

    // ---------------------------------------------------------------- comparisons

    private static Expr comparedParameter(Expr.Op o) {
        return o.args().get(0) instanceof Expr.Param ? o.args().get(0) : o.args().get(1);
    }

    private Map<String, Object> comparison(Expr.Op o) {
        Expr left = o.args().get(0);
        Expr right = o.args().get(1);
        String op = o.op();
        if (left instanceof Expr.Lit && right instanceof Expr.Param) {
            Expr t = left;
            left = right;
            right = t;
            op = flip(op);
        }
        if (!(left instanceof Expr.Param) || !(right instanceof Expr.Lit)) {
            throw new ExpressionException("a database query compares a parameter with a value, not " + o);
        }
        Object value = ((Expr.Lit) right).value();
        if (Values.isNull(value)) {
            return NONE;
        }
        Field f = field((Expr.Param) left);
        // booleans compare as 1 and 0
        Object v = value instanceof Boolean ? (Double) ((Boolean) value ? 1.0 : 0.0) : value;
        List<Map<String, Object>> any = new ArrayList<>();
        switch (f.kind()) {
            case TAG:
                // a tag's value is true, or NULL when not tagged
                return Evaluator.Comparison.holds(op, Values.compare(Boolean.TRUE, v)) ? Map.of(f.path(), f.tag()) : NONE;
            case STRING:
                strings(f.path(), op, v, any);
                break;
            case DATE:
                dates(f.path(), op, v, any);
                break;
            default:
                strings(f.path(), op, v, any);
                dates(f.path(), op, v, any);
                if (v instanceof Double) {
                    typed(f.path(), "number", op, v, any);
                } else if (lessThanText(op)) {
                    any.add(Map.of(f.path(), Map.of("$type", "number")));
                }
                for (boolean b : new boolean[] {true, false}) {
                    if (Evaluator.Comparison.holds(op, Values.compare(b, v))) {
                        any.add(Map.of(f.path(), b));
                    }
                }
        }
        return any.isEmpty() ? NONE : any.size() == 1 ? any.get(0) : Map.of("$or", any);
    }

    /** Texts: compared with a text as texts; greater than any number. */
    private static void strings(String path, String op, Object v, List<Map<String, Object>> any) {
        if (v instanceof String) {
            typed(path, "string", op, v, any);
        } else if (Evaluator.Comparison.holds(op, 1)) {
            any.add(Map.of(path, Map.of("$type", "string")));
        }
    }

    /** Dates: compared with a number as milliseconds; less than any text. */
    private static void dates(String path, String op, Object v, List<Map<String, Object>> any) {
        if (v instanceof Double) {
            double ms = (Double) v;
            if (ms == Math.rint(ms) && Math.abs(ms) < 8.64e15) {
                typed(path, "date", op, new Date((long) ms), any);
            } else {
                // a fraction of a millisecond: no stored date equals it
                String coarse = op.equals("=") ? null : op.equals("<>") ? "<>" : op.startsWith(">") ? ">" : "<";
                if (coarse != null) {
                    long bound = op.startsWith(">") ? (long) Math.floor(ms) : (long) Math.ceil(ms);
                    typed(path, "date", coarse, new Date(bound), any);
                }
            }
        } else if (lessThanText(op)) {
            any.add(Map.of(path, Map.of("$type", "date")));
        }
    }

    private static boolean lessThanText(String op) {
        return Evaluator.Comparison.holds(op, -1);
    }

    /** Values of one stored type compared with {@code v} (MongoDB compares only within a type). */
    private static void typed(String path, String type, String op, Object v, List<Map<String, Object>> any) {
        String mongo = switch (op) {
            case "=" -> "$eq";
            case "<>" -> "$ne";
            case ">" -> "$gt";
            case ">=" -> "$gte";
            case "<" -> "$lt";
            case "<=" -> "$lte";
            default -> throw new ExpressionException("not a comparison: " + op);
        };
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("$type", type);
        condition.put(mongo, v);
        any.add(Map.of(path, condition));
    }

    private static String flip(String op) {
        return switch (op) {
            case ">" -> "<";
            case ">=" -> "<=";
            case "<" -> ">";
            case "<=" -> ">=";
            default -> op;
        };
    }

    // ---------------------------------------------------------------- LIKE

    /**
     * The values LIKE holds for: texts matching the pattern (a pattern or escape of NULL: none). Under
     * {@code fold} ({@code UPPER}/{@code LOWER} of the parameter, GenieACS's case-insensitive filters) a
     * case-insensitive match, and none at all when the pattern has letters the fold never yields.
     */
    private Map<String, Object> like(Field f, Expr.Op o, java.util.Optional<String> fold) {
        if (o.args().size() > 3 || !(o.args().get(1) instanceof Expr.Lit)
                || o.args().size() == 3 && !(o.args().get(2) instanceof Expr.Lit)) {
            throw new ExpressionException("a database query takes LIKE with a fixed pattern, not " + o);
        }
        Object pattern = ((Expr.Lit) o.args().get(1)).value();
        Object escape = o.args().size() == 3 ? ((Expr.Lit) o.args().get(2)).value() : "";
        if (Values.isNull(pattern) || Values.isNull(escape)) {
            return NONE;
        }
        if (f.kind() == Kind.TAG || f.kind() == Kind.DATE) {
            // neither holds a text
            return NONE;
        }
        String text = Values.jsString(pattern);
        if (fold.isPresent() && !text.equals(fold.get().equals("UPPER") ? text.toUpperCase(java.util.Locale.ROOT)
                : text.toLowerCase(java.util.Locale.ROOT))) {
            return NONE;
        }
        return Map.of(f.path(), Map.of("$regex", Evaluator.Like.regex(text, Values.jsString(escape),
                fold.isPresent())));
    }

    // ---------------------------------------------------------------- helpers

    /** A NULL operand (other than the parameter) makes the whole part NULL: neither true nor false. */
    private static boolean knownNull(Expr.Op o) {
        for (Expr a : o.args()) {
            if (a instanceof Expr.Lit && Values.isNull(((Expr.Lit) a).value())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> and(Map<String, Object> a, Map<String, Object> b) {
        return Map.of("$and", List.of(a, b));
    }

    private static Map<String, Object> nor(Map<String, Object> q) {
        return Map.of("$nor", List.of(q));
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static ExpressionException unsupported(Expr e) {
        return new ExpressionException("this part cannot be a database query: " + e);
    }
}
