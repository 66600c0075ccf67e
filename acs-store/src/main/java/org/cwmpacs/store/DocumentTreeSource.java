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
    private Optional<Map<String, Object>> node(String path) {
        Map<String, Object> node = root;
        if (path.isEmpty()) {
            return Optional.of(node);
        }
        int start = 0;
        while (true) {
            int dot = path.indexOf('.', start);
            String segment = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (segment.startsWith("_")) {
                return Optional.empty();
            }
            Object child = node.get(segment);
            if (!(child instanceof Map)) {
                return Optional.empty();
            }
            node = (Map<String, Object>) child;
            if (dot < 0) {
                return Optional.of(node);
            }
            start = dot + 1;
        }
    }

    /** As {@link DeviceDocuments} reads a node: GenieACS's underscore fields. */
    static ParameterAttributes attributesOf(Map<String, Object> node) {
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
