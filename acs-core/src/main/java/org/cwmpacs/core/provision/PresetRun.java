package org.cwmpacs.core.provision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.cwmpacs.core.engine.Declaration;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.Values;
import org.cwmpacs.core.preset.Preset;
import org.cwmpacs.core.preset.PresetSource;
import org.cwmpacs.core.preset.Presets;
import org.cwmpacs.core.script.ScriptEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presets of one session, run as GenieACS runs them ({@code lib/cwmp.ts#applyPresets}): the parameters
 * preconditions and arguments name are read first if not known; the presets whose precondition holds give
 * their provisions, by channel, in weight order; the provisions run (scripts replayed until settled) and the
 * engine does what they declare; when that changed the device, the presets are evaluated again, at most
 * {@value #MAX_CYCLES} times, then the channels fault {@code preset_loop}. A channel that faults stops; the
 * others go on.
 */
public final class PresetRun {
    private static final Logger LOG = LoggerFactory.getLogger("cwmp");
    public static final int MAX_CYCLES = 4;
    /** Commits one provision may make in one session (GenieACS: 32 read and write phases, twice). */
    public static final int MAX_COMMITS = 64;

    /** Where the outcome of each channel goes (the session driver's faults). */
    public interface Channels {
        void fault(String channel, String code, String message, Map<String, Object> detail,
                   List<List<Object>> provisions);

        void done(String channel);
    }

    private final PresetSource.Snapshot snapshot;
    private final List<Preset> candidates;
    private final SessionView view;
    private final ProvisionCalls calls;
    private final Channels channels;
    private final Set<String> faulted = new HashSet<>();
    private final Set<String> reportedUnknown = new HashSet<>();
    /** The channels and their provisions chosen in this cycle; empty while preconditions are read. */
    private Map<String, List<ProvisionCall>> chosen;
    private int cycle = 1;
    /** A task's provisions: run once to completion, no presets. */
    private final boolean fixed;
    private long changesAtCycleStart;
    private final Set<String> touched = new HashSet<>();
    /** The channels whose declarations the last step gave the planner. */
    private Set<String> active = Set.of();

    /**
     * @param sessionEvents the session's events as presets name them ({@code 0_BOOTSTRAP}, {@code Inform},
     *     {@code Registered}, ...)
     * @param channelAllowed whether a channel may run now (not waiting for a fault's retry)
     */
    public PresetRun(PresetSource.Snapshot snapshot, ScriptEngine engine, SessionView view, Set<String> sessionEvents,
                     Predicate<String> channelAllowed, Channels channels,
                     Optional<org.cwmpacs.core.script.Extensions> extensions) {
        this.snapshot = snapshot;
        this.view = view;
        this.channels = channels;
        this.candidates = Presets.applicable(snapshot.presets(), sessionEvents, view.sessionTime(), channelAllowed);
        this.calls = new ProvisionCalls(snapshot, engine, view, extensions);
        this.changesAtCycleStart = view.tree().modifications();
        this.fixed = false;
    }

    private PresetRun(PresetSource.Snapshot snapshot, ScriptEngine engine, SessionView view, String channel,
                      List<List<Object>> provisions, Channels channels,
                      Optional<org.cwmpacs.core.script.Extensions> extensions) {
        this.snapshot = snapshot;
        this.view = view;
        this.channels = channels;
        this.candidates = List.of();
        this.calls = new ProvisionCalls(snapshot, engine, view, extensions);
        this.fixed = true;
        List<ProvisionCall> list = new ArrayList<>();
        for (List<Object> p : provisions) {
            List<Object> args = new ArrayList<>();
            for (Object a : p.subList(1, p.size())) {
                args.add(a == null ? Values.NULL : a instanceof Number ? (Object) ((Number) a).doubleValue() : a);
            }
            list.add(new ProvisionCall(String.valueOf(p.get(0)), args));
        }
        this.chosen = new LinkedHashMap<>(Map.of(channel, list));
    }

    /** A task's {@code provisions} (or a task GenieACS runs as provisions), on the task's channel. */
    public static PresetRun forTask(PresetSource.Snapshot snapshot, ScriptEngine engine, SessionView view,
                                    String channel, List<List<Object>> provisions, Channels channels,
                                    Optional<org.cwmpacs.core.script.Extensions> extensions) {
        return new PresetRun(snapshot, engine, view, channel, provisions, channels, extensions);
    }

    /** Whether any channel faulted. */
    public boolean faulted() {
        return !faulted.isEmpty();
    }

    /** Whether any preset may apply (no work at all otherwise). */
    public boolean hasWork() {
        return fixed || !candidates.isEmpty();
    }

    /** The channels whose work is in the planner now: a CPE fault is theirs. */
    public Set<String> activeChannels() {
        return active;
    }

    /** The planner's work for this step (runs the provisions again against what the session knows now). */
    public List<Declaration> declarations(Resolver resolver) {
        if (chosen == null) {
            active = new HashSet<>();
            List<Declare> reads = new ArrayList<>();
            for (Preset p : candidates) {
                if (faulted.contains(p.channel())) {
                    continue;
                }
                active.add(p.channel());
                for (String path : ExpressionParameters.of(p)) {
                    reads.add(Declare.get(Path.parse(path), List.of("value")));
                }
            }
            return resolver.resolve(reads);
        }
        List<Declare> all = new ArrayList<>();
        Set<String> nowActive = new HashSet<>();
        for (Map.Entry<String, List<ProvisionCall>> e : chosen.entrySet()) {
            String channel = e.getKey();
            if (faulted.contains(channel)) {
                continue;
            }
            List<Declare> mine = new ArrayList<>();
            Optional<ProvisionCalls.Failure> failure = calls.run(e.getValue(), mine, resolver);
            if (failure.isPresent()) {
                fail(channel, failure.get().code(), failure.get().message(), failure.get().detail());
                continue;
            }
            if (!mine.isEmpty()) {
                nowActive.add(channel);
                touched.add(channel);
            }
            all.addAll(mine);
        }
        active = nowActive;
        return resolver.resolve(all);
    }

    /**
     * The planner has nothing to do for the last declarations: go on to the next phase.
     *
     * @return false when the presets are done for this session
     */
    public boolean advance() {
        if (chosen == null) {
            choose();
            return !chosen.isEmpty();
        }
        List<String> tooMany = new ArrayList<>();
        boolean replay = calls.nextRevision(chosen, faulted, tooMany);
        for (String channel : tooMany) {
            fail(channel, "too_many_commits", "Too many commit iterations", Map.of());
        }
        if (replay) {
            return true;
        }
        long changes = view.tree().modifications();
        if (changes == changesAtCycleStart || fixed) {
            finish();
            return false;
        }
        if (cycle >= MAX_CYCLES) {
            for (String channel : new ArrayList<>(chosen.keySet())) {
                if (!faulted.contains(channel)) {
                    fail(channel, "preset_loop", "The presets are stuck in an endless configuration loop", Map.of());
                }
            }
            return false;
        }
        cycle++;
        changesAtCycleStart = changes;
        chosen = null;
        return true;
    }

    /** The CPE (or the ACS) refused work of the active channels. */
    public void failActive(String code, String message, Map<String, Object> detail) {
        for (String channel : new ArrayList<>(active)) {
            fail(channel, code, message, detail);
        }
        active = Set.of();
    }

    /** The session ends with the presets unfinished. */
    public void terminated(String message) {
        for (String channel : new ArrayList<>(active)) {
            fail(channel, "session_terminated", message, Map.of());
        }
    }

    private void fail(String channel, String code, String message, Map<String, Object> detail) {
        if (faulted.add(channel)) {
            channels.fault(channel, code, message, detail, provisionsOf(channel));
        }
    }

    private void finish() {
        Set<String> all = new HashSet<>(touched);
        if (chosen != null) {
            all.addAll(chosen.keySet());
        }
        for (String channel : all) {
            if (!faulted.contains(channel)) {
                channels.done(channel);
            }
        }
    }

    private List<List<Object>> provisionsOf(String channel) {
        List<List<Object>> out = new ArrayList<>();
        if (chosen != null && chosen.containsKey(channel)) {
            for (ProvisionCall c : chosen.get(channel)) {
                List<Object> p = new ArrayList<>();
                p.add(c.name());
                c.args().forEach(a -> p.add(a == Values.NULL ? null : a));
                out.add(p);
            }
        }
        return out;
    }

    /** Evaluates preconditions and arguments now that their parameters are known. */
    private void choose() {
        Evaluator evaluator = new Evaluator(view::expressionValue, view.sessionTime().toEpochMilli());
        Map<String, List<ProvisionCall>> byChannel = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Preset p : candidates) {
            if (faulted.contains(p.channel()) || !evaluator.holds(p.precondition())) {
                continue;
            }
            for (Preset.Provision provision : p.provisions()) {
                List<Object> args = new ArrayList<>();
                for (Expr a : provision.args()) {
                    args.add(evaluator.evaluate(a));
                }
                if (!BuiltinProvisions.NAMES.contains(provision.name())
                        && !snapshot.provisions().containsKey(provision.name())) {
                    if (reportedUnknown.add(provision.name())) {
                        LOG.warn("{}: preset {} names provision \"{}\", which is not stored; skipped (as GenieACS "
                                + "skips it)", view.deviceId(), p.id(), provision.name());
                    }
                    continue;
                }
                ProvisionCall call = new ProvisionCall(provision.name(), args);
                // the same provision with the same arguments runs once, in its first channel (as GenieACS)
                if (seen.add(call.key())) {
                    byChannel.computeIfAbsent(p.channel(), k -> new ArrayList<>()).add(call);
                }
            }
        }
        chosen = byChannel;
        if (chosen.isEmpty()) {
            finish();
        }
    }
}
