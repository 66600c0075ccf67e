package org.cwmpacs.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load benchmark: N simulated CPEs inform periodically (Inform, empty POST, 204) against a running ACS
 * for a fixed time, then sessions/s, session latency percentiles and errors are printed. Bounded in count
 * and time; it stops by itself. See docs/performance.md.
 *
 * <pre>
 * --acs URL          the ACS (default http://127.0.0.1:7547/)
 * --devices N        simulated CPEs (default 1500)
 * --interval S       seconds between a CPE's informs (default 1)
 * --duration S       measured seconds (default 30), after one interval of first contacts
 * --warmup S         periodic sessions run this long before the measured seconds (default 0): the
 *                    server's JIT compilation is then mostly done, so its CPU per session is its steady cost
 * --threads N        sessions in flight at most (default 64)
 * --model CSV        a data model (default: a generated one)
 * --server-pid PID   the ACS's process: its CPU time during the measured seconds is reported per session
 * </pre>
 */
public final class LoadRun {
    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        URI acs = URI.create(opts.getOrDefault("acs", "http://127.0.0.1:7547/"));
        int devices = Integer.parseInt(opts.getOrDefault("devices", "1500"));
        int interval = Integer.parseInt(opts.getOrDefault("interval", "1"));
        int duration = Integer.parseInt(opts.getOrDefault("duration", "30"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "0"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "64"));
        DataModel base = opts.containsKey("model") ? DataModel.fromCsv(Path.of(opts.get("model")))
                : DataModel.generate("00AABB", "LoadSim", "L0", 200);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        HttpClient http = SimulatedCpe.newHttpClient();
        List<SimulatedCpe> cpes = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            cpes.add(new SimulatedCpe(acs, base.copyWithSerial("L" + runId + "-" + i), SimulatedCpe.Options.DEFAULT, http));
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        System.out.printf("first contact of %d CPEs ...%n", devices);
        List<java.util.concurrent.Future<SimulatedCpe.SessionResult>> first = new ArrayList<>();
        for (SimulatedCpe cpe : cpes) {
            first.add(workers.submit(() -> cpe.runSession()));
        }
        int firstErrors = 0;
        for (var f : first) {
            if (!f.get().ok()) {
                firstErrors++;
            }
        }
        System.out.printf("registered %d, errors %d; periodic informs every %d s for %d s ...%n",
                devices - firstErrors, firstErrors, interval, duration);

        // periodic sessions go through lean keep-alive connections with the Inform encoded once per CPE:
        // the generator shares the machine with the ACS and should cost it as little CPU as possible
        byte[][] informs = new byte[devices][];
        for (int i = 0; i < devices; i++) {
            informs[i] = cpes.get(i).encodedInform("2 PERIODIC");
        }
        ThreadLocal<LeanHttpConnection> connections = ThreadLocal.withInitial(() -> new LeanHttpConnection(acs));
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong sessions = new AtomicLong();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = TimeUnit.SECONDS.toNanos(interval);
        AtomicInteger inFlightSkips = new AtomicInteger();
        AtomicInteger[] busy = new AtomicInteger[devices];
        for (int i = 0; i < devices; i++) {
            busy[i] = new AtomicInteger();
            final int n = i;
            ticker.scheduleAtFixedRate(() -> {
                if (busy[n].getAndIncrement() > 0) {
                    // the previous session of this CPE is still running: a real CPE would not start another
                    busy[n].decrementAndGet();
                    inFlightSkips.incrementAndGet();
                    return;
                }
                workers.execute(() -> {
                    long t0 = System.nanoTime();
                    try {
                        String problem = periodicSession(connections.get(), informs[n]);
                        sessions.incrementAndGet();
                        latencies.add(System.nanoTime() - t0);
                        if (problem != null) {
                            errors.incrementAndGet();
                            if (errorSamples.size() < 5) {
                                errorSamples.add(problem);
                            }
                        }
                    } finally {
                        busy[n].decrementAndGet();
                    }
                });
            }, periodNanos * i / devices, periodNanos, TimeUnit.NANOSECONDS);
        }
        java.util.Optional<ProcessHandle> server = java.util.Optional.ofNullable(opts.get("server-pid"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)));
        for (int s = 1; s <= warmup; s++) {
            Thread.sleep(1000);
            System.out.printf("  warm-up %3d s: %d sessions, %d errors%n", s, sessions.get(), errors.get());
        }
        // what the warm-up did is not counted
        long sessionsBefore = sessions.get();
        int errorsBefore = errors.get();
        latencies.clear();
        java.time.Duration cpuBefore = server.flatMap(h -> h.info().totalCpuDuration()).orElse(java.time.Duration.ZERO);
        long start = System.nanoTime();
        for (int s = 1; s <= duration; s++) {
            Thread.sleep(1000);
            System.out.printf("  %3d s: %d sessions, %d errors%n", s, sessions.get() - sessionsBefore,
                    errors.get() - errorsBefore);
        }
        ticker.shutdownNow();
        long done = sessions.get() - sessionsBefore;
        double seconds = (System.nanoTime() - start) / 1e9;
        java.time.Duration serverCpu = server.flatMap(h -> h.info().totalCpuDuration()).orElse(java.time.Duration.ZERO)
                .minus(cpuBefore);
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%nRESULT devices=%d interval=%ds duration=%.1fs sessions=%d sessions/s=%.0f "
                        + "p50=%.1fms p99=%.1fms max=%.1fms errors=%d skipped-while-busy=%d%n",
                devices, interval, seconds, done, done / seconds, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, errors.get() - errorsBefore, inFlightSkips.get());
        if (server.isPresent()) {
            System.out.printf("server CPU during the measured seconds: %.1f s (%.0f %% of one core), %.3f ms per "
                    + "session%n", serverCpu.toMillis() / 1e3, serverCpu.toMillis() / 10.0 / seconds,
                    done == 0 ? 0 : serverCpu.toNanos() / 1e6 / done);
        }
        errorSamples.forEach(e -> System.out.println("error sample: " + e));
        System.exit(errors.get() == 0 && firstErrors == 0 ? 0 : 1);
    }

    /** Inform, empty POST, 204; null when all went as it should, else what went wrong. */
    static String periodicSession(LeanHttpConnection connection, byte[] inform) {
        try {
            LeanHttpConnection.Answer informed = connection.post(inform, java.util.Optional.empty());
            if (informed.status() != 200 || informed.cookie().isEmpty()) {
                return "Inform answered " + informed.status() + ": " + new String(informed.body(),
                        java.nio.charset.StandardCharsets.UTF_8).strip();
            }
            LeanHttpConnection.Answer end = connection.post(new byte[0], informed.cookie());
            return end.status() == 204 ? null : "empty POST answered " + end.status();
        } catch (java.io.IOException | RuntimeException e) {
            connection.close();
            return e.toString();
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + Arrays.toString(args));
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }
}
