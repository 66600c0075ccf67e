package org.cwmpacs.core.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        /** GenieACS's fault of a script: its code and message, detail {name, message, stack}. */
        static Failure of(ScriptFault f) {
            Map<String, Object> detail = new LinkedHashMap<>();
            if (!f.name().isEmpty()) {
                detail.put("name", f.name());
                detail.put("message", f.message());
            }
            if (!f.stack().isEmpty()) {
                detail.put("stack", f.stack());
            }
            return new Failure(f.code(), f.message(), detail);
        }
    }

    private final PresetSource.Snapshot snapshot;
    private final ScriptEngine engine;
    private final SessionView view;
    private final ExtensionCalls extensions;
    private final java.util.Set<String> unknown = new java.util.HashSet<>();

    private final VirtualParameters virtualParameters;

    ProvisionCalls(PresetSource.Snapshot snapshot, ScriptEngine engine, SessionView view,
                   Optional<org.cwmpacs.core.script.Extensions> extensions) {
        this.snapshot = snapshot;
        this.engine = engine;
        this.view = view;
        this.extensions = new ExtensionCalls(extensions);
        this.virtualParameters = new VirtualParameters(snapshot, engine, view, this.extensions);
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
                List<Declare> declared = BuiltinProvisions.declarations(call.name(), call.args(), view.deviceId(),
                        view.sessionTime(), path -> count(call, path, resolver));
                out.addAll(declared);
                return virtualParameters.handle(declared, out, resolver, 0);
            } catch (IllegalArgumentException e) {
                return Optional.of(new Failure("script.Error", e.getMessage(), Map.of("name", "Error", "message",
                        e.getMessage())));
            }
        }
        String script = snapshot.provisions().get(call.name());
        if (script == null) {
            // GenieACS skips a provision it does not know; the operator should hear of it once
            if (unknown.add(call.name())) {
                LOG.warn("{}: provision \"{}\" is neither built in nor stored; skipped", view.deviceId(), call.name());
            }
            return Optional.empty();
        }
        ScriptSteps.Outcome step = ScriptSteps.step(engine, call.name(), script, call.revisions,
                (host, revision) -> new ScriptRun(call.name(), Json.write(jsArgs(call.args())), view.deviceId(),
                        view.sessionTime(), revision, host, extensions.results()),
                view, resolver, extensions, (declared, all) -> virtualParameters.handle(declared, all, resolver, 0),
                virtualParameters::waiting);
        out.addAll(step.declared());
        for (String line : step.run().logs()) {
            LOG.info("{}: Script: {}", view.deviceId(), ellipsis(line));
        }
        call.stoppedAtCommit = step.failure().isEmpty() && step.run().status() == ScriptRun.Status.COMMIT;
        return step.failure();
    }

    /** A log line of a script, at most 2,000 characters (a script may log anything it builds). */
    private static String ellipsis(String line) {
        return line.length() <= 2000 ? line : line.substring(0, 2000) + "… (" + line.length() + " characters)";
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
     * @param tooMany the channels of provisions past {@link SessionView#maxCommits}
     * @return whether any provision is to run again
     */
    boolean nextRevision(Map<String, List<ProvisionCall>> chosen, Set<String> faulted, List<String> tooMany) {
        boolean again = virtualParameters.nextRevision();
        for (Map.Entry<String, List<ProvisionCall>> e : chosen.entrySet()) {
            if (faulted.contains(e.getKey())) {
                continue;
            }
            for (ProvisionCall call : e.getValue()) {
                if (!call.stoppedAtCommit) {
                    continue;
                }
                call.stoppedAtCommit = false;
                if (!call.revisions.grant(view.maxCommits())) {
                    tooMany.add(e.getKey());
                    break;
                }
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

}
