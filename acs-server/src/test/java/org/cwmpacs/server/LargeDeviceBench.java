package org.cwmpacs.server;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.SimulatedCpe;

/**
 * A device with 16,000 parameters registering while other CPEs inform (docs/performance.md, "One large
 * device among many"): the time to answer its Inform of 16,000 parameters, the time of a whole first
 * session that learns a 16,000-leaf tree, and what the other CPEs' sessions took meanwhile. Not a test: run
 * it with {@code mvn -B -q install -DskipTests && mvn -B -q -pl acs-server exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.cwmpacs.server.LargeDeviceBench}.
 */
public final class LargeDeviceBench {
    private static final int PARAMETERS = 16_000;

    private LargeDeviceBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = SimulatedCpe.newHttpClient();
        try (RunningAcs acs = RunningAcs.start(Files.createTempDirectory("bench-large"))) {
            List<SimulatedCpe> others = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SimulatedCpe cpe = new SimulatedCpe(acs.uri, DataModel.generate("00BEEF", "Small", "S" + i, 200),
                        SimulatedCpe.Options.DEFAULT, http);
                check(cpe.runSession("0 BOOTSTRAP", "1 BOOT"));
                others.add(cpe);
            }
            // warm up the large paths once
            inform(acs, http, "W0");
            check(new SimulatedCpe(acs.uri, DataModel.generate("00BEEF", "Large", "W1", PARAMETERS),
                    SimulatedCpe.Options.DEFAULT, http).runSession("0 BOOTSTRAP", "1 BOOT"));

            for (int round = 1; round <= 3; round++) {
                List<Long> background = Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int offset = t;
                    Thread thread = new Thread(() -> {
                        for (int i = offset; !stop.get(); i += 2) {
                            long start = System.nanoTime();
                            if (others.get(i % others.size()).runSession("2 PERIODIC").ok()) {
                                background.add((System.nanoTime() - start) / 1_000);
                            }
                        }
                    });
                    thread.start();
                    threads.add(thread);
                }
                Thread.sleep(500);
                long informMicros = inform(acs, http, "I" + round);
                SimulatedCpe large = new SimulatedCpe(acs.uri, DataModel.generate("00BEEF", "Large", "L" + round,
                        PARAMETERS), SimulatedCpe.Options.DEFAULT, http);
                long start = System.nanoTime();
                SimulatedCpe.SessionResult first = check(large.runSession("0 BOOTSTRAP", "1 BOOT"));
                long sessionMicros = (System.nanoTime() - start) / 1_000;
                Thread.sleep(500);
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join();
                }
                List<Long> sorted = new ArrayList<>(background);
                Collections.sort(sorted);
                System.out.printf("round %d: Inform of %,d parameters answered in %.0f ms; first session learning a "
                        + "%,d-leaf tree: %.0f ms, of which the ACS %.0f ms (%d RPCs); meanwhile %d other sessions: "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", round, PARAMETERS, informMicros / 1e3, PARAMETERS,
                        sessionMicros / 1e3, first.acsTime().toNanos() / 1e6, first.acsRequests().size(), sorted.size(), sorted.get(sorted.size() / 2) / 1e3,
                        sorted.get((int) (sorted.size() * 0.99)) / 1e3, sorted.get(sorted.size() - 1) / 1e3);
            }
        }
    }

    /** A new device's Inform carrying {@link #PARAMETERS} parameters; the microseconds until its answer. */
    private static long inform(RunningAcs acs, HttpClient http, String serial) throws Exception {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < PARAMETERS; i++) {
            params.append("<ParameterValueStruct><Name>Device.X_Big.").append(i / 100 + 1).append(".Value")
                    .append(i % 100).append("</Name><Value xsi:type=\"xsd:string\">value ").append(i)
                    .append("</Value></ParameterValueStruct>");
        }
        String body = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soap:Header><cwmp:ID soap:mustUnderstand=\"1\">1</cwmp:ID></soap:Header><soap:Body><cwmp:Inform>"
                + "<DeviceId><Manufacturer>M</Manufacturer><OUI>00BEEF</OUI><ProductClass>Inform</ProductClass>"
                + "<SerialNumber>" + serial + "</SerialNumber></DeviceId><Event><EventStruct><EventCode>0 BOOTSTRAP"
                + "</EventCode><CommandKey/></EventStruct></Event><MaxEnvelopes>1</MaxEnvelopes><CurrentTime>"
                + "2026-01-01T00:00:00Z</CurrentTime><RetryCount>0</RetryCount><ParameterList>" + params
                + "</ParameterList></cwmp:Inform></soap:Body></soap:Envelope>";
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        HttpResponse<String> response = fresh.send(HttpRequest.newBuilder(acs.uri)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1_000;
        if (!response.body().contains("InformResponse")) {
            throw new IllegalStateException("the large Inform was answered " + response.statusCode() + ": "
                    + response.body());
        }
        return micros;
    }

    private static SimulatedCpe.SessionResult check(SimulatedCpe.SessionResult result) {
        if (!result.ok()) {
            throw new IllegalStateException("session failed: " + result);
        }
        return result;
    }
}
