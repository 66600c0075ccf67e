package org.cwmpacs.server;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.SimulatedCpe;

/**
 * Measures full discovery (docs/performance.md, "Learning a device's whole tree"): for each shared data
 * model, plain and in RDK-B mode, the RPCs, the round trips after the CPE's empty POST and the time the CPE
 * waited for the ACS until the tree was stored, for the first device of its kind and for a second one. Not
 * a test: run it with
 * {@code mvn -B -q install -DskipTests && mvn -B -q -pl acs-server exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.cwmpacs.server.DiscoveryBench}.
 */
public final class DiscoveryBench {
    private static final String GENERATED = "generated, 10,000 leaves";
    /** The shared data models, and a generated tree beyond GenieACS's reach. */
    private static final String[] MODELS = {"igd-broadcom-bm632w.csv", "tr181-tplink-ec220-g5v3.csv",
        "igd-huawei-eg8145v5.csv", "tr181-tplink-ex220.csv", GENERATED};
    private static final int WARMUP_DEVICES = 15;
    private static final int REPEATS = 5;

    private DiscoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path fixtures = CwmpSessionEndToEndTest.fixtures().resolve("datamodels");
        HttpClient http = SimulatedCpe.newHttpClient();
        System.out.println("warming up (" + WARMUP_DEVICES + " devices of each model)...");
        try (RunningAcs acs = RunningAcs.start(Files.createTempDirectory("bench-warmup"))) {
            for (String model : MODELS) {
                DataModel tree = load(fixtures, model);
                for (int i = 0; i < WARMUP_DEVICES; i++) {
                    check(new SimulatedCpe(acs.uri, tree.copyWithSerial("W" + i), SimulatedCpe.Options.DEFAULT, http)
                            .runSession());
                }
            }
        }
        List<String> rows = new ArrayList<>();
        for (String model : MODELS) {
            DataModel tree = load(fixtures, model);
            long leaves = tree.leafCount();
            for (boolean rdkb : new boolean[] {false, true}) {
                SimulatedCpe.Options options = rdkb ? SimulatedCpe.Options.DEFAULT.rdkbMode() : SimulatedCpe.Options.DEFAULT;
                long[] firstMs = new long[REPEATS];
                long[] secondMs = new long[REPEATS];
                int firstRpcs = 0;
                int secondRpcs = 0;
                for (int r = 0; r < REPEATS; r++) {
                    // a fresh server each time: the first device of its kind teaches the ACS its limits
                    try (RunningAcs acs = RunningAcs.start(Files.createTempDirectory("bench"))) {
                        SimulatedCpe.SessionResult first = check(new SimulatedCpe(acs.uri, tree.copyWithSerial("A" + r),
                                options, http).runSession());
                        SimulatedCpe.SessionResult second = check(new SimulatedCpe(acs.uri, tree.copyWithSerial("B" + r),
                                options, http).runSession());
                        firstRpcs = first.acsRequests().size();
                        secondRpcs = second.acsRequests().size();
                        firstMs[r] = first.acsTime().toMillis();
                        secondMs[r] = second.acsTime().toMillis();
                    }
                }
                long genieAcs = 1 + (leaves + 31) / 32;
                rows.add(String.format("| %s | %s | %,d | %d (%d) | %d ms | %d (%d) | %d ms | %,d%s |", model,
                        rdkb ? "RDK-B" : "plain", leaves, firstRpcs, firstRpcs + 1, median(firstMs), secondRpcs,
                        secondRpcs + 1, median(secondMs), genieAcs, genieAcs > 255 ? " (fails: over 255)" : ""));
            }
        }
        System.out.println();
        System.out.println("| data model | CPE | leaves | RPCs (round trips) first device | ACS time | RPCs (round "
                + "trips) second device | ACS time | GenieACS RPCs |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static DataModel load(Path fixtures, String model) {
        return GENERATED.equals(model) ? DataModel.generate("00AA11", "Generated", "G0", 10_000)
                : DataModel.fromCsv(fixtures.resolve(model));
    }

    private static SimulatedCpe.SessionResult check(SimulatedCpe.SessionResult result) {
        if (!result.ok()) {
            throw new IllegalStateException("session failed: " + result);
        }
        return result;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
