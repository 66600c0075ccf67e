package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.DeviceId;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.ParameterValues;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.SimParameter;
import org.cwmpacs.sim.SimulatedCpe;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Full discovery on first contact: every shared data model, plain and in RDK-B mode, learned whole. */
class DiscoveryEndToEndTest extends SimulatorCase {
    @BeforeEach
    void start() throws Exception {
        acs = RunningAcs.start(dataDir);
    }

    /**
     * The RPC counts are the ones docs/performance.md reports: a CPE without limits needs one
     * GetParameterNames and one GetParameterValues; an RDK-B CPE refuses answers over 3,000 values, so the
     * first device of its kind pays one refused request and the tree then comes in halves; the second
     * device of the same kind starts from what the first taught.
     */
    @ParameterizedTest
    @CsvSource({
        "igd-broadcom-bm632w.csv, false, 2, 2",
        "igd-huawei-eg8145v5.csv, false, 2, 2",
        "tr181-tplink-ec220-g5v3.csv, false, 2, 2",
        "tr181-tplink-ex220.csv, false, 2, 2",
        "igd-broadcom-bm632w.csv, true, 2, 2",
        "igd-huawei-eg8145v5.csv, true, 4, 3",
        "tr181-tplink-ec220-g5v3.csv, true, 2, 2",
        "tr181-tplink-ex220.csv, true, 4, 3"})
    void firstContactLearnsTheWholeTree(String model, boolean rdkb, int rpcsFirst, int rpcsSecond) {
        DataModel tree = tree(model);
        SimulatedCpe.Options options = rdkb ? SimulatedCpe.Options.DEFAULT.rdkbMode() : SimulatedCpe.Options.DEFAULT;
        SimulatedCpe cpe = new SimulatedCpe(acs.uri, tree, options, http);
        SimulatedCpe.SessionResult first = cpe.runSession();
        assertThat(first.ok()).as("%s", first).isTrue();
        assertThat(first.acsRequests()).as("requests of the first device").hasSize(rpcsFirst)
                .startsWith("GetParameterNames");
        assertStoredTreeEquals(cpe);

        SimulatedCpe sameKind = new SimulatedCpe(acs.uri, tree.copyWithSerial("SECOND-" + model.hashCode()), options,
                http);
        SimulatedCpe.SessionResult second = sameKind.runSession();
        assertThat(second.ok()).as("%s", second).isTrue();
        assertThat(second.acsRequests()).as("requests of a second device of the same kind").hasSize(rpcsSecond);
        assertStoredTreeEquals(sameKind);

        if (rdkb && rpcsFirst > rpcsSecond) {
            // what the first device taught is kept in GenieACS's cache collection for the CPE's kind
            Document kept = acs.raw().get("cache",
                    "cpe-profile:" + cpe.deviceId().oui() + "-" + cpe.deviceId().productClass());
            assertThat(kept).isNotNull();
            assertThat(kept.getString("value")).contains("maxValues=");
        }

        // learned once: the next session asks nothing
        SimulatedCpe.SessionResult periodic = cpe.runSession("2 PERIODIC");
        assertThat(periodic.ok()).isTrue();
        assertThat(periodic.acsRequests()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void whatAKindOfCpeTaughtSurvivesARestart() throws Exception {
        DataModel tree = tree("tr181-tplink-ex220.csv");
        SimulatedCpe.Options rdkb = SimulatedCpe.Options.DEFAULT.rdkbMode();
        assertThat(new SimulatedCpe(acs.uri, tree, rdkb, http).runSession().acsRequests()).hasSize(4);
        acs.close();
        acs = RunningAcs.start(dataDir);
        SimulatedCpe.SessionResult after = new SimulatedCpe(acs.uri, tree.copyWithSerial("AFTER-RESTART"), rdkb, http)
                .runSession();
        assertThat(after.ok()).isTrue();
        assertThat(after.acsRequests()).as("no refused request after the restart").hasSize(3);
    }

    private void assertStoredTreeEquals(SimulatedCpe cpe) {
        String id = DeviceId.of(cpe.deviceId().oui(), cpe.deviceId().productClass(), cpe.deviceId().serialNumber());
        Device device = acs.server.store().devices().find(id).orElseThrow();
        List<String> wrong = new ArrayList<>();
        int leaves = 0;
        for (Map.Entry<String, SimParameter> e : cpe.model().nodes().entrySet()) {
            String path = e.getKey().endsWith(".") ? e.getKey().substring(0, e.getKey().length() - 1) : e.getKey();
            SimParameter expected = e.getValue();
            Optional<ParameterAttributes> stored = device.parameter(path);
            if (stored.isEmpty()) {
                wrong.add(path + " missing");
                continue;
            }
            ParameterAttributes a = stored.get();
            if (a.isObject() != expected.object() || !a.writable().equals(Optional.of(expected.writable()))) {
                wrong.add(path + " object/writable " + a.object() + "/" + a.writable());
                continue;
            }
            if (!expected.object()) {
                leaves++;
                String type = ParameterValues.storedType(new ParameterValueStruct(path, expected.value(), expected.type()));
                Object value = ParameterValues.typed(expected.value(), type);
                if (!a.type().equals(Optional.of(type)) || !a.value().equals(Optional.of(value))) {
                    wrong.add(path + " = " + a.value() + " " + a.type() + ", expected " + value + " " + type);
                }
            }
        }
        for (String path : device.parameters().keySet()) {
            if (!path.isEmpty() && cpe.model().get(path).isEmpty() && cpe.model().get(path + ".").isEmpty()) {
                wrong.add(path + " stored but not on the CPE");
            }
        }
        assertThat(wrong).as("differences between the stored tree and the CPE's").isEmpty();
        assertThat(leaves).isEqualTo(cpe.model().leafCount());
        assertThat(device.parameter("")).as("the root's timestamp marks the tree learned")
                .hasValueSatisfying(root -> assertThat(root.timestamp()).isPresent());
    }
}
