package org.cwmpacs.core.expression;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Computes an expression's value as GenieACS does ({@code lib/common/expression/util.ts}): SQL's three-valued
 * logic (NULL propagates through comparisons and arithmetic; AND is false if any part is false, else NULL if
 * any is NULL; OR is true if any part is true, else NULL if any is NULL), JavaScript's conversions for
 * arithmetic and text, and its truthiness where a condition is tested.
 */
public final class Evaluator {
    /**
     * Functions a use of the language adds to the common ones (config values have {@code AUTH()},
     * {@code EXT()}, {@code REMOTE_ADDRESS()}): the value, or empty for a function it does not know either.
     * It gets the arguments unevaluated, so that it decides what to evaluate.
     */
    @FunctionalInterface
    public interface Functions {
        java.util.Optional<Object> call(String name, List<Expr> args, Evaluator evaluator);

        Functions NONE = (name, args, evaluator) -> java.util.Optional.empty();
    }

    private final Function<String, Object> parameters;
    private final long now;
    private final Functions functions;

    /**
     * @param parameters a parameter's value (NULL, Boolean, Double, String) by its path; dates as milliseconds
     * @param now what {@code NOW()} is, in milliseconds
     */
    public Evaluator(Function<String, Object> parameters, long now) {
        this(parameters, now, Functions.NONE);
    }

    /** With functions of its own besides the common ones. */
    public Evaluator(Function<String, Object> parameters, long now, Functions functions) {
        this.parameters = parameters;
        this.now = now;
        this.functions = functions;
    }

    /** Whether the expression holds: its value is true (NULL and false do not hold). */
    public boolean holds(Expr e) {
        Object v = evaluate(e);
        return !Values.isNull(v) && Values.truthy(v);
    }

    /** The value: {@link Values#NULL}, a Boolean, a Double or a String. */
    public Object evaluate(Expr e) {
        if (e instanceof Expr.Lit) {
            return ((Expr.Lit) e).value();
        }
        if (e instanceof Expr.Param) {
            Object path = evaluate(((Expr.Param) e).path());
            if (Values.isNull(path)) {
                return Values.NULL;
            }
            Object v = parameters.apply(Values.toText(path));
            return v == null ? Values.NULL : v;
        }
        if (e instanceof Expr.Case) {
            Expr.Case c = (Expr.Case) e;
            for (int i = 0; i + 1 < c.whenThen().size(); i += 2) {
                if (Values.truthy(evaluate(c.whenThen().get(i)))) {
                    return evaluate(c.whenThen().get(i + 1));
                }
            }
            return evaluate(c.otherwise());
        }
        if (e instanceof Expr.Fn) {
            return function((Expr.Fn) e);
        }
        return operator((Expr.Op) e);
    }

    private Object function(Expr.Fn f) {
        List<Expr> args = f.args();
        switch (f.name()) {
            case "NOW":
                return (double) now;
            case "COALESCE":
                for (Expr a : args) {
                    Object v = evaluate(a);
                    if (!Values.isNull(v)) {
                        return v;
                    }
                }
                return Values.NULL;
            case "UPPER":
            case "LOWER": {
                Object v = args.isEmpty() ? Values.NULL : evaluate(args.get(0));
                if (Values.isNull(v)) {
                    return Values.NULL;
                }
                String t = Values.toText(v);
                return f.name().equals("UPPER") ? t.toUpperCase(java.util.Locale.ROOT) : t.toLowerCase(java.util.Locale.ROOT);
            }
            case "ROUND": {
                Object n = args.isEmpty() ? Values.NULL : evaluate(args.get(0));
                Object p = args.size() > 1 ? evaluate(args.get(1)) : (Object) 0.0;
                if (Values.isNull(n) || Values.isNull(p)) {
                    return Values.NULL;
                }
                double d = Math.pow(10, Values.toNumber(p));
                double m = Values.toNumber(n) * d * (1 + Math.ulp(1.0));
                // JavaScript's Math.round: halves go up
                return Math.floor(m + 0.5) / d;
            }
            default: {
                java.util.Optional<Object> own = functions.call(f.name(), args, this);
                // GenieACS leaves a function it does not know unevaluated, which no condition accepts
                return own.isPresent() && own.get() != null ? own.get() : Values.NULL;
            }
        }
    }

