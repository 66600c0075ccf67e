package org.cwmpacs.ui.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cwmpacs.core.expression.TagNames;

/**
 * A stored device as GenieACS's UI API shows it: one entry per parameter path, {@code {value: [v, type],
 * valueTimestamp, object, objectTimestamp, writable, writableTimestamp, notification, accessList, …}}, with
 * {@code DeviceID.*}, {@code Events.*} and {@code Tags.*} made up from the document's own fields, and
 * timestamps in milliseconds, the way GenieACS's pages (and scripts written against its API) read it.
 */
public final class FlatDevice {
    private FlatDevice() {
    }

    public static Map<String, Map<String, Object>> of(Map<String, ?> device) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        long informed = millis(device.get("_lastInform"), 1);
        own(device, out, informed);
        walk(device, "", out, informed);
        return out;
    }

    /** The document's own fields as virtual parameters. */
    private static void own(Map<String, ?> device, Map<String, Map<String, Object>> out, long t) {
        event(out, "Events.Inform", device.get("_lastInform"), t);
        event(out, "Events.Registered", device.get("_registered"), t);
        event(out, "Events.1_BOOT", device.get("_lastBoot"), t);
        event(out, "Events.0_BOOTSTRAP", device.get("_lastBootstrap"), t);
        if (device.get("_id") != null) {
            out.put("DeviceID.ID", leaf(String.valueOf(device.get("_id")), "xsd:string", t, false));
        }
        if (device.get("_deviceId") instanceof Map<?, ?> id) {
            for (String field : List.of("Manufacturer", "OUI", "ProductClass", "SerialNumber")) {
                out.put("DeviceID." + field, leaf(id.get("_" + field), "xsd:string", t, false));
            }
        }
        if (device.get("_tags") instanceof List<?> tags) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("writable", false);
            node.put("writableTimestamp", t);
            node.put("object", true);
            node.put("objectTimestamp", t);
            out.put("Tags", node);
            for (Object tag : tags) {
                out.put("Tags." + TagNames.encode(String.valueOf(tag)), leaf(true, "xsd:boolean", t, true));
            }
        }
    }

    private static void event(Map<String, Map<String, Object>> out, String name, Object when, long t) {
        if (when != null) {
            out.put(name, leaf(millis(when, 0), "xsd:dateTime", t, false));
        }
    }

    private static Map<String, Object> leaf(Object value, String type, long t, boolean writable) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("value", java.util.Arrays.asList(value, type));
        node.put("valueTimestamp", t);
        node.put("writable", writable);
        node.put("writableTimestamp", t);
        node.put("object", false);
        node.put("objectTimestamp", t);
        return node;
    }

    /** GenieACS's rule: a node's attributes carry its parent's listing time unless it has its own, later one. */
    private static void walk(Map<String, ?> input, String root, Map<String, Map<String, Object>> out, long timestamp) {
        long children = timestamp;
        if (root.isEmpty()) {
            children = millis(input.get("_timestamp"), 1);
        } else if (millis(input.get("_timestamp"), 0) > timestamp) {
            children = millis(input.get("_timestamp"), 0);
        }
        for (Map.Entry<String, ?> e : input.entrySet()) {
            if (e.getKey().startsWith("_") || !(e.getValue() instanceof Map<?, ?> tree)) {
                continue;
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            if (tree.get("_value") != null) {
                Object v = tree.get("_value");
                attrs.put("value", java.util.Arrays.asList(v instanceof Instant i ? i.toEpochMilli() : v,
                        tree.get("_type")));
                attrs.put("valueTimestamp", millis(tree.get("_timestamp"), children));
                attrs.put("object", false);
                attrs.put("objectTimestamp", children);
            } else if (tree.get("_object") != null) {
                attrs.put("object", tree.get("_object"));
                attrs.put("objectTimestamp", children);
            }
            if (tree.get("_writable") != null) {
                attrs.put("writable", tree.get("_writable"));
                attrs.put("writableTimestamp", children);
            }
            if (tree.get("_notification") != null) {
                attrs.put("notification", tree.get("_notification"));
                attrs.put("notificationTimestamp", millis(tree.get("_attributesTimestamp"), 1));
            }
            if (tree.get("_accessList") != null) {
                attrs.put("accessList", tree.get("_accessList"));
                attrs.put("accessListTimestamp", millis(tree.get("_attributesTimestamp"), 1));
            }
            String path = root.isEmpty() ? e.getKey() : root + "." + e.getKey();
            out.put(path, attrs);
            if (!Boolean.FALSE.equals(attrs.get("object"))) {
                @SuppressWarnings("unchecked")
                Map<String, ?> below = (Map<String, ?>) tree;
                walk(below, path, out, children);
            }
        }
    }

    private static long millis(Object v, long otherwise) {
        if (v instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (v instanceof java.util.Date d) {
            return d.getTime();
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        return otherwise;
    }
}
