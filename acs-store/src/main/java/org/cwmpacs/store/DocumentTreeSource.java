package org.cwmpacs.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.TreeSource;

/**
 * A device document's parameter tree read in place: each node is found by walking the nested documents of
 * its path, and only what a session asks for is decoded (a periodic session under presets reads a few
 * dozen of a device's thousands of parameters).
 */
final class DocumentTreeSource implements TreeSource {
    private final Map<String, Object> root;
    /**
     * Nodes found so far, by path: a session reads a node's attributes and its children's, so each level is
     * walked once, not once per descendant read. Sessions use a source from one thread at a time.
     */
    private final Map<String, Optional<Map<String, Object>>> nodes = new java.util.HashMap<>();

    DocumentTreeSource(Map<String, Object> root) {
        this.root = root;
    }

    @Override
    public Optional<ParameterAttributes> attributes(String path) {
        return node(path).map(DocumentTreeSource::attributesOf).filter(a -> !a.isEmpty());
    }

    @Override
    public List<String> children(String path) {
        Optional<Map<String, Object>> node = node(path);
        if (node.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : node.get().entrySet()) {
            if (!e.getKey().startsWith("_") && e.getValue() instanceof Map) {
                out.add(path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private synchronized Optional<Map<String, Object>> node(String path) {
        if (path.isEmpty()) {
            return Optional.of(root);
        }
        Optional<Map<String, Object>> known = nodes.get(path);
        if (known != null) {
            return known;
        }
        int dot = path.lastIndexOf('.');
        String segment = path.substring(dot + 1);
        Optional<Map<String, Object>> parent = dot < 0 ? Optional.of(root) : node(path.substring(0, dot));
        Optional<Map<String, Object>> found = Optional.empty();
        if (parent.isPresent() && !segment.startsWith("_")) {
            Object child = parent.get().get(segment);
            if (child instanceof Map) {
                found = Optional.of((Map<String, Object>) child);
            }
        }
        nodes.put(path, found);
        return found;
    }

    /** As {@link DeviceDocuments} reads a node: GenieACS's underscore fields. */
    static ParameterAttributes attributesOf(Map<String, Object> stored) {
        Map<String, Object> node = stored instanceof org.cwmpacs.store.engine.DocumentView
                ? ((org.cwmpacs.store.engine.DocumentView) stored).fieldsStartingWith('_') : stored;
        Optional<Object> value = Optional.ofNullable(node.get("_value")).map(v -> v instanceof Date ? ((Date) v).toInstant() : v);
        Optional<List<String>> accessList = Optional.ofNullable(node.get("_accessList"))
                .filter(List.class::isInstance).map(l -> ((List<?>) l).stream().map(String::valueOf).toList());
        return new ParameterAttributes(bool(node.get("_object")), bool(node.get("_writable")), value,
                Optional.ofNullable(node.get("_type")).map(String::valueOf), date(node.get("_timestamp")),
                Optional.ofNullable(node.get("_notification")).filter(Number.class::isInstance)
                        .map(n -> ((Number) n).intValue()),
                accessList, date(node.get("_attributesTimestamp")));
    }

    private static Optional<Boolean> bool(Object v) {
        return v instanceof Boolean ? Optional.of((Boolean) v) : Optional.empty();
    }

    private static Optional<java.time.Instant> date(Object v) {
        return v instanceof Date ? Optional.of(((Date) v).toInstant()) : Optional.empty();
    }
}
