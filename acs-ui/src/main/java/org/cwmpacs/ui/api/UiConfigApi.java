package org.cwmpacs.ui.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.ExpressionException;
import org.cwmpacs.core.expression.Parser;
import org.cwmpacs.core.expression.Values;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.DocumentStore;

/**
 * The pages' layout from the {@code config} collection's {@code ui.*} keys, as a GenieACS installation keeps it
 * ({@code ui.filters.*}, {@code ui.index.*}, {@code ui.device.*}, {@code ui.overview.*}, {@code ui.pageSize}), nested
 * by the dots of the keys. Each value is an expression: a constant is sent as its value, a parameter as
 * {@code {"param": "<path>"}}, anything else as {@code {"expression": "<text>"}} (the page sends those back to the
 * server as filters). With no {@code ui.*} key stored, GenieACS's default layout applies.
 */
public final class UiConfigApi {
    private static final String DEFAULTS = "default-ui-config.json";

    private final DocumentStore documents;

    public UiConfigApi(DocumentStore documents) {
        this.documents = documents;
    }

    public Map<String, Object> current() {
        Map<String, Object> stored = new LinkedHashMap<>();
        documents.find("config", DocumentQuery.all(Map.of()), doc -> {
            if (doc.get("_id") instanceof String key && key.startsWith("ui.")) {
                stored.put(key.substring(3), doc.get("value"));
            }
        });
        return nest(stored.isEmpty() ? defaults() : stored);
    }

    /** GenieACS's default layout, as config entries (key without {@code ui.} → expression text). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> defaults() {
        try (InputStream in = UiConfigApi.class.getResourceAsStream("/org/cwmpacs/ui/" + DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the jar");
            }
            Map<String, Object> entries = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    DEFAULTS);
            entries.keySet().removeIf(k -> k.startsWith("_"));
            return entries;
        } catch (IOException | Json.InvalidJson e) {
            throw new IllegalStateException(DEFAULTS + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> nest(Map<String, Object> flat) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(flat.keySet());
        keys.sort(UiConfigApi::naturalOrder);
        for (String key : keys) {
            String[] parts = key.split("\\.");
            Map<String, Object> node = root;
            boolean clash = false;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                if (!(next instanceof Map)) {
                    clash = true;
                    break;
                }
                node = (Map<String, Object>) next;
            }
            if (!clash && !(node.get(parts[parts.length - 1]) instanceof Map)) {
                node.put(parts[parts.length - 1], leaf(flat.get(key)));
            }
        }
        return root;
    }

    private static Object leaf(Object stored) {
        if (stored instanceof Boolean || stored instanceof Number || stored == null) {
            return stored;
        }
        String text = String.valueOf(stored);
        Expr e;
        try {
            e = Parser.parse(text);
        } catch (ExpressionException ex) {
            return Map.of("expression", text, "error", ex.getMessage());
        }
        if (e instanceof Expr.Param p && p.path() instanceof Expr.Lit path) {
            return Map.of("param", Values.toText(path.value()));
        }
        if (isConstant(e)) {
            Object v = new Evaluator(name -> Values.NULL, System.currentTimeMillis()).evaluate(e);
            if (Values.isNull(v)) {
                return null;
            }
            return v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) d.longValue() : v;
        }
        return Map.of("expression", text);
    }

    private static boolean isConstant(Expr e) {
        if (e instanceof Expr.Lit) {
            return true;
        }
        if (e instanceof Expr.Op o) {
            return o.args().stream().allMatch(UiConfigApi::isConstant);
        }
        return false;
    }

    /** {@code index.10} after {@code index.9}. */
    static int naturalOrder(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
