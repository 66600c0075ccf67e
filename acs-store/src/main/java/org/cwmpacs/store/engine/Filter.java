package org.cwmpacs.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.cwmpacs.core.store.QueryControl;

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

    private interface Node {
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

    /** A condition on the values a field path reaches (empty when the field is missing). */
    private interface Condition {
        boolean test(List<Object> values, QueryControl control);
    }

    /** A condition that holds when any value, or any element of an array value, satisfies it. */
    private abstract static class PerValue implements Condition {
        @Override
        public boolean test(List<Object> values, QueryControl control) {
            if (values.isEmpty()) {
                return matchesMissing();
            }
            for (Object v : values) {
                if (one(v, control)) {
                    return true;
                }
                if (v instanceof List) {
                    for (Object element : (List<?>) v) {
                        if (one(element, control)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        abstract boolean one(Object value, QueryControl control);

        boolean matchesMissing() {
            return false;
        }
    }

    private static final class Eq extends PerValue {
        final Object value;

        Eq(Object value) {
            this.value = value;
        }

        @Override
        boolean one(Object v, QueryControl control) {
            return Values.equal(v, value);
        }

        @Override
        boolean matchesMissing() {
            return value == null;
        }
    }

    private static final class Compare extends PerValue {
        final String op;
        final Object operand;
        final int kind;

        Compare(String op, Object operand) {
            this.op = op;
            this.operand = operand;
            this.kind = Values.kind(operand);
        }

        @Override
        boolean one(Object v, QueryControl control) {
            if (Values.kind(v) != kind) {
                return false;
            }
            int c = Values.compare(v, operand);
            switch (op) {
                case "$gt":
                    return c > 0;
                case "$gte":
                    return c >= 0;
                case "$lt":
                    return c < 0;
                default:
                    return c <= 0;
            }
        }

        @Override
        boolean matchesMissing() {
            return operand == null && (op.equals("$gte") || op.equals("$lte"));
        }
    }

    private static final class In extends PerValue {
        final List<Object> values;
        final List<Pattern> patterns;

        In(List<Object> values, List<Pattern> patterns) {
            this.values = values;
            this.patterns = patterns;
        }

        @Override
        boolean one(Object v, QueryControl control) {
            for (Object candidate : values) {
                if (Values.equal(v, candidate)) {
                    return true;
                }
            }
            for (Pattern p : patterns) {
                if (Regex.matches(p, v, control)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        boolean matchesMissing() {
            for (Object candidate : values) {
                if (candidate == null) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Regex extends PerValue {
        final Pattern pattern;

        Regex(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        boolean one(Object v, QueryControl control) {
            return matches(pattern, v, control);
        }

        static boolean matches(Pattern pattern, Object v, QueryControl control) {
            if (v instanceof org.bson.types.Symbol) {
                v = ((org.bson.types.Symbol) v).getSymbol();
            }
            if (!(v instanceof String)) {
                return false;
            }
            String text = (String) v;
            CharSequence input = control == QueryControl.NONE ? text : new Interruptible(text, control);
            return pattern.matcher(input).find();
        }
    }

    private static final class Exists implements Condition {
        final boolean exists;

        Exists(boolean exists) {
            this.exists = exists;
        }

        @Override
        public boolean test(List<Object> values, QueryControl control) {
            return values.isEmpty() != exists;
        }
    }

    private static final class NotCondition implements Condition {
        final Condition condition;

        NotCondition(Condition condition) {
            this.condition = condition;
        }

        @Override
        public boolean test(List<Object> values, QueryControl control) {
            return !condition.test(values, control);
        }
    }

    private static final class AllOf implements Condition {
        final List<Condition> conditions;

        AllOf(List<Condition> conditions) {
            this.conditions = conditions;
        }

        @Override
        public boolean test(List<Object> values, QueryControl control) {
            for (Condition c : conditions) {
                if (!c.test(values, control)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class All implements Condition {
        final List<Condition> each = new ArrayList<>();

        All(String field, List<Object> operand) {
            for (Object item : operand) {
                each.add(item instanceof Pattern || item instanceof BsonRegularExpression
                        ? new Regex(pattern(field, item, null)) : new Eq(item));
            }
        }

        @Override
        public boolean test(List<Object> values, QueryControl control) {
            if (each.isEmpty()) {
                return false;
            }
            for (Condition c : each) {
                if (!c.test(values, control)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Size implements Condition {
        final long size;

        Size(long size) {
            this.size = size;
        }

        @Override
        public boolean test(List<Object> values, QueryControl control) {
            for (Object v : values) {
                if (v instanceof List && ((List<?>) v).size() == size) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class ElemMatch implements Condition {
        final Condition valueCondition;
        final Node documentFilter;

        ElemMatch(Condition valueCondition, Node documentFilter) {
            this.valueCondition = valueCondition;
            this.documentFilter = documentFilter;
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean test(List<Object> values, QueryControl control) {
            for (Object v : values) {
                if (!(v instanceof List)) {
                    continue;
                }
                for (Object element : (List<?>) v) {
                    if (valueCondition != null
                            ? valueCondition.test(java.util.Collections.singletonList(element), control)
                            : element instanceof Map && documentFilter.test((Map<String, ?>) element, control)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static final class Type extends PerValue {
        private final boolean[] codes = new boolean[256];
        private final boolean array;

        Type(String field, Object operand) {
            List<?> items = operand instanceof List ? (List<?>) operand : List.of(operand);
            boolean wantsArray = false;
            for (Object item : items) {
                int code = code(field, item);
                if (code == 4) {
                    wantsArray = true;
                }
                if (code == 1000) {
                    codes[1] = codes[16] = codes[18] = codes[19] = true;
                } else {
                    codes[code & 0xFF] = true;
                }
            }
            this.array = wantsArray;
        }

        private static int code(String field, Object item) {
            if (item instanceof Number) {
                return ((Number) item).intValue();
            }
            switch (String.valueOf(item)) {
                case "double": return 1;
                case "string": return 2;
                case "object": return 3;
                case "array": return 4;
                case "binData": return 5;
                case "undefined": return 6;
                case "objectId": return 7;
                case "bool": return 8;
                case "date": return 9;
                case "null": return 10;
                case "regex": return 11;
                case "javascript": return 13;
                case "symbol": return 14;
                case "int": return 16;
                case "timestamp": return 17;
                case "long": return 18;
                case "decimal": return 19;
                case "minKey": return -1;
                case "maxKey": return 127;
                case "number": return 1000;
                default:
                    throw new QueryRefusedException(field + ": unknown $type " + item);
            }
        }

        @Override
        public boolean test(List<Object> values, QueryControl control) {
            if (array) {
                for (Object v : values) {
                    if (v instanceof List) {
                        return true;
                    }
                }
            }
            return super.test(values, control);
        }

        @Override
        boolean one(Object v, QueryControl control) {
            return !(v instanceof List) && codes[Values.bsonType(v) & 0xFF];
        }
    }

    private static final class Mod extends PerValue {
        final long divisor;
        final long remainder;

        Mod(String field, Object operand) {
            if (!(operand instanceof List) || ((List<?>) operand).size() != 2
                    || !(((List<?>) operand).get(0) instanceof Number) || !(((List<?>) operand).get(1) instanceof Number)) {
                throw new QueryRefusedException(field + ": $mod needs [divisor, remainder]");
            }
            divisor = ((Number) ((List<?>) operand).get(0)).longValue();
            remainder = ((Number) ((List<?>) operand).get(1)).longValue();
            if (divisor == 0) {
                throw new QueryRefusedException(field + ": $mod cannot divide by 0");
            }
        }

        @Override
        boolean one(Object v, QueryControl control) {
            return v instanceof Number && !Double.isNaN(((Number) v).doubleValue())
                    && !Double.isInfinite(((Number) v).doubleValue()) && ((Number) v).longValue() % divisor == remainder;
        }
    }

    /**
     * Text whose reading checks the query's control now and then: a regular expression that backtracks
     * for minutes ends at the time limit, or as soon as its client has gone.
     */
    private static final class Interruptible implements CharSequence {
        private final String text;
        private final QueryControl control;
        private int reads;

        Interruptible(String text, QueryControl control) {
            this.text = text;
            this.control = control;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0) {
                control.check();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Interruptible(text.substring(start, end), control);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
