package org.cwmpacs.core.preset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.ExpressionException;
import org.cwmpacs.core.expression.LegacyPrecondition;
import org.cwmpacs.core.expression.Parser;
import org.cwmpacs.core.expression.Values;

/**
 * Presets as a GenieACS database stores them, read as GenieACS reads them, and the choice of those that
 * apply to a session.
 */
public final class Presets {
    private Presets() {
    }

    /** A stored preset that cannot be run; the message names the preset and the field. */
    public static final class InvalidPreset extends IllegalArgumentException {
        public InvalidPreset(String message) {
            super(message);
        }
    }

    /**
     * Reads a {@code presets} document.
     *
     * @param jsonParser turns a JSON text into maps and lists (a legacy precondition is JSON)
     * @param objects the {@code objects} documents by id, for legacy add_object/delete_object configurations
     */
    public static Preset read(Map<String, ?> doc, Function<String, Object> jsonParser,
                              Map<String, Map<String, ?>> objects) {
        String id = String.valueOf(doc.get("_id"));
        Object w = doc.get("weight");
        double weight = w instanceof Number ? ((Number) w).doubleValue() : w == null ? 0 : number(w, id);
        Object c = doc.get("channel");
        String channel = c == null || String.valueOf(c).isEmpty() ? "default" : String.valueOf(c);
        Map<String, Boolean> events = new LinkedHashMap<>();
        if (doc.get("events") instanceof Map) {
            ((Map<?, ?>) doc.get("events")).forEach((k, v) -> events.put(String.valueOf(k).replaceAll("\\s+", "_"),
                    Values.truthy(v instanceof Boolean ? v : v == null ? Values.NULL : String.valueOf(v))));
        }
        Expr precondition = precondition(doc.get("precondition"), id, jsonParser);
        Optional<Preset.Schedule> schedule = doc.get("schedule") instanceof String
                && !((String) doc.get("schedule")).isBlank()
                ? Optional.of(Preset.Schedule.parse((String) doc.get("schedule"))) : Optional.empty();
        List<Preset.Provision> provisions = new ArrayList<>();
        if (doc.get("configurations") instanceof List) {
            for (Object configuration : (List<?>) doc.get("configurations")) {
                if (!(configuration instanceof Map)) {
                    throw new InvalidPreset("preset " + id + ": a configuration is not an object");
                }
                provisions.addAll(configuration(cast(configuration), id, objects));
            }
        }
        return new Preset(id, weight, channel, events, precondition, schedule, provisions);
    }

    private static double number(Object w, String id) {
        try {
            return Double.parseDouble(String.valueOf(w));
        } catch (NumberFormatException e) {
            throw new InvalidPreset("preset " + id + ": weight \"" + w + "\" is not a number");
        }
    }

    /** The expression language first; if that fails, GenieACS's legacy JSON form. */
    private static Expr precondition(Object stored, String id, Function<String, Object> jsonParser) {
        if (stored == null || String.valueOf(stored).isBlank()) {
            return new Expr.Lit(Boolean.TRUE);
        }
        String text = String.valueOf(stored);
        try {
            return Parser.parse(text);
        } catch (ExpressionException notAnExpression) {
            Object json;
            try {
                json = jsonParser.apply(text);
            } catch (RuntimeException notJson) {
                throw new InvalidPreset("preset " + id + ": the precondition is neither an expression ("
                        + notAnExpression.getMessage() + ") nor a JSON query");
            }
            if (!(json instanceof Map)) {
                throw new InvalidPreset("preset " + id + ": the precondition is neither an expression ("
                        + notAnExpression.getMessage() + ") nor a JSON query");
            }
            try {
                return LegacyPrecondition.convert(cast(json));
            } catch (ExpressionException e) {
                throw new InvalidPreset("preset " + id + ": precondition: " + e.getMessage());
            }
        }
    }

