package org.cwmpacs.server;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.SimulatedCpe;

/**
 * Measures what hostile CWMP clients cost the CPEs next to them (docs/performance.md, "Hostile clients"):
 * the session times of well-behaved CPEs alone, then while four clients send, back to back, 640 KB bodies
 * with 30,000 namespace declarations on one element (and, separately, 100,000 attributes). Before the
 * bodies were checked ahead of the parser, and decoded off the event loop, four such requests held every
 * CWMP session for 27 s. Not a test: run it with
 * {@code mvn -B -q install -DskipTests && mvn -B -q -pl acs-server exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.cwmpacs.server.HostileLoadBench}.
 */
public final class HostileLoadBench {
    private static final int SESSIONS = 300;
    private static final int ATTACKERS = 4;

    private HostileLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path fixtures = CwmpSessionEndToEndTest.fixtures().resolve("datamodels");
        DataModel tree = DataModel.fromCsv(fixtures.resolve("tr181-tplink-ec220-g5v3.csv"));
        HttpClient http = SimulatedCpe.newHttpClient();
        byte[] namespaces = HostileInputCorpusTest.post("/", Map.of(), HostileInputCorpusTest.inform("NS",
                HostileInputCorpusTest.repeat(" xmlns:p%d=\"urn:x:%d\"", 30_000)).getBytes(StandardCharsets.UTF_8));
        byte[] attributes = HostileInputCorpusTest.post("/", Map.of(), HostileInputCorpusTest.inform("AT", "")
                .replace("<cwmp:Inform>", "<cwmp:Inform" + HostileInputCorpusTest.repeat(" a%d=\"%d\"", 100_000) + ">")
                .getBytes(StandardCharsets.UTF_8));
        try (RunningAcs acs = RunningAcs.start(Files.createTempDirectory("bench-hostile"))) {
            // learn the trees first: the measured sessions are periodic ones
            List<SimulatedCpe> cpes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                SimulatedCpe cpe = new SimulatedCpe(acs.uri, tree.copyWithSerial("H" + i), SimulatedCpe.Options.DEFAULT,
                        http);
                cpe.runSession("0 BOOTSTRAP", "1 BOOT");
                cpes.add(cpe);
            }
            System.out.println("body sizes: namespaces " + namespaces.length / 1024 + " KB, attributes "
                    + attributes.length / 1024 + " KB");
            report("no hostile client", measure(acs, cpes, null));
            report(ATTACKERS + " clients sending 30,000 namespace declarations", measure(acs, cpes, namespaces));
            report(ATTACKERS + " clients sending 100,000 attributes", measure(acs, cpes, attributes));
        }
    }

    private record Run(List<Long> sessionMicros, long hostileRequests, long hostileMicros) {
    }

    private static Run measure(RunningAcs acs, List<SimulatedCpe> cpes, byte[] hostile) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sent = new AtomicLong();
        AtomicLong spent = new AtomicLong();
        List<Thread> attackers = new ArrayList<>();
        if (hostile != null) {
            for (int i = 0; i < ATTACKERS; i++) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        try {
                            HostileInputCorpusTest.exchange(acs.server.cwmpPort(), hostile, false);
                        } catch (Exception e) {
                            // counted all the same: the point is the load
                        }
                        spent.addAndGet((System.nanoTime() - start) / 1000);
                        sent.incrementAndGet();
                    }
                });
                t.start();
                attackers.add(t);
            }
            Thread.sleep(500);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            long start = System.nanoTime();
            SimulatedCpe.SessionResult r = cpes.get(i % cpes.size()).runSession();
            if (!r.ok()) {
                throw new IllegalStateException("a CPE's session failed: " + r);
            }
            micros.add((System.nanoTime() - start) / 1000);
        }
        stop.set(true);
        for (Thread t : attackers) {
            t.join();
        }
        return new Run(micros, sent.get(), spent.get());
    }

    private static void report(String label, Run run) {
        List<Long> sorted = new ArrayList<>(run.sessionMicros());
        Collections.sort(sorted);
        System.out.printf("%-55s sessions p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms", label,
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() * 99 / 100) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
        if (run.hostileRequests() > 0) {
            System.out.printf("  | hostile requests answered: %d, mean %.1f ms each", run.hostileRequests(),
                    run.hostileMicros() / 1000.0 / run.hostileRequests());
        }
        System.out.println();
    }
}
