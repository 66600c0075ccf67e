package org.cwmpacs.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.BsonRegularExpression;
import org.cwmpacs.core.store.QueryControl;

/**
 * A condition on the values a field path of a document reaches ({@link Filter#resolve}; none when the field
 * is missing): MongoDB's field operators, as {@link Filter} compiles them.
 */
interface Condition {
    boolean test(List<Object> values, QueryControl control);

    /** A condition that holds when any value, or any element of an array value, satisfies it. */
    abstract class PerValue implements Condition {
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

    final class Eq extends PerValue {
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

    final class Compare extends PerValue {
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

    final class In extends PerValue {
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

    final class Regex extends PerValue {
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
            CharSequence input = control == QueryControl.NONE ? text : new InterruptibleText(text, control);
            return pattern.matcher(input).find();
        }
    }

    final class Exists implements Condition {
        final boolean exists;

        Exists(boolean exists) {
            this.exists = exists;
        }

        @Override
        public boolean test(List<Object> values, QueryControl control) {
            return values.isEmpty() != exists;
        }
    }

    final class NotCondition implements Condition {
        final Condition condition;

        NotCondition(Condition condition) {
            this.condition = condition;
        }

        @Override
        public boolean test(List<Object> values, QueryControl control) {
            return !condition.test(values, control);
        }
    }

    final class AllOf implements Condition {
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

    final class All implements Condition {
        final List<Condition> each = new ArrayList<>();

        All(String field, List<Object> operand) {
            for (Object item : operand) {
                each.add(item instanceof Pattern || item instanceof BsonRegularExpression
                        ? new Regex(Filter.pattern(field, item, null)) : new Eq(item));
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

    final class Size implements Condition {
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

    final class ElemMatch implements Condition {
        final Condition valueCondition;
        final Filter.Node documentFilter;

        ElemMatch(Condition valueCondition, Filter.Node documentFilter) {
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

    final class Type extends PerValue {
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

    final class Mod extends PerValue {
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
}