    private Object operator(Expr.Op o) {
        List<Expr> args = o.args();
        switch (o.op()) {
            case "AND": {
                boolean unknown = false;
                for (Expr a : args) {
                    Object v = evaluate(a);
                    if (Values.isNull(v)) {
                        unknown = true;
                    } else if (!Values.truthy(v)) {
                        return Boolean.FALSE;
                    }
                }
                return unknown ? Values.NULL : Boolean.TRUE;
            }
            case "OR": {
                boolean unknown = false;
                for (Expr a : args) {
                    Object v = evaluate(a);
                    if (Values.isNull(v)) {
                        unknown = true;
                    } else if (Values.truthy(v)) {
                        return Boolean.TRUE;
                    }
                }
                return unknown ? Values.NULL : Boolean.FALSE;
            }
            case "NOT": {
                Object v = evaluate(args.get(0));
                return Values.isNull(v) ? Values.NULL : (Object) !Values.truthy(v);
            }
            case "IS NULL":
                return Values.isNull(evaluate(args.get(0)));
            case "IS NOT NULL":
                return !Values.isNull(evaluate(args.get(0)));
            case "LIKE":
            case "NOT LIKE": {
                Object value = evaluate(caseFolded(args.get(0)).orElse(args.get(0)));
                if (caseFolded(args.get(0)).isPresent() && value instanceof String) {
                    // UPPER(p) / LOWER(p): p's text folded; other values stay what they are (not texts)
                    value = evaluate(args.get(0));
                }
                Object pattern = evaluate(args.get(1));
                Object escape = args.size() > 2 ? evaluate(args.get(2)) : "";
                if (Values.isNull(value) || Values.isNull(pattern) || Values.isNull(escape)) {
                    return Values.NULL;
                }
                // texts only, as the database query matches (GenieACS's own evaluator also tests a number as
                // its text; its device list, a database query, does not)
                boolean matches = value instanceof String && Like.regex(Values.jsString(pattern),
                        Values.jsString(escape), false).matcher((String) value).find();
                return o.op().equals("LIKE") == matches;
            }
            case "=":
            case "<>":
            case ">":
            case ">=":
            case "<":
            case "<=": {
                Object a = evaluate(args.get(0));
                Object b = evaluate(args.get(1));
                if (Values.isNull(a) || Values.isNull(b)) {
                    return Values.NULL;
                }
                return Comparison.holds(o.op(), Values.compare(a, b));
            }
            default:
                return arithmetic(o);
        }
    }

    /** {@code || + - * / %} left to right; NULL if any operand is, and for a division by zero. */
    private Object arithmetic(Expr.Op o) {
        Object acc = evaluate(o.args().get(0));
        for (int i = 1; i < o.args().size(); i++) {
            Object next = evaluate(o.args().get(i));
            if (Values.isNull(acc) || Values.isNull(next)) {
                return Values.NULL;
            }
            switch (o.op()) {
                case "||":
                    acc = Values.toText(acc) + Values.toText(next);
                    break;
                case "+":
                    acc = Values.toNumber(acc) + Values.toNumber(next);
                    break;
                case "-":
                    acc = Values.toNumber(acc) - Values.toNumber(next);
                    break;
                case "*":
                    acc = Values.toNumber(acc) * Values.toNumber(next);
                    break;
                case "/": {
                    double d = Values.toNumber(next);
                    if (d == 0) {
                        return Values.NULL;
                    }
                    acc = Values.toNumber(acc) / d;
                    break;
                }
                case "%": {
                    double d = (double) (long) Values.toNumber(next);
                    if (d == 0) {
                        return Values.NULL;
                    }
                    acc = Values.toNumber(acc) % d;
                    break;
                }
                default:
                    throw new ExpressionException("unknown operator " + o.op());
            }
        }
        return acc;
    }

    /**
     * The argument of {@code UPPER(x)} or {@code LOWER(x)} before LIKE: LIKE tests texts only, so a number
     * folded into a text does not match (as the database query, which GenieACS compiles to a
     * case-insensitive match on texts, does not).
     */
    static java.util.Optional<Expr> caseFolded(Expr e) {
        if (e instanceof Expr.Fn f && (f.name().equals("UPPER") || f.name().equals("LOWER")) && f.args().size() == 1) {
            return java.util.Optional.of(f.args().get(0));
        }
        return java.util.Optional.empty();
    }

    /** LIKE patterns as regular expressions. */
    static final class Like {
        private Like() {
        }

        /** {@code %} any run, {@code _} one character, {@code escape} makes the next character literal. */
        static Pattern regex(String pattern, String escape, boolean caseInsensitive) {
            StringBuilder re = new StringBuilder("^");
            char esc = escape.isEmpty() ? 0 : escape.charAt(0);
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (!escape.isEmpty() && c == esc) {
                    if (i + 1 < pattern.length()) {
                        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    }
                } else if (c == '%') {
                    re.append(".*");
                } else if (c == '_') {
                    re.append('.');
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            re.append('$');
            return Pattern.compile(re.toString(), Pattern.DOTALL | (caseInsensitive
                    ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
        }
    }

    /** Whether a comparison's outcome ({@code compare}'s sign) satisfies the operator. */
    static final class Comparison {
        private Comparison() {
        }

        static boolean holds(String op, int c) {
            return switch (op) {
                case "=" -> c == 0;
                case "<>" -> c != 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> throw new ExpressionException("not a comparison: " + op);
            };
        }
    }
}
