package org.cwmpacs.core.script;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Value;

/**
 * One run of a script, with GenieACS's replay rules ({@code lib/sandbox.ts}): the script runs from the top
 * each time; the first {@code maxRevision} commits (explicit, or implied by reading a declared parameter)
 * pass, the next one stops the run so that the engine can do what was declared so far, and the script is
 * then run again with one more. {@code Date} is the session's time, {@code Math.random()} restarts from the
 * device's seed at every run, {@code ext()} results come from the session's cache, {@code log()} and
 * {@code clear()} count on the last replay only.
 */
public final class ScriptRun {
    /** What a script does with the device; implemented by the provisioning engine. */
    public interface Host {
        /**
         * Records a declaration.
         *
         * @param timestamps the script's timestamps object as Java values (maps, lists, doubles, ...)
         * @param values the script's values object likewise
         * @return its number in this run
         * @throws IllegalArgumentException for an invalid path or values; the script sees an Error
         */
        int declare(String path, Map<String, Object> timestamps, Map<String, Object> values);

        /** The attributes a declaration may be read for. */
        List<String> attributes(int declaration);

        /** The parameters a declaration (or one of its matches) matches now. */
        List<String> unpack(int declaration, Optional<String> concrete);

        /** An attribute of a parameter, as GenieACS gives it to scripts ({@code value} is {@code [v, type]}). */
        Optional<Object> attribute(String path, String attribute);

        void clear(String path, double timestamp, Optional<List<String>> attributes);

        /** Forgets what this run declared (the run starts over). */
        default void reset() {
        }
    }

    /** Thrown through the script to stop it: a commit to do, or an extension to call. */
    static final class Stop extends RuntimeException {
        final boolean extension;

        Stop(boolean extension) {
            super(extension ? "ext" : "commit", null, false, false);
            this.extension = extension;
        }
    }

    /** How the run ended. */
    public enum Status {
        /** Ran to the end (or returned). */
        DONE,
        /** Stopped at a commit: do what it declared so far, then run again with one more revision. */
        COMMIT,
        /** Stopped at an ext() call whose result is not known yet. */
        EXT,
        /** Threw, or was stopped at a limit. */
        FAULT
    }

    private final String name;
    private final String argumentsJson;
    private final String deviceId;
    private final long sessionMillis;
    private final int maxRevision;
    private final Host host;
    private final Map<String, Object> extensionCache;
    private int revision;
    private boolean uncommitted;
    private SeedRandom rng;
    private final Map<String, List<String>> extensionCalls = new LinkedHashMap<>();
    private final List<String> logs = new ArrayList<>();
    private Status status;
    private ScriptFault fault;
    private Optional<Object> returned = Optional.empty();
    private volatile String stopReason;

    /**
     * @param argumentsJson the script's {@code args}, as JSON
     * @param extensionCache the session's extension results, by call ({@code "<revision>: [file, fn, args…]"})
     */
    public ScriptRun(String name, String argumentsJson, String deviceId, Instant session, int maxRevision, Host host,
                     Map<String, Object> extensionCache) {
        this.name = name;
        this.argumentsJson = argumentsJson;
        this.deviceId = deviceId;
        this.sessionMillis = session.toEpochMilli();
        this.maxRevision = maxRevision;
        this.host = host;
        this.extensionCache = extensionCache;
    }

    public String name() {
        return name;
    }

    String argumentsJson() {
        return argumentsJson;
    }

    String deviceId() {
        return deviceId;
    }

    int maxRevision() {
        return maxRevision;
    }

    public Status status() {
        return status;
    }

    public Optional<ScriptFault> fault() {
        return Optional.ofNullable(fault);
    }

    /** The script's return value as JSON (virtual parameters return their value and writability). */
    public Optional<String> returnValue() {
        return returned.map(Json::write);
    }

    /** The script's return value as plain Java (maps, lists, doubles, texts, booleans, instants). */
    public Optional<Object> returned() {
        return returned;
    }

