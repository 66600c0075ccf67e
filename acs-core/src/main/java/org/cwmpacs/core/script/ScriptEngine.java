package org.cwmpacs.core.script;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs provision and virtual-parameter scripts: one shared GraalJS engine (scripts are parsed once per
 * text), a pool of sandboxed contexts reused across runs (a context costs milliseconds to make; a run
 * costs well under one), and a watchdog that stops a run past its {@link ScriptLimits}. Contexts use
 * GraalJS's CONSTRAINED sandbox (no Java, files, network, threads, processes or other languages). As in
 * GenieACS, whose scripts share one context, globals a script leaves are removed before the next run and
 * {@code Math.random} is put back; built-in prototypes are shared (freezing them would break scripts that
 * set an error's {@code name}). A context that faulted is not reused, and none serves more than
 * {@value #RUNS_PER_CONTEXT} runs.
 */
public final class ScriptEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptEngine.class);
    /** The parameters a script is called with: GenieACS's globals. */
    static final String PARAMETERS = "args, declare, clear, commit, ext, log, Date";
    static final int RUNS_PER_CONTEXT = 1000;

    private final Engine engine;
    private final ScriptLimits limits;
    private final ConcurrentLinkedQueue<Sandbox> idle = new ConcurrentLinkedQueue<>();
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;
    private final Map<Sandbox, Watch> running = new ConcurrentHashMap<>();
    private final com.sun.management.ThreadMXBean threads;
    /** Memos of recent runs, by {@link #memoKey}: replaying one costs a fraction of running the script. */
    private final Map<String, ScriptRun.Memo> memos = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ScriptRun.Memo> eldest) {
                    return size() > MEMOS;
                }
            });
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder replays = new java.util.concurrent.atomic.LongAdder();
    /** Memos kept: a few per device of a large fleet's busiest part. */
    static final int MEMOS = 20_000;

    /** A context and what it has compiled. */
    private final class Sandbox {
        final Context context;
        final Value runner;
        final Map<Source, Value> functions = new ConcurrentHashMap<>();
        ScriptRun current;
        int runs;

        Sandbox() {
            context = Context.newBuilder("js").engine(engine).sandbox(SandboxPolicy.CONSTRAINED)
                    .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                    .resourceLimits(ResourceLimits.newBuilder().statementLimit(limits.statements(), null).build())
                    .build();
            Value prelude = context.eval(PRELUDE);
            runner = prelude.execute((ProxyExecutable) args -> current.call(args));
        }
    }

    private record Watch(Thread thread, long cpuStart, long allocationStart, long wallStart, ScriptRun run) {
    }

    public ScriptEngine(ScriptLimits limits) {
        this.limits = limits;
        this.engine = Engine.newBuilder("js").sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false").build();
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        this.threads = bean instanceof com.sun.management.ThreadMXBean ? (com.sun.management.ThreadMXBean) bean : null;
        if (threads != null) {
            if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
                threads.setThreadCpuTimeEnabled(true);
            }
            if (threads.isThreadAllocatedMemorySupported() && !threads.isThreadAllocatedMemoryEnabled()) {
                threads.setThreadAllocatedMemoryEnabled(true);
            }
        }
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "script-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::watch, 10, 10, TimeUnit.MILLISECONDS);
    }

    public ScriptLimits limits() {
        return limits;
    }

    /**
     * Runs a script once with {@code run}'s state; the outcome is in {@code run}. The caller's thread runs
     * it (a worker, never the event loop).
     *
     * @param name the provision's name (in stack traces)
     * @param text the script as stored
     */
    public void run(String name, String text, ScriptRun run) {
        Source source = sources.computeIfAbsent(name + "\n" + text, k -> Source.newBuilder("js",
                "(function(" + PARAMETERS + ") {\"use strict\";\n" + text + "\n})", name + ".js").cached(true)
                .buildLiteral());
        if (sources.size() > 10_000) {
            // scripts edited again and again: forget old texts rather than grow without end
            sources.clear();
        }
        String memoKey = memoKey(name, text, run);
        ScriptRun.Memo memo = memos.get(memoKey);
        if (memo != null) {
            if (run.replay(memo)) {
                replays.increment();
                return;
            }
            run.reset();
        }
        execute(source, run);
        run.memo().ifPresent(m -> memos.put(memoKey, m));
    }

    /** Runs that were replayed from a memo instead of run (for benchmarks and tests). */
    public long replays() {
        return replays.sum();
    }

    /**
     * Which memo a run may replay: the same script text and arguments for the same device, at the same
     * revision. The text is digested so that keys stay small.
     */
    private String memoKey(String name, String text, ScriptRun run) {
        String digest = digests.computeIfAbsent(text, ScriptEngine::sha256);
        if (digests.size() > 10_000) {
            digests.clear();
        }
        return name + "\n" + digest + "\n" + run.deviceId() + "\n" + run.maxRevision() + "\n" + run.argumentsJson();
    }

    private static String sha256(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(Source source, ScriptRun run) {
        Sandbox sandbox = idle.poll();
        if (sandbox == null) {
            sandbox = new Sandbox();
        }
        boolean reusable = true;
        try {
            Value function;
            try {
                function = sandbox.functions.computeIfAbsent(source, sandbox.context::eval);
            } catch (PolyglotException e) {
                run.fault(ScriptFault.of(e, "SyntaxError"));
                reusable = !e.isCancelled() && !e.isResourceExhausted();
                return;
            }
            sandbox.current = run;
            sandbox.context.resetLimits();
            Thread me = Thread.currentThread();
            running.put(sandbox, new Watch(me, currentCpu(), currentAllocated(), System.nanoTime(), run));
            try {
                Value result = sandbox.runner.execute(function, run.argumentsJson());
                run.returned(result.isNull() ? Optional.empty() : Optional.ofNullable(JsValues.toJava(result)));
            } finally {
                running.remove(sandbox);
                sandbox.current = null;
            }
        } catch (PolyglotException e) {
            reusable = handle(e, run);
        } catch (IllegalStateException e) {
            // the watchdog closed the context while it was being entered
            run.fault(new ScriptFault("script.Error", "Error", run.stopReason().orElse(e.getMessage()), ""));
            reusable = false;
        } finally {
            if (reusable && ++sandbox.runs < RUNS_PER_CONTEXT && run.status() != ScriptRun.Status.FAULT
                    && idle.size() < 64) {
                idle.add(sandbox);
            } else {
                closeQuietly(sandbox);
            }
        }
    }

    /** @return whether the context can be used again */
    private boolean handle(PolyglotException e, ScriptRun run) {
        if (e.isHostException()) {
            Throwable host = e.asHostException();
            if (host instanceof ScriptRun.Stop) {
                // commit() or ext(): the engine does the work and runs the script again
                run.stopped((ScriptRun.Stop) host);
                return true;
            }
            if (host instanceof ScriptFault.Thrown) {
                run.fault(((ScriptFault.Thrown) host).fault());
                return true;
            }
            LOG.error("script {}: the ACS failed while running it", run.name(), host);
            run.fault(new ScriptFault("script.Error", "Error", "the ACS failed while running the script: " + host, ""));
            return true;
        }
        if (run.stopReason().isPresent()) {
            run.fault(new ScriptFault("script.Error", "Error", run.stopReason().get(), ""));
            return false;
        }
        if (e.isResourceExhausted() || e.isCancelled()) {
            run.fault(new ScriptFault("script.Error", "Error", "the script ran more than " + limits.statements()
                    + " statements (ACS_SCRIPT_MAX_STATEMENTS); is there an endless loop?", ""));
            return false;
        }
        if (e.isInternalError()) {
            LOG.warn("script {}: GraalJS failed: {}", run.name(), e.getMessage());
            run.fault(new ScriptFault("script.Error", "Error", "the script could not be run: " + e.getMessage(), ""));
            return false;
        }
        run.fault(ScriptFault.of(e, "Error"));
        return true;
    }

    private void watch() {
        for (Map.Entry<Sandbox, Watch> e : running.entrySet()) {
            Watch w = e.getValue();
            if (System.nanoTime() - w.wallStart() < 20_000_000L) {
                // most runs take well under a millisecond: not worth reading another thread's counters
                continue;
            }
            String reason = null;
            long cpu = cpu(w.thread()) - w.cpuStart();
            long wall = System.nanoTime() - w.wallStart();
            if (w.cpuStart() >= 0 && cpu > limits.cpuMillis() * 1_000_000L) {
                reason = "the script used more than " + limits.cpuMillis() + " ms of CPU (ACS_SCRIPT_MAX_CPU_MS)";
            } else if (w.cpuStart() < 0 && wall > limits.cpuMillis() * 5_000_000L) {
                // without CPU accounting, a generous wall clock
                reason = "the script ran longer than " + (limits.cpuMillis() * 5) + " ms";
            } else if (w.allocationStart() >= 0
                    && allocated(w.thread()) - w.allocationStart() > limits.allocationBytes()) {
                reason = "the script allocated more than " + (limits.allocationBytes() >> 20)
                        + " MB (ACS_SCRIPT_MAX_MEMORY_MB)";
            }
            if (reason != null && running.remove(e.getKey()) != null) {
                w.run().stopBecause(reason);
                try {
                    e.getKey().context.close(true);
                } catch (RuntimeException ignored) {
                    // closing a running context from another thread cancels it; nothing else to do
                }
            }
        }
    }

    /** The running thread's own counters: cheap, unlike another thread's (read from /proc on Linux). */
    private long currentCpu() {
        return threads != null && threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    private long currentAllocated() {
        return threads != null && threads.isThreadAllocatedMemorySupported()
                ? threads.getCurrentThreadAllocatedBytes() : -1;
    }

    private long cpu(Thread t) {
        return threads != null && threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(t.getId()) : -1;
    }

    private long allocated(Thread t) {
        return threads != null && threads.isThreadAllocatedMemorySupported()
                ? threads.getThreadAllocatedBytes(t.getId()) : -1;
    }

    private static void closeQuietly(Sandbox sandbox) {
        try {
            sandbox.context.close(true);
        } catch (RuntimeException ignored) {
            // already closed by the watchdog
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        Sandbox s;
        while ((s = idle.poll()) != null) {
            closeQuietly(s);
        }
        engine.close(true);
    }

    /**
     * Set up once per context: GenieACS's script globals, backed by one host function that dispatches to the
     * current run, then the built-ins frozen. Returns the function that runs a compiled script.
     */
    private static final Source PRELUDE = Source.newBuilder("js", """
            (function (host) {
              "use strict";
              const call = host;
              const RealDate = Date;
              const json = (v) => (v === undefined || v === null ? undefined : JSON.parse(v));
              function SandboxDate(...a) {
                if (!new.target) return new RealDate(call("now")).toString();
                if (a.length) return new RealDate(...a);
                return new RealDate(call("now"));
              }
              SandboxDate.prototype = RealDate.prototype;
              SandboxDate.now = function (intervalOrCron, variance) {
                return call("dateNow", intervalOrCron, variance);
              };
              SandboxDate.parse = RealDate.parse;
              SandboxDate.UTC = RealDate.UTC;
              Object.freeze(SandboxDate);
              class ParameterWrapper {
                constructor(id, concrete) {
                  const attrs = json(call("attributes", id));
                  for (const a of attrs) {
                    Object.defineProperty(this, a, { enumerable: true, get: () => json(call("attribute", id, concrete, a)) });
                  }
                  Object.defineProperty(this, "path", { enumerable: true, get: () => json(call("path", id, concrete)) });
                  Object.defineProperty(this, "size", { enumerable: true, get: () => json(call("size", id, concrete)) });
                  this[Symbol.iterator] = function* () {
                    for (const p of json(call("unpack", id, concrete))) yield new ParameterWrapper(id, p);
                  };
                }
              }
              const declare = (path, timestamps, values) =>
                new ParameterWrapper(call("declare", String(path), timestamps == null ? {} : timestamps,
                  values == null ? {} : values), null);
              const clear = (path, timestamp, attributes) => { call("clear", String(path), Number(timestamp), attributes); };
              const commit = () => { call("commit"); };
              const ext = (...a) => json(call("ext", JSON.stringify(a.map(String))));
              const log = (msg) => { call("log", String(msg)); };
              // what GraalJS adds to plain JavaScript: no way out of the sandbox through any of it
              for (const name of ["load", "loadWithNewGlobal", "print", "printErr", "quit", "exit", "console",
                "Java", "JavaImporter", "Packages", "java", "javax", "com", "org", "edu", "net", "Polyglot", "Graal",
                "readline", "readbuffer", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "Realm",
                "WebAssembly", "SharedArrayBuffer", "Atomics"]) {
                delete globalThis[name];
              }
              const random = function () { return call("random"); };
              const baseline = new Set(Object.getOwnPropertyNames(globalThis));
              return function (fn, args) {
                // as GenieACS does between runs: what a script left in the global scope is gone
                for (const name of Object.getOwnPropertyNames(globalThis)) {
                  if (!baseline.has(name)) delete globalThis[name];
                }
                Math.random = random;
                return fn(json(args), declare, clear, commit, ext, log, SandboxDate);
              };
            })
            """, "prelude.js").buildLiteral();
}
