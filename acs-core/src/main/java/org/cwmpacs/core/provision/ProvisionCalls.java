package org.cwmpacs.core.provision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.expression.Values;
import org.cwmpacs.core.preset.PresetSource;
import org.cwmpacs.core.script.Json;
import org.cwmpacs.core.script.ScriptEngine;
import org.cwmpacs.core.script.ScriptFault;
import org.cwmpacs.core.script.ScriptRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs provisions (built-in or scripts) against the session and collects what they declare. Scripts are run
 * again from the top at every step, each with as many commits passing as it has been granted.
 */
final class ProvisionCalls {
    private static final Logger LOG = LoggerFactory.getLogger("cwmp");

    /** Why a provision cannot go on: its channel faults with this. */
    record Failure(String code, String message, Map<String, Object> detail) {
    }

    private final PresetSource.Snapshot snapshot;
    private final ScriptEngine engine;
    private final SessionView view;
    /** The session's extension results (none are run yet; see {@link #run}). */
    private final Map<String, Object> extensions = new HashMap<>();

    ProvisionCalls(PresetSource.Snapshot snapshot, ScriptEngine engine, SessionView view) {
        this.snapshot = snapshot;
        this.engine = engine;
        this.view = view;
    }

    /** Runs the calls of one channel; their declarations go to {@code out}. */
    Optional<Failure> run(List<ProvisionCall> calls, List<Declare> out, Resolver resolver) {
        for (ProvisionCall call : calls) {
            Optional<Failure> f = run(call, out, resolver);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private Optional<Failure> run(ProvisionCall call, List<Declare> out, Resolver resolver) {
        if (BuiltinProvisions.NAMES.contains(call.name())) {
            try {
                out.addAll(BuiltinProvisions.declarations(call.name(), call.args(), view.deviceId(), view.sessionTime(),
                        path -> count(call, path, resolver)));
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(new Failure("script.Error", e.getMessage(), Map.of("name", "Error", "message",
                        e.getMessage())));
            }
        }
        String script = snapshot.provisions().get(call.name());
        if (script == null) {
            return Optional.empty();
        }
        Host host;
        ScriptRun run;
        while (true) {
            host = new Host(resolver);
            run = new ScriptRun(call.name(), Json.write(jsArgs(call.args())), view.deviceId(), view.sessionTime(),
                    call.maxRevision, host, extensions);
            engine.run(call.name(), script, run);
            // a commit whose declarations need nothing from the CPE passes at once: the script goes on in this
            // step, and what it declares next joins the other provisions' requests
            if (run.status() != ScriptRun.Status.COMMIT || call.commits >= PresetRun.MAX_COMMITS
                    || !resolver.resolve(host.declared).isEmpty()) {
                break;
            }
            call.commits++;
            call.maxRevision++;
        }
        out.addAll(host.declared);
        for (String line : run.logs()) {
            LOG.info("{}: Script: {}", view.deviceId(), line);
        }
        call.stoppedAtCommit = run.status() == ScriptRun.Status.COMMIT;
        switch (run.status()) {
            case FAULT: {
                ScriptFault f = run.fault().orElseThrow();
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("name", f.name());
                detail.put("message", f.message());
                if (!f.stack().isEmpty()) {
                    detail.put("stack", f.stack());
                }
                return Optional.of(new Failure(f.code(), f.message(), detail));
            }
            case EXT: {
                String file = run.extensionCalls().values().stream().findFirst().map(a -> a.isEmpty() ? "" : a.get(0))
                        .orElse("");
                return Optional.of(new Failure("ext." + file, "Extensions are not available on this server yet ("
                        + call.name() + " calls ext(\"" + file + "\"); see docs/provisioning.md)", Map.of()));
            }
            default:
                return Optional.empty();
        }
    }

    /** The count a relative {@code instances} starts from: fixed once known, so that replays add no more. */
    private Optional<Integer> count(ProvisionCall call, Path path, Resolver resolver) {
        String key = path.toString();
        Integer known = call.counts.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        List<org.cwmpacs.core.engine.Declaration> needs = resolver.resolve(List.of(
                new Declare(path, 1, Optional.empty(), Map.of(), Map.of())));
        if (!needs.isEmpty()) {
            return Optional.empty();
        }
        int n = resolver.unpack(path).size();
        call.counts.put(key, n);
        return Optional.of(n);
    }

    /**
     * Grants one more commit to each provision that stopped at one.
     *
     * @param tooMany the channels of provisions past {@link PresetRun#MAX_COMMITS}
     * @return whether any provision is to run again
     */
    boolean nextRevision(Map<String, List<ProvisionCall>> chosen, Set<String> faulted, List<String> tooMany) {
        boolean again = false;
        for (Map.Entry<String, List<ProvisionCall>> e : chosen.entrySet()) {
            if (faulted.contains(e.getKey())) {
                continue;
            }
            for (ProvisionCall call : e.getValue()) {
                if (!call.stoppedAtCommit) {
                    continue;
                }
                call.stoppedAtCommit = false;
                if (++call.commits > PresetRun.MAX_COMMITS) {
                    tooMany.add(e.getKey());
                    break;
                }
                call.maxRevision++;
                again = true;
            }
        }
        return again;
    }

    private static List<Object> jsArgs(List<Object> args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            out.add(a == Values.NULL ? null : a);
        }
        return out;
    }

    /** What a script reads and declares. */
    private final class Host implements ScriptRun.Host {
        private final Resolver resolver;
        final List<Declare> declared = new ArrayList<>();
        private final List<List<String>> attributes = new ArrayList<>();

        Host(Resolver resolver) {
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
