package org.cwmpacs.core.provision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.ParameterValues;
import org.cwmpacs.core.preset.PresetSource;
import org.cwmpacs.core.script.Json;
import org.cwmpacs.core.script.ScriptEngine;
import org.cwmpacs.core.script.ScriptRun;

/**
 * GenieACS's virtual parameters ({@code VirtualParameters.<name>}): computed by their script when declared
 * and stale, or set when declared with another value (the script gets it as {@code args[1].value}); the
 * result is kept in the device like a real parameter. Their scripts run with the same replay rules as
 * provisions, and what they declare joins the session's work; they may declare each other, {@value #MAX_DEPTH}
 * deep at most.
 */
final class VirtualParameters {
    static final int MAX_DEPTH = 8;
    private static final Set<String> TYPES = Set.of("xsd:int", "xsd:unsignedInt", "xsd:boolean", "xsd:string",
            "xsd:dateTime", "xsd:base64", "xsd:hexBinary");

    private final PresetSource.Snapshot snapshot;
    private final ScriptEngine engine;
    private final SessionView view;
    private final ExtensionCalls extensions;
    /** Runs started in this session: kept going until what they declared is done. */
    private final Map<String, Call> calls = new LinkedHashMap<>();

    private static final class Call {
        final String name;
        final Map<String, Object> declaredTimestamps;
        final Map<String, Object> declaredValues;
        final ScriptSteps.Revisions revisions = new ScriptSteps.Revisions();
        boolean settled;
        /** Past the commit limit: what declares it next faults. */
        boolean tooManyCommits;

        Call(String name, Map<String, Object> declaredTimestamps, Map<String, Object> declaredValues) {
            this.name = name;
            this.declaredTimestamps = declaredTimestamps;
            this.declaredValues = declaredValues;
        }
    }

    VirtualParameters(PresetSource.Snapshot snapshot, ScriptEngine engine, SessionView view,
                      ExtensionCalls extensions) {
        this.snapshot = snapshot;
        this.engine = engine;
        this.view = view;
        this.extensions = extensions;
    }