    private static List<Preset.Provision> configuration(Map<String, ?> c, String id,
                                                        Map<String, Map<String, ?>> objects) {
        String type = String.valueOf(c.get("type"));
        switch (type) {
            case "age":
                return List.of(provision("refresh", lit(c.get("name")), lit(Values.toNumber(value(c.get("age"))))));
            case "value":
                return List.of(provision("value", lit(c.get("name")), lit(c.get("value"))));
            case "add_tag":
                return List.of(provision("tag", lit(c.get("tag")), lit(true)));
            case "delete_tag":
                return List.of(provision("tag", lit(c.get("tag")), lit(false)));
            case "provision": {
                List<Expr> args = new ArrayList<>();
                if (c.get("args") instanceof List) {
                    for (Object a : (List<?>) c.get("args")) {
                        try {
                            args.add(GenieAst.read(a));
                        } catch (ExpressionException e) {
                            throw new InvalidPreset("preset " + id + ": argument of " + c.get("name") + ": "
                                    + e.getMessage());
                        }
                    }
                }
                return List.of(new Preset.Provision(String.valueOf(c.get("name")), args));
            }
            case "add_object":
            case "delete_object":
                return objectProvisions(c, type.equals("add_object"), objects);
            default:
                throw new InvalidPreset("preset " + id + ": unknown configuration type \"" + type + "\"");
        }
    }

    /** GenieACS's alias path {@code <name>.[k1:"v1",k2:2]} from the object's {@code _keys}, then its other values. */
    private static List<Preset.Provision> objectProvisions(Map<String, ?> c, boolean add,
                                                           Map<String, Map<String, ?>> objects) {
        Map<String, ?> object = objects.get(String.valueOf(c.get("object")));
        if (object == null) {
            // GenieACS adds nothing for an object that is not stored
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        if (object.get("_keys") instanceof List) {
            ((List<?>) object.get("_keys")).forEach(k -> keys.add(String.valueOf(k)));
        }
        List<String> alias = new ArrayList<>();
        for (String k : keys) {
            alias.add(k + ":" + json(object.get(k)));
        }
        String path = c.get("name") + ".[" + String.join(",", alias) + "]";
        List<Preset.Provision> out = new ArrayList<>();
        out.add(provision("instances", lit(path), lit(add ? 1.0 : 0.0)));
        if (add) {
            for (Map.Entry<String, ?> e : object.entrySet()) {
                if (!e.getKey().startsWith("_") && !keys.contains(e.getKey())) {
                    out.add(provision("value", lit(path + "." + e.getKey()), lit(e.getValue())));
                }
            }
        }
        return out;
    }

    private static String json(Object v) {
        if (v instanceof String) {
            return "\"" + ((String) v).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return v instanceof Number ? Values.jsNumber(((Number) v).doubleValue()) : String.valueOf(v);
    }

    private static Preset.Provision provision(String name, Expr... args) {
        return new Preset.Provision(name, List.of(args));
    }

    private static Object value(Object v) {
        if (v == null) {
            return Values.NULL;
        }
        return v instanceof Number ? (Object) ((Number) v).doubleValue() : v;
    }

    private static Expr lit(Object v) {
        return new Expr.Lit(value(v));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Object v) {
        return (Map<String, ?>) v;
    }

    /**
     * The presets that apply to a session, in GenieACS's order (weight ascending, then id; later ones win a
     * conflict): those of an allowed channel whose events match the session's and whose schedule is active.
     * Preconditions are evaluated by the caller, once the parameters they name are known.
     *
     * @param sessionEvents the session's events, spaces as underscores, with {@code Inform} (always) and
     *     {@code Registered} (a new device)
     */
    public static List<Preset> applicable(List<Preset> presets, Set<String> sessionEvents, Instant now,
                                          Predicate<String> channelAllowed) {
        List<Preset> out = new ArrayList<>();
        for (Preset p : presets) {
            if (!channelAllowed.test(p.channel())) {
                continue;
            }
            boolean eventsMatch = p.events().entrySet().stream()
                    .allMatch(e -> e.getValue() == sessionEvents.contains(e.getKey()));
            if (!eventsMatch) {
                continue;
            }
            if (p.schedule().isPresent() && !p.schedule().get().active(now)) {
                continue;
            }
            out.add(p);
        }
        out.sort(Comparator.comparingDouble(Preset::weight).thenComparing(Preset::id));
        return out;
    }
}