    /** The extension calls the run waits for: key → [file, function, args…]. */
    public Map<String, List<String>> extensionCalls() {
        return extensionCalls;
    }

    /** What the script logged in this run (each log() counts in the one replay where it is newest). */
    public List<String> logs() {
        return logs;
    }

    void returned(Optional<Object> value) {
        status = Status.DONE;
        returned = value;
    }

    void stopped(Stop stop) {
        status = stop.extension ? Status.EXT : Status.COMMIT;
    }

    void fault(ScriptFault f) {
        status = Status.FAULT;
        fault = f;
    }

    void stopBecause(String reason) {
        stopReason = reason;
    }

    Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** One call the script made, and what it got: a run is a function of these (see {@link Memo}). */
    record Step(String op, List<Object> args, Object result, String thrown) {
    }

    /** A whole run as its steps and outcome: replayed instead of run when every step gets the same answer. */
    record Memo(List<Step> steps, Status status, Optional<Object> returned, ScriptFault fault) {
    }

    /** Steps are recorded up to this many; a longer run is not kept. */
    private static final int MAX_STEPS = 5000;
    private List<Step> trace = new ArrayList<>();

    /** The one host function of the prelude: {@code call(op, ...)}. */
    Object call(Value[] a) {
        List<Object> args = new ArrayList<>(a.length - 1);
        for (int i = 1; i < a.length; i++) {
            args.add(JsValues.toJava(a[i]));
        }
        String op = a[0].asString();
        try {
            Object result = dispatch(op, args);
            record(new Step(op, args, result, null));
            return result;
        } catch (Stop | ScriptFault.Thrown e) {
            record(new Step(op, args, null, thrownKey(e)));
            throw e;
        }
    }

    private void record(Step step) {
        if (trace != null) {
            trace.add(step);
            if (trace.size() > MAX_STEPS) {
                trace = null;
            }
        }
    }

    private static String thrownKey(RuntimeException e) {
        return e instanceof Stop ? (((Stop) e).extension ? "ext" : "commit") : "error:" + e.getMessage();
    }

    /** The run as a memo, when it can be replayed: finished, or stopped by the script itself. */
    Optional<Memo> memo() {
        boolean limit = status == Status.FAULT && stopReason != null;
        if (trace == null || status == null || limit || (fault != null && fault.code().equals("script.Error")
                && fault.message().startsWith("the script ran more than"))) {
            return Optional.empty();
        }
        return Optional.of(new Memo(List.copyOf(trace), status, returned, fault));
    }

    /**
     * Replays a memo of an earlier run of the same script with the same arguments: each step is made again
     * against the session, and as long as every answer is the same as then, the script would do what it did
     * then (it is deterministic: everything it learns comes through these steps).
     *
     * @return false if an answer differs; the run (and its host) must then be reset and the script run
     */
    boolean replay(Memo memo) {
        for (Step step : memo.steps()) {
            Object result = null;
            String thrown = null;
            try {
                result = dispatch(step.op(), step.args());
            } catch (Stop | ScriptFault.Thrown e) {
                thrown = thrownKey(e);
            }
            if (!java.util.Objects.equals(thrown, step.thrown()) || !java.util.Objects.equals(result, step.result())) {
                return false;
            }
        }
        status = memo.status();
        returned = memo.returned();
        fault = memo.fault();
        return true;
    }

    /** Back to before the run (after a replay that did not hold). */
    void reset() {
        revision = 0;
        uncommitted = false;
        rng = null;
        extensionCalls.clear();
        logs.clear();
        status = null;
        fault = null;
        returned = Optional.empty();
        trace = new ArrayList<>();
        host.reset();
    }

