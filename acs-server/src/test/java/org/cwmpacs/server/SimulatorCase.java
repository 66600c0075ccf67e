package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** What the end-to-end tests with simulated CPEs share: a server on a temporary store, and ways to look at it. */
abstract class SimulatorCase {
    static final String EC220 = "tr181-tplink-ec220-g5v3.csv";

    @TempDir
    Path dataDir;
    /** Started by each test (or its set-up), with the options it needs; closed after it. */
    RunningAcs acs;
    final HttpClient http = SimulatedCpe.newHttpClient();

    @AfterEach
    void stopAcs() {
        if (acs != null) {
            acs.close();
        }
    }

    static DataModel tree(String model) {
        return DataModel.fromCsv(CwmpSessionEndToEndTest.fixtures().resolve("datamodels").resolve(model));
    }

    SimulatedCpe cpe(DataModel tree, SimulatedCpe.Options options) {
        return new SimulatedCpe(acs.uri, tree, options, http);
    }

    Device device(SimulatedCpe cpe) {
        return acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow();
    }

    List<Document> faults() {
        return acs.raw().all("faults");
    }

    long tasksLeft() {
        return acs.raw().count("tasks");
    }

    /** A session with these events (2 PERIODIC if none), which must end with 204. */
    static SimulatedCpe.SessionResult session(SimulatedCpe cpe, String... events) {
        SimulatedCpe.SessionResult result = cpe.runSession(events.length == 0 ? new String[] {"2 PERIODIC"} : events);
        assertThat(result.ok()).as("%s", result).isTrue();
        return result;
    }

    static boolean nodeOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir.isEmpty() ? "." : dir, "node"))) {
                return true;
            }
        }
        return false;
    }

    /** The leaves of a stored device that have a value. */
    static long storedValues(Device device) {
        return device.parameters().entrySet().stream().filter(e -> !e.getKey().isEmpty() && !e.getValue().isObject()
                && e.getValue().value().isPresent()).count();
    }
}
