package org.cwmpacs.ui.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cwmpacs.core.expression.Parser;

/**
 * A preset as GenieACS's UI edits it ({@code events} as {@code "0 BOOTSTRAP, -1 BOOT"}, one {@code provision} with
 * {@code provisionArgs} as a list of expressions) and as it is stored ({@code events} a map, {@code configurations}).
 */
final class PresetForm {
    private PresetForm() {
    }

    /** The stored preset as the UI shows it. */
    static Map<String, Object> flatten(Map<String, Object> stored) {
        Map<String, Object> p = new LinkedHashMap<>(stored);
        if (p.get("events") instanceof Map<?, ?> events) {
            List<String> text = new ArrayList<>();
            events.forEach((k, v) -> text.add(Boolean.TRUE.equals(v) ? String.valueOf(k) : "-" + k));
            p.put("events", String.join(", ", text));
        }
        if (p.get("configurations") instanceof List<?> list && list.size() == 1
                && list.get(0) instanceof Map<?, ?> c && "provision".equals(c.get("type"))
                && c.get("name") instanceof String name && !name.isEmpty()) {
            p.put("provision", name);
            List<String> args = new ArrayList<>();
            if (c.get("args") instanceof List<?> a) {
                for (Object arg : a) {
                    args.add(arg instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                            : String.valueOf(arg));
                }
            }
            p.put("provisionArgs", String.join(", ", args));
            p.remove("configurations");
        }
        return p;
    }

    /**
     * The UI's form as stored; an {@link IllegalArgumentException} names what is wrong (a precondition that does
     * not parse, no provision).
     */
    static Map<String, Object> store(String id, Map<String, Object> form) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("_id", id);
        String precondition = form.get("precondition") instanceof String s ? s : "";
        if (!precondition.isBlank()) {
            try {
                Parser.parse(precondition);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("precondition: " + e.getMessage());
            }
        }
        p.put("precondition", precondition);
        p.put("channel", form.get("channel") instanceof String c ? c : "");
        p.put("weight", weight(form.get("weight")));
        if (form.get("schedule") instanceof String schedule && !schedule.isBlank()) {
            p.put("schedule", schedule);
        }
        Map<String, Object> events = new LinkedHashMap<>();
        if (form.get("events") instanceof String text) {
            for (String e : text.split(",")) {
                String name = e.strip();
                boolean on = !name.startsWith("-");
                name = on ? name : name.substring(1).strip();
                if (!name.isEmpty()) {
                    events.put(name, on);
                }
            }
        }
        p.put("events", events);
        if (!(form.get("provision") instanceof String provision) || provision.isBlank()) {
            throw new IllegalArgumentException("a preset needs a provision");
        }
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("type", "provision");
        configuration.put("name", provision.strip());
        configuration.put("args", form.get("provisionArgs") instanceof String args && !args.isBlank()
                ? ProvisionArgs.parse(args) : null);
        p.put("configurations", List.of(configuration));
        return p;
    }

    private static int weight(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value instanceof String s ? Integer.parseInt(s.strip()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