    /**
     * Runs the virtual parameters these declarations need; what their scripts declare is added to
     * {@code out} (and handled the same way, one level deeper).
     */
    Optional<ProvisionCalls.Failure> handle(List<Declare> declared, List<Declare> out, Resolver resolver, int depth) {
        List<Declare> more = new ArrayList<>();
        for (Declare d : declared) {
            if (d.path().length() != 2 || !(d.path().get(0) instanceof Path.Name root)
                    || !root.name().equals("VirtualParameters")) {
                continue;
            }
            for (String name : names(d.path().get(1))) {
                Optional<Call> call = needed(name, d);
                if (call.isEmpty()) {
                    continue;
                }
                if (depth >= MAX_DEPTH) {
                    return Optional.of(new ProvisionCalls.Failure("deeply_nested_vparams",
                            "Virtual parameters are nested more than " + MAX_DEPTH + " deep", Map.of()));
                }
                Optional<ProvisionCalls.Failure> f = run(call.get(), more, resolver);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        if (!more.isEmpty()) {
            out.addAll(more);
            return handle(more, out, resolver, depth + 1);
        }
        return Optional.empty();
    }

    private List<String> names(Path.Segment segment) {
        if (segment instanceof Path.Name n) {
            return snapshot.virtualParameters().containsKey(n.name()) ? List.of(n.name()) : List.of();
        }
        if (segment instanceof Path.Wildcard) {
            return new ArrayList<>(new TreeSet<>(snapshot.virtualParameters().keySet()));
        }
        return List.of();
    }

    /** The run this declaration needs now: a started one not settled, or a new one when stale or different. */
    private Optional<Call> needed(String name, Declare d) {
        Map<String, Object> timestamps = new LinkedHashMap<>();
        d.attrGet().forEach((k, v) -> timestamps.put(k, (double) v));
        Map<String, Object> values = new LinkedHashMap<>();
        Object wanted = d.attrSet().get("value");
        if (wanted instanceof Declare.Value v) {
            List<Object> pair = new ArrayList<>();
            pair.add(v.value());
            v.type().ifPresent(pair::add);
            values.put("value", pair);
        }
        String key = name + Json.write(values);
        Call started = calls.get(key);
        if (started != null) {
            return started.settled && !started.tooManyCommits ? Optional.empty() : Optional.of(started);
        }
        Optional<ParameterAttributes> current = view.tree().get("VirtualParameters." + name);
        boolean stale = d.attrGet().entrySet().stream().anyMatch(e -> {
            Instant fresh = view.fresh(e.getValue());
            return current.flatMap(ParameterAttributes::timestamp).filter(t -> !t.isBefore(fresh)).isEmpty()
                    || (e.getKey().equals("writable") && current.get().writable().isEmpty());
        });
        boolean differs = wanted instanceof Declare.Value v && current.flatMap(ParameterAttributes::value).map(
                stored -> !ParameterValues.sameValue(v.value(), stored, current.get().type().orElse("xsd:string")))
                .orElse(true);
        if (!stale && !differs) {
            return Optional.empty();
        }
        if (stale && differs && wanted != null) {
            // the current value is learned first; the set is decided on the next step
            values = Map.of();
            key = name + "{}";
            if (calls.containsKey(key)) {
                Call c = calls.get(key);
                return c.settled ? Optional.empty() : Optional.of(c);
            }
        }
        Call call = new Call(name, timestamps, values);
        calls.put(key, call);
        return Optional.of(call);
    }

    private Optional<ProvisionCalls.Failure> run(Call call, List<Declare> out, Resolver resolver) {
        if (call.tooManyCommits) {
            call.settled = true;
            call.tooManyCommits = false;
            return Optional.of(new ProvisionCalls.Failure("too_many_commits", "Too many commit iterations of "
                    + "VirtualParameters." + call.name, Map.of()));
        }
        String path = "VirtualParameters." + call.name;
        Optional<ParameterAttributes> current = view.tree().get(path);
        Map<String, Object> currentTimestamps = new LinkedHashMap<>();
        Map<String, Object> currentValues = new LinkedHashMap<>();
        current.flatMap(ParameterAttributes::timestamp).ifPresent(t -> currentTimestamps.put("value", t.toEpochMilli()));
        current.flatMap(ParameterAttributes::value).ifPresent(v -> currentValues.put("value", List.of(
                v instanceof Instant ? (Object) ((Instant) v).toEpochMilli() : v, current.get().type().orElse("xsd:string"))));
        current.flatMap(ParameterAttributes::writable).ifPresent(w -> currentValues.put("writable", w));
        String args = Json.write(List.of(call.declaredTimestamps, call.declaredValues, currentTimestamps, currentValues));
        ScriptSteps.Outcome step = ScriptSteps.step(engine, "virtualParameters/" + call.name,
                snapshot.virtualParameters().get(call.name), call.revisions,
                (host, revision) -> new ScriptRun(path, args, view.deviceId(), view.sessionTime(), revision, host,
                        extensions.results()),
                view, resolver, extensions, (declared, all) -> Optional.empty(), () -> false);
        out.addAll(step.declared());
        if (step.failure().isPresent()) {
            return step.failure();
        }
        ScriptRun run = step.run();
        if (run.status() == ScriptRun.Status.COMMIT) {
            // granted by the provisions' next step (see ProvisionCalls#nextRevision)
            pendingCommit.add(call);
            return Optional.empty();
        }
        Optional<String> problem = apply(path, call, run.returned().orElse(null));
        if (problem.isPresent()) {
            return Optional.of(new ProvisionCalls.Failure("script", problem.get(), Map.of()));
        }
        call.settled = resolver.resolve(step.declared()).isEmpty();
        return Optional.empty();
    }

    private final Set<Call> pendingCommit = new java.util.LinkedHashSet<>();

    /** Whether a virtual parameter's script waits for a commit. */
    boolean waiting() {
        return !pendingCommit.isEmpty();
    }

    /** Grants one more commit to the runs that stopped at one; whether any did. */
    boolean nextRevision() {
        boolean any = !pendingCommit.isEmpty();
        for (Call c : pendingCommit) {
            if (!c.revisions.grant(view.maxCommits())) {
                c.tooManyCommits = true;
            }
        }
        pendingCommit.clear();
        return any;
    }

    /** Stores what the script returned: {@code {value: v | [v, type], writable: bool}}. */
    private Optional<String> apply(String path, Call call, Object returned) {
        if (!(returned instanceof Map<?, ?> result)) {
            return Optional.of("Invalid virtual parameter return value: " + path + " must return an object with "
                    + "value (and writable)");
        }
        Object value = result.get("value");
        boolean wantsValue = call.declaredTimestamps.containsKey("value") || call.declaredValues.containsKey("value");
        boolean wantsWritable = call.declaredTimestamps.containsKey("writable");
        if ((wantsValue && value == null) || (wantsWritable && !(result.get("writable") instanceof Boolean))) {
            return Optional.of("Invalid virtual parameter value attribute: " + path + " returned no "
                    + (wantsValue && value == null ? "value" : "writable"));
        }
        ParameterAttributes node = view.tree().get(path).orElse(ParameterAttributes.NONE);
        if (result.get("writable") instanceof Boolean w) {
            node = node.withWritable(w);
        }
        if (value != null) {
            Object v = value;
            String type;
            if (value instanceof List<?> pair && !pair.isEmpty()) {
                v = pair.get(0);
                type = pair.size() > 1 ? String.valueOf(pair.get(1)) : inferType(v);
            } else {
                type = inferType(v);
            }
            if (!TYPES.contains(type) || v == null) {
                return Optional.of("Invalid virtual parameter value attribute: " + path + " returned type " + type);
            }
            Optional<Object> typed = ParameterValues.convert(v, type);
            if (typed.isEmpty()) {
                return Optional.of("Invalid virtual parameter value attribute: " + path + " returned \"" + v
                        + "\", which is not " + type);
            }
            Object stored = typed.get() instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE
                    ? (Object) l.intValue() : typed.get();
            node = node.withValue(stored, type, view.sessionTime());
        }
        view.tree().ensureParents(path);
        view.tree().put(path, node);
        return Optional.empty();
    }

    private static String inferType(Object v) {
        if (v instanceof Boolean) {
            return "xsd:boolean";
        }
        if (v instanceof Number) {
            return "xsd:int";
        }
        if (v instanceof Instant) {
            return "xsd:dateTime";
        }
        return "xsd:string";
    }
}
