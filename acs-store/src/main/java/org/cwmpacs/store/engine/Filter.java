package org.cwmpacs.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bson.BsonRegularExpression;
import org.cwmpacs.core.store.QueryControl;
import org.cwmpacs.store.engine.Condition.All;
import org.cwmpacs.store.engine.Condition.AllOf;
import org.cwmpacs.store.engine.Condition.Compare;
import org.cwmpacs.store.engine.Condition.ElemMatch;
import org.cwmpacs.store.engine.Condition.Eq;
import org.cwmpacs.store.engine.Condition.Exists;
import org.cwmpacs.store.engine.Condition.In;
import org.cwmpacs.store.engine.Condition.Mod;
import org.cwmpacs.store.engine.Condition.NotCondition;
import org.cwmpacs.store.engine.Condition.Regex;
import org.cwmpacs.store.engine.Condition.Size;
import org.cwmpacs.store.engine.Condition.Type;

/**
 * A MongoDB query filter, compiled once and matched against stored documents with MongoDB's semantics: a
 * path reaches into documents and across arrays, a condition on a field holds when any of the field's
 * values (or an array's elements) satisfies it, {@code $ne}/{@code $nin}/{@code $not} hold when none does,
 * comparisons only compare values of the same kind, null matches a missing field. Supported: {@code $eq
 * $ne $gt $gte $lt $lte $in $nin $exists $type $regex $options $not $all $size $elemMatch $mod} on fields
 * and {@code $and $or $nor $comment} at the top; anything else is refused by name.
 */
public final class Filter {
    private static final Set<String> REFUSED_TOP = Set.of("$where", "$expr", "$text", "$jsonSchema", "$function",
            "$accumulator");

    /** Matches every document. */
    public static final Filter ALL = new Filter(new And(List.of()));

    private final Node root;

    private Filter(Node root) {
        this.root = root;
    }

    public static Filter compile(Map<String, ?> filter) {
        if (filter == null || filter.isEmpty()) {
            return ALL;
        }
        return new Filter(compileDocument(filter, 0));
    }

    public boolean matches(Map<String, ?> doc, QueryControl control) {
        return root.test(doc, control);
    }

    /** The ids the filter restricts {@code _id} to with a top-level equality or {@code $in}, if it does. */
    public Optional<List<Object>> ids() {
        return equality("_id");
    }

    /**
     * The values a top-level equality or {@code $in} (without regular expressions or null) restricts
     * {@code field} to: the candidates an index on it yields, before the whole filter is checked.
     */
    public Optional<List<Object>> equality(String field) {
        List<Node> clauses = root instanceof And ? ((And) root).clauses : List.of(root);
        for (Node clause : clauses) {
            if (clause instanceof Field && ((Field) clause).path.equals(field)) {
                Condition c = ((Field) clause).condition;
                if (c instanceof Eq && plain(((Eq) c).value)) {
                    return Optional.of(List.of(((Eq) c).value));
                }
                if (c instanceof In && ((In) c).patterns.isEmpty() && ((In) c).values.stream().allMatch(Filter::plain)) {
                    return Optional.of(((In) c).values);
                }
            }
        }
        return Optional.empty();
    }

    /** A value an index can hold: no null, no document or array (they have their own equality rules). */
    private static boolean plain(Object v) {
        return v != null && !(v instanceof Map) && !(v instanceof List);
    }

    // ---- compiling ----

