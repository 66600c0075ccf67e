package org.cwmpacs.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.ExpressionException;
import org.cwmpacs.core.expression.Parser;
import org.cwmpacs.core.expression.Values;

/**
 * The {@code config} collection as a GenieACS database holds it ({@code {_id: "cwmp.sessionTimeout", value:
 * "<expression>"}}), parsed once per read: each key's value is an expression evaluated per device. A value
 * that does not parse is left out (its key falls back to the environment option) and kept in
 * {@link #problems} with the parser's message, so that it can be logged.
 */
public record ConfigEntries(Map<String, Expr> entries, Map<String, String> problems) {
    public static final ConfigEntries EMPTY = new ConfigEntries(Map.of(), Map.of());

    public ConfigEntries {
        entries = Map.copyOf(entries);
        problems = Map.copyOf(problems);
    }

    /** From the collection's documents; {@code value} is an expression's text (a number or boolean is taken as it is). */
    public static ConfigEntries read(Iterable<? extends Map<String, ?>> documents) {
        Map<String, Expr> entries = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (Map<String, ?> doc : documents) {
            Object id = doc.get("_id");
            if (!(id instanceof String)) {
                continue;
            }
            String key = (String) id;
            Object value = doc.get("value");
            if (value instanceof Boolean) {
                entries.put(key, new Expr.Lit(value));
            } else if (value instanceof Number) {
                entries.put(key, new Expr.Lit(((Number) value).doubleValue()));
            } else if (value instanceof String) {
                try {
                    entries.put(key, Parser.parse((String) value));
                } catch (ExpressionException e) {
                    problems.put(key, e.getMessage());
                }
            } else if (value == null) {
                entries.put(key, new Expr.Lit(Values.NULL));
            } else {
                problems.put(key, "the value is not an expression's text but " + value.getClass().getSimpleName());
            }
        }
        return new ConfigEntries(entries, problems);
    }

    public Optional<Expr> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }
}
