package org.cwmpacs.server;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.ParameterValues;
import org.cwmpacs.core.device.TreeChanges;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.QueryControl;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.SimParameter;
import org.cwmpacs.soap.message.DeviceIdStruct;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.cwmpacs.store.EmbeddedStore;

/**
 * The embedded store with many learned devices (docs/performance.md, "The embedded store at scale"): stores
 * N devices each with a real device's whole tree, as discovery stores them (an Inform, then the learned
 * tree), then reports the time taken, the disk used, the memory the process keeps per device (heap after
 * reopening, and the resident size), the time to reopen, and a few NBI-like queries over all devices. Not a
 * test: run it with
 * {@code mvn -B -q install -DskipTests && mvn -B -q -pl acs-server exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.cwmpacs.server.StoreBench -Dexec.args="--devices 10000"}.
 */
public final class StoreBench {
    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int devices = 10_000;
        String model = "igd-broadcom-bm632w.csv";
        Path dir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--devices" -> devices = Integer.parseInt(args[i + 1]);
                case "--model" -> model = args[i + 1];
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("acs-store-bench");
        }
        DataModel tree = DataModel.fromCsv(CwmpSessionEndToEndTest.fixtures().resolve("datamodels").resolve(model));
        System.out.printf("storing %,d devices of %s (%,d leaves each) in %s%n", devices, model, tree.leafCount(), dir);
        Instant now = Instant.now();
        TreeChanges changes = learned(tree, now);

        long start = System.nanoTime();
        try (EmbeddedStore store = EmbeddedStore.open(dir, Duration.ofSeconds(60))) {
            Semaphore inFlight = new Semaphore(64);
            List<CompletableFuture<?>> last = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                String serial = String.format("S%08d", i);
                String id = "202BC1-BM632w-" + serial;
                DeviceInform inform = new DeviceInform(id, new DeviceIdStruct("Broadcom", "202BC1", "BM632w", serial),
                        List.of("0 BOOTSTRAP", "1 BOOT"), List.of(ParameterValueStruct.ofString(
                        "InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V" + (i % 17))), now);
                inFlight.acquire();
                CompletableFuture<?> done = store.devices().recordInform(inform)
                        .thenCompose(r -> store.devices().apply(id, changes))
                        .whenComplete((v, e) -> inFlight.release());
                if (i >= devices - 64) {
                    last.add(done);
                }
                if (i > 0 && i % 10_000 == 0) {
                    System.out.printf("  %,d devices, %.0f s%n", i, (System.nanoTime() - start) / 1e9);
                }
            }
            CompletableFuture.allOf(last.toArray(CompletableFuture[]::new)).join();
            inFlight.acquire(64);
            System.out.printf("stored in %.1f s (%.0f devices/s); engine: %s%n", (System.nanoTime() - start) / 1e9,
                    devices / ((System.nanoTime() - start) / 1e9), store.engine().stats());
        }
        System.out.printf("disk: %s%n", du(dir));

        long reopen = System.nanoTime();
        try (EmbeddedStore store = EmbeddedStore.open(dir, Duration.ofSeconds(60))) {
            System.out.printf("reopened in %.1f s%n", (System.nanoTime() - reopen) / 1e9);
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("heap after reopening and GC: %,d MB = %,d bytes per device; resident: %s%n",
                    heap >> 20, heap / devices, rss());
            String version = tree.get("InternetGatewayDevice.DeviceInfo.SoftwareVersion").map(SimParameter::value)
                    .orElse("");
            query(store, "count where SoftwareVersion = " + version, () -> store.documents().count("devices",
                    Map.of("InternetGatewayDevice.DeviceInfo.SoftwareVersion._value", version), QueryControl.NONE));
            query(store, "count where SerialNumber ~ /7$/ (a tenth)", () -> store.documents().count("devices",
                    Map.of("_deviceId._SerialNumber", java.util.regex.Pattern.compile("7$")), QueryControl.NONE));
            query(store, "10 newest by _lastInform, projected", () -> {
                long[] n = {0};
                store.documents().find("devices", new DocumentQuery(Map.of(), List.of("_id", "_lastInform"),
                        Map.of("_lastInform", -1), 0, 10), QueryControl.NONE, d -> n[0]++);
                return n[0];
            });
            query(store, "one whole device by _id", () -> {
                long[] n = {0};
                store.documents().find("devices", DocumentQuery.all(Map.of("_id", "202BC1-BM632w-S00000007")),
                        QueryControl.NONE, d -> n[0] += d.size());
                return n[0];
            });
            System.out.printf("resident after the queries: %s%n", rss());
        }
    }

    /** A simulated device's whole tree as discovery stores it. */
    static TreeChanges learned(DataModel tree, Instant now) {
        SortedMap<String, ParameterAttributes> learned = new TreeMap<>();
        for (Map.Entry<String, SimParameter> e : tree.nodes().entrySet()) {
            String path = e.getKey().endsWith(".") ? e.getKey().substring(0, e.getKey().length() - 1) : e.getKey();
            SimParameter p = e.getValue();
            learned.put(path, p.object() ? ParameterAttributes.NONE.withObject(true).withWritable(p.writable())
                    .withTimestamp(now) : ParameterAttributes.NONE.withObject(false).withWritable(p.writable())
                    .withValue(ParameterValues.typed(p.value(), p.type()), p.type(), now));
        }
        learned.put("", ParameterAttributes.NONE.withTimestamp(now));
        return new TreeChanges(learned, java.util.Set.of());
    }

    private static void query(EmbeddedStore store, String what, java.util.concurrent.Callable<Long> query)
            throws Exception {
        for (int run = 1; run <= 3; run++) {
            long t = System.nanoTime();
            long result = query.call();
            System.out.printf("  %s: %d, run %d: %.0f ms%n", what, result, run, (System.nanoTime() - t) / 1e6);
        }
    }

    private static String du(Path dir) throws Exception {
        Process p = new ProcessBuilder("du", "-sh", dir.toString()).redirectErrorStream(true).start();
        return new String(p.getInputStream().readAllBytes()).strip();
    }

    private static String rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS")) {
                return line.substring(6).strip();
            }
        }
        return "?";
    }
}