    private static Node compileDocument(Map<String, ?> filter, int depth) {
        if (depth > 32) {
            throw new QueryRefusedException("the query nests $and/$or/$nor deeper than 32 levels");
        }
        List<Node> clauses = new ArrayList<>();
        for (Map.Entry<String, ?> e : filter.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.startsWith("$")) {
                switch (key) {
                    case "$and":
                        clauses.add(new And(compileList(key, value, depth)));
                        break;
                    case "$or":
                        clauses.add(new Or(compileList(key, value, depth)));
                        break;
                    case "$nor":
                        clauses.add(new Not(new Or(compileList(key, value, depth))));
                        break;
                    case "$comment":
                        break;
                    default:
                        throw new QueryRefusedException(REFUSED_TOP.contains(key)
                                ? "the query operator " + key + " is not supported by this store"
                                : "unknown top-level query operator " + key + "; use $and, $or or $nor");
                }
            } else {
                clauses.add(new Field(key, segments(key), compileCondition(key, value, depth)));
            }
        }
        return clauses.size() == 1 ? clauses.get(0) : new And(clauses);
    }

    @SuppressWarnings("unchecked")
    private static List<Node> compileList(String operator, Object value, int depth) {
        if (!(value instanceof List) || ((List<?>) value).isEmpty()) {
            throw new QueryRefusedException(operator + " needs a non-empty list of queries");
        }
        List<Node> nodes = new ArrayList<>();
        for (Object item : (List<Object>) value) {
            if (!(item instanceof Map)) {
                throw new QueryRefusedException(operator + " needs a list of queries (objects)");
            }
            nodes.add(compileDocument((Map<String, ?>) item, depth + 1));
        }
        return nodes;
    }

    private static String[] segments(String path) {
        String[] segments = path.split("\\.", -1);
        if (segments.length > Limits.MAX_DEPTH) {
            throw new QueryRefusedException("the query field '" + Bson.abbreviate(path) + "' is deeper than "
                    + Limits.MAX_DEPTH + " levels");
        }
        for (String s : segments) {
            if (s.isEmpty()) {
                throw new QueryRefusedException("the query field '" + Bson.abbreviate(path) + "' has an empty part");
            }
        }
        return segments;
    }

    /** Whether a filter value is a document of operators ({@code {"$gt": 5}}) rather than a value to equal. */
    private static boolean isOperators(Object value) {
        if (!(value instanceof Map) || ((Map<?, ?>) value).isEmpty()) {
            return false;
        }
        Object first = ((Map<?, ?>) value).keySet().iterator().next();
        return first instanceof String && ((String) first).startsWith("$");
    }

    @SuppressWarnings("unchecked")
    private static Condition compileCondition(String field, Object value, int depth) {
        if (value instanceof Pattern || value instanceof BsonRegularExpression) {
            return new Regex(pattern(field, value, null));
        }
        if (!isOperators(value)) {
            return new Eq(value);
        }
        Map<String, Object> operators = (Map<String, Object>) value;
        List<Condition> conditions = new ArrayList<>();
        Object options = operators.get("$options");
        for (Map.Entry<String, Object> op : operators.entrySet()) {
            String name = op.getKey();
            Object operand = op.getValue();
            switch (name) {
                case "$eq":
                    conditions.add(new Eq(operand));
                    break;
                case "$ne":
                    conditions.add(new NotCondition(new Eq(operand)));
                    break;
                case "$gt":
                case "$gte":
                case "$lt":
                case "$lte":
                    conditions.add(new Compare(name, operand));
                    break;
                case "$in":
                    conditions.add(in(field, name, operand));
                    break;
                case "$nin":
                    conditions.add(new NotCondition(in(field, name, operand)));
                    break;
                case "$exists":
                    conditions.add(new Exists(truthy(operand)));
                    break;
                case "$type":
                    conditions.add(new Type(field, operand));
                    break;
                case "$regex":
                    conditions.add(new Regex(pattern(field, operand, options)));
                    break;
                case "$options":
                    if (!operators.containsKey("$regex")) {
                        throw new QueryRefusedException(field + ": $options needs a $regex");
                    }
                    break;
                case "$not":
                    if (operand instanceof Pattern || operand instanceof BsonRegularExpression) {
                        conditions.add(new NotCondition(new Regex(pattern(field, operand, null))));
                    } else if (isOperators(operand)) {
                        conditions.add(new NotCondition(compileCondition(field, operand, depth + 1)));
                    } else {
                        throw new QueryRefusedException(field + ": $not needs operators or a regular expression");
                    }
                    break;
                case "$all":
                    if (!(operand instanceof List)) {
                        throw new QueryRefusedException(field + ": $all needs a list");
                    }
                    conditions.add(new All(field, (List<Object>) operand));
                    break;
                case "$size":
                    if (!(operand instanceof Number) || ((Number) operand).doubleValue() != Math.rint(((Number) operand)
                            .doubleValue()) || ((Number) operand).longValue() < 0) {
                        throw new QueryRefusedException(field + ": $size needs a whole number of at least 0");
                    }
                    conditions.add(new Size(((Number) operand).longValue()));
                    break;
                case "$elemMatch":
                    if (!(operand instanceof Map)) {
                        throw new QueryRefusedException(field + ": $elemMatch needs an object");
                    }
                    conditions.add(elemMatch(field, (Map<String, Object>) operand, depth));
                    break;
                case "$mod":
                    conditions.add(new Mod(field, operand));
                    break;
                default:
                    throw new QueryRefusedException("unknown query operator " + name + " on " + field);
            }
        }
        return conditions.size() == 1 ? conditions.get(0) : new AllOf(conditions);
    }

    private static boolean truthy(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue() != 0;
        }
        return v != null;
    }

    private static Condition in(String field, String name, Object operand) {
        if (!(operand instanceof List)) {
            throw new QueryRefusedException(field + ": " + name + " needs a list");
        }
        List<Object> values = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (Object item : (List<?>) operand) {
            if (item instanceof Pattern || item instanceof BsonRegularExpression) {
                patterns.add(pattern(field, item, null));
            } else if (isOperators(item)) {
                throw new QueryRefusedException(field + ": " + name + " cannot hold operators");
            } else {
                values.add(item);
            }
        }
        return new In(values, patterns);
    }

    @SuppressWarnings("unchecked")
    private static Condition elemMatch(String field, Map<String, Object> operand, int depth) {
        boolean valueMode = !operand.isEmpty();
        for (String key : operand.keySet()) {
            if (!key.startsWith("$") || key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
                valueMode = false;
                break;
            }
        }
        if (valueMode) {
            return new ElemMatch(compileCondition(field, operand, depth + 1), null);
        }
        return new ElemMatch(null, compileDocument(operand, depth + 1));
    }

    static Pattern pattern(String field, Object value, Object options) {
        if (value instanceof Pattern) {
            Pattern p = (Pattern) value;
            return options == null ? p : compile(field, p.pattern(), p.flags() | flags(field, String.valueOf(options)));
        }
        if (value instanceof BsonRegularExpression) {
            BsonRegularExpression r = (BsonRegularExpression) value;
            return compile(field, r.getPattern(), flags(field, r.getOptions())
                    | (options == null ? 0 : flags(field, String.valueOf(options))));
        }
        if (value instanceof String) {
            return compile(field, (String) value, options == null ? 0 : flags(field, String.valueOf(options)));
        }
        throw new QueryRefusedException(field + ": $regex needs a string or a regular expression");
    }

    private static int flags(String field, String options) {
        int flags = 0;
        for (char c : options.toCharArray()) {
            switch (c) {
                case 'i':
                    flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    break;
                case 'm':
                    flags |= Pattern.MULTILINE;
                    break;
                case 's':
                    flags |= Pattern.DOTALL;
                    break;
                case 'x':
                    flags |= Pattern.COMMENTS;
                    break;
                case 'u':
                    break;
                default:
                    throw new QueryRefusedException(field + ": unknown regular expression option '" + c + "'");
            }
        }
        return flags;
    }

    private static Pattern compile(String field, String source, int flags) {
        try {
            return Pattern.compile(source, flags);
        } catch (PatternSyntaxException e) {
            throw new QueryRefusedException(field + ": invalid regular expression: " + e.getDescription());
        }
    }

    // ---- matching ----

    /** A compiled filter, or a part of one; matched against a whole document. */
    interface Node {
        boolean test(Map<String, ?> doc, QueryControl control);
    }

    private static final class And implements Node {
        final List<Node> clauses;

        And(List<Node> clauses) {
            this.clauses = clauses;
        }

        @Override
        public boolean test(Map<String, ?> doc, QueryControl control) {
            for (Node n : clauses) {
                if (!n.test(doc, control)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Or implements Node {
        final List<Node> clauses;

        Or(List<Node> clauses) {
            this.clauses = clauses;
        }

        @Override
        public boolean test(Map<String, ?> doc, QueryControl control) {
            for (Node n : clauses) {
                if (n.test(doc, control)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Not implements Node {
        final Node node;

        Not(Node node) {
            this.node = node;
        }

        @Override
        public boolean test(Map<String, ?> doc, QueryControl control) {
            return !node.test(doc, control);
        }
    }

    private static final class Field implements Node {
        final String path;
        final String[] segments;
        final Condition condition;

        Field(String path, String[] segments, Condition condition) {
            this.path = path;
            this.segments = segments;
            this.condition = condition;
        }

        @Override
        public boolean test(Map<String, ?> doc, QueryControl control) {
            List<Object> values = new ArrayList<>(2);
            resolve(doc, segments, 0, values);
            return condition.test(values, control);
        }
    }

    /** The values a path reaches: through documents, and across the documents of an array. */
    static void resolve(Object current, String[] segments, int i, List<Object> out) {
        if (i == segments.length) {
            out.add(current);
            return;
        }
        if (current instanceof Map) {
            Object next = Docs.field((Map<?, ?>) current, segments[i]);
            if (next != Docs.MISSING) {
                resolve(next, segments, i + 1, out);
            }
        } else if (current instanceof List) {
            List<?> list = (List<?>) current;
            if (Docs.isIndex(segments[i])) {
                int index = Integer.parseInt(segments[i]);
                if (index < list.size()) {
                    resolve(list.get(index), segments, i + 1, out);
                }
            }
            for (Object element : list) {
                if (element instanceof Map) {
                    resolve(element, segments, i, out);
                }
            }
        }
    }
}