    private Object dispatch(String op, List<Object> a) {
        switch (op) {
            case "now":
                return (double) sessionMillis;
            case "dateNow":
                return (double) dateNow(a.size() > 0 ? a.get(0) : null, a.size() > 1 ? a.get(1) : null);
            case "random":
                if (rng == null) {
                    rng = new SeedRandom(deviceId);
                }
                return rng.nextDouble();
            case "declare": {
                uncommitted = true;
                try {
                    return host.declare(String.valueOf(a.get(0)), object(a.get(1)), object(a.get(2)));
                } catch (IllegalArgumentException e) {
                    throw ScriptFault.error("Error", e.getMessage());
                }
            }
            case "attributes":
                return Json.write(host.attributes(integer(a.get(0))));
            case "attribute":
            case "path":
            case "size":
            case "unpack":
                return read(op, integer(a.get(0)), a.get(1) == null ? Optional.empty()
                        : Optional.of(String.valueOf(a.get(1))), a.size() > 2 ? String.valueOf(a.get(2)) : "");
            case "clear":
                uncommitted = true;
                if (revision == maxRevision) {
                    Object attributes = a.size() > 2 ? a.get(2) : null;
                    double t = a.get(1) instanceof Number ? ((Number) a.get(1)).doubleValue() : Double.NaN;
                    host.clear(String.valueOf(a.get(0)), t, attributes instanceof List
                            ? Optional.of(((List<?>) attributes).stream().map(String::valueOf).toList())
                            : Optional.empty());
                }
                return null;
            case "commit":
                commit();
                return null;
            case "ext":
                return ext(String.valueOf(a.get(0)));
            case "log":
                if (revision == maxRevision) {
                    logs.add(String.valueOf(a.get(0)));
                }
                return null;
            default:
                throw new IllegalStateException("unknown script operation " + op);
        }
    }

    private static int integer(Object v) {
        return ((Number) v).intValue();
    }

    private Object read(String op, int id, Optional<String> concrete, String attribute) {
        if (uncommitted) {
            commit();
        }
        List<String> matches = host.unpack(id, concrete);
        switch (op) {
            case "unpack":
                return Json.write(matches);
            case "size":
                return matches.isEmpty() ? null : Json.write(matches.size());
            case "path":
                return matches.isEmpty() ? null : Json.write(matches.get(0));
            default:
                return matches.isEmpty() ? null : host.attribute(matches.get(0), attribute).map(Json::write).orElse(null);
        }
    }

    private void commit() {
        revision++;
        uncommitted = false;
        if (revision == maxRevision + 1) {
            throw new Stop(false);
        }
        if (revision > maxRevision + 1) {
            throw ScriptFault.error("Error", "Declare function should not be called from within a try/catch block");
        }
    }

    private Object ext(String argsJson) {
        String key = revision + ": " + argsJson;
        if (extensionCache.containsKey(key)) {
            Object cached = extensionCache.get(key);
            return cached == null ? null : Json.write(cached);
        }
        extensionCalls.put(key, Json.readStrings(argsJson));
        throw new Stop(true);
    }

    private long dateNow(Object intervalOrCron, Object variance) {
        if (intervalOrCron == null) {
            return sessionMillis;
        }
        double v = variance instanceof Number ? ((Number) variance).doubleValue() : Double.NaN;
        if (intervalOrCron instanceof Number) {
            double interval = ((Number) intervalOrCron).doubleValue();
            double spread = variance == null ? interval : v;
            long offset = spread != 0 && !Double.isNaN(spread) ? Scheduling.variance(deviceId, (long) spread) : 0;
            return Scheduling.interval(sessionMillis, (long) interval, offset);
        }
        if (intervalOrCron instanceof String) {
            long offset = variance != null && v != 0 && !Double.isNaN(v) ? Scheduling.variance(deviceId, (long) v) : 0;
            Cron cron;
            try {
                cron = Cron.parse((String) intervalOrCron);
            } catch (IllegalArgumentException e) {
                throw ScriptFault.error("Error", "Invalid cron expression: " + e.getMessage());
            }
            return Scheduling.cron(sessionMillis, cron, offset);
        }
        boolean truthy = !(intervalOrCron instanceof Boolean b && !b);
        if (truthy) {
            throw ScriptFault.error("Error", "Invalid Date.now() argument");
        }
        return sessionMillis;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }
}
