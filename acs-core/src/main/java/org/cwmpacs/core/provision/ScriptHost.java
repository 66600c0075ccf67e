package org.cwmpacs.core.provision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.script.ScriptRun;

/** What a script reads of the session and declares to it (GenieACS's {@code declare()} arguments). */
final class ScriptHost implements ScriptRun.Host {
    private final SessionView view;
    private final Resolver resolver;
    final List<Declare> declared = new ArrayList<>();
    private final List<List<String>> attributes = new ArrayList<>();

    ScriptHost(SessionView view, Resolver resolver) {
        this.view = view;
        this.resolver = resolver;
    }

    @Override
    public int declare(String pathText, Map<String, Object> timestamps, Map<String, Object> values) {
        Path path = Path.parse(pathText);
        long pathGet = 1;
        Optional<Declare.Count> pathSet = Optional.empty();
        Map<String, Long> get = new LinkedHashMap<>();
        Map<String, Object> set = new LinkedHashMap<>();
        List<String> readable = new ArrayList<>();
        for (Map.Entry<String, Object> v : values.entrySet()) {
            String attribute = v.getKey();
            if (attribute.equals("path")) {
                pathSet = count(v.getValue());
                continue;
            }
            readable.add(attribute);
            get.put(attribute, 1L);
            wanted(attribute, v.getValue()).ifPresent(w -> set.put(attribute, w));
        }
        for (Map.Entry<String, Object> t : timestamps.entrySet()) {
            long at = millis(t.getValue());
            if (at < 1) {
                continue;
            }
            if (t.getKey().equals("path")) {
                pathGet = at;
            } else {
                if (!readable.contains(t.getKey())) {
                    readable.add(t.getKey());
                }
                get.put(t.getKey(), at);
            }
        }
        declared.add(new Declare(path, pathGet, pathSet, get, set));
        attributes.add(readable);
        return declared.size() - 1;
    }

    @Override
    public void reset() {
        declared.clear();
        attributes.clear();
    }

    @Override
    public List<String> attributes(int declaration) {
        return attributes.get(declaration);
    }

    @Override
    public List<String> unpack(int declaration, Optional<String> concrete) {
        Path path = concrete.map(Path::parse).orElse(declared.get(declaration).path());
        return resolver.unpack(path);
    }

    @Override
    public Optional<Object> attribute(String path, String attribute) {
        Optional<ParameterAttributes> node = view.get(path);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        ParameterAttributes a = node.get();
        switch (attribute) {
            case "value":
                if (a.isObject() || a.value().isEmpty()) {
                    return Optional.empty();
                }
                Object v = a.value().get();
                return Optional.of(List.of(v instanceof Instant ? (Object) ((Instant) v).toEpochMilli() : v,
                        a.type().orElse("xsd:string")));
            case "writable":
                return a.writable().map(Object.class::cast);
            case "object":
                return a.object().map(Object.class::cast);
            case "notification":
                return a.notification().map(Object.class::cast);
            case "accessList":
                return a.accessList().map(Object.class::cast);
            default:
                return Optional.empty();
        }
    }

    @Override
    public void clear(String path, double timestamp, Optional<List<String>> attrs) {
        view.clear(Path.parse(path), (long) timestamp);
    }

    private static Optional<Declare.Count> count(Object v) {
        if (v instanceof Number) {
            int n = (int) Math.max(0, Math.min(((Number) v).doubleValue(), 10_000));
            return Optional.of(new Declare.Count(n, n));
        }
        if (v instanceof List && ((List<?>) v).size() == 2 && ((List<?>) v).get(0) instanceof Number
                && ((List<?>) v).get(1) instanceof Number) {
            int min = (int) Math.max(0, ((Number) ((List<?>) v).get(0)).doubleValue());
            int max = (int) Math.min(10_000, ((Number) ((List<?>) v).get(1)).doubleValue());
            return Optional.of(new Declare.Count(min, Math.max(min, max)));
        }
        throw new IllegalArgumentException("Invalid path value: an instance count is a number or [min, max]");
    }

    /** A declared value as the engine takes it: {@code v} or {@code [v, type]}. */
    private static Optional<Object> wanted(String attribute, Object v) {
        if (v == null) {
            return Optional.empty();
        }
        switch (attribute) {
            case "value": {
                if (v instanceof List) {
                    List<?> pair = (List<?>) v;
                    if (pair.isEmpty() || pair.get(0) == null) {
                        return Optional.empty();
                    }
                    Optional<String> type = pair.size() > 1 && pair.get(1) instanceof String
                            ? Optional.of((String) pair.get(1)) : Optional.empty();
                    return Optional.of(new Declare.Value(pair.get(0), type));
                }
                return Optional.of(new Declare.Value(v, Optional.empty()));
            }
            case "notification":
                return v instanceof Number ? Optional.of(((Number) v).intValue()) : Optional.empty();
            case "accessList":
                return v instanceof List ? Optional.of(((List<?>) v).stream().map(String::valueOf).toList())
                        : Optional.empty();
            default:
                return Optional.of(v);
        }
    }

    private static long millis(Object v) {
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? (long) d : 0;
        }
        if (v instanceof Instant) {
            return ((Instant) v).toEpochMilli();
        }
        return 0;
    }
}
