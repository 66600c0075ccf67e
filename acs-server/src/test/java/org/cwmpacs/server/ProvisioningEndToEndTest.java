package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.Test;

/** Presets and provisions of a GenieACS database, run in CWMP sessions with the simulator. */
class ProvisioningEndToEndTest extends SimulatorCase {
    static final String BM632W = "igd-broadcom-bm632w.csv";

    /**
     * The three presets GenieACS's setup wizard seeds, with provisions doing what its scripts do (written
     * here, not copied): forget the tree on bootstrap; refresh some TR-098 values hourly; set the
     * connection-request credentials and periodic inform daily.
     */
    static void seedGenieAcsDefaults(RunningAcs acs) {
        var docs = acs.server.store().documents();
        docs.replace("provisions", "bootstrap", Map.of("_id", "bootstrap", "script",
                "const t = Date.now();\nclear('Device', t);\nclear('InternetGatewayDevice', t);"));
        docs.replace("provisions", "default", Map.of("_id", "default", "script", String.join("\n",
                "const h = Date.now(3600000);",
                "const igd = 'InternetGatewayDevice.';",
                "for (const p of ['DeviceInfo.HardwareVersion', 'DeviceInfo.SoftwareVersion',",
                "    'WANDevice.*.WANConnectionDevice.*.WANIPConnection.*.MACAddress',",
                "    'WANDevice.*.WANConnectionDevice.*.WANIPConnection.*.ExternalIPAddress',",
                "    'LANDevice.*.WLANConfiguration.*.SSID', 'LANDevice.*.Hosts.Host.*.HostName',",
                "    'LANDevice.*.Hosts.Host.*.IPAddress', 'LANDevice.*.Hosts.Host.*.MACAddress'])",
                "  declare(igd + p, {path: h, value: h});",
                "declare(igd + 'LANDevice.*.WLANConfiguration.*.KeyPassphrase', {path: h, value: 1});")));
        docs.replace("provisions", "inform", Map.of("_id", "inform", "script", String.join("\n",
                "const user = declare('DeviceID.ID', {value: 1}).value[0];",
                "const pass = Math.trunc(Math.random() * Number.MAX_SAFE_INTEGER).toString(36);",
                "const day = Date.now(86400000);",
                "for (const root of ['InternetGatewayDevice', 'Device']) {",
                "  const ms = root + '.ManagementServer.';",
                "  declare(ms + 'ConnectionRequestUsername', {value: day}, {value: user});",
                "  declare(ms + 'ConnectionRequestPassword', {value: day}, {value: pass});",
                "  declare(ms + 'PeriodicInformEnable', {value: day}, {value: true});",
                "  declare(ms + 'PeriodicInformInterval', {value: day}, {value: 300});",
                "  declare(ms + 'PeriodicInformTime', {value: day}, {value: day % 86400000});",
                "}")));
        docs.replace("presets", "bootstrap", preset("bootstrap", "bootstrap", Map.of("0 BOOTSTRAP", true)));
        docs.replace("presets", "default", preset("default", "default", Map.of()));
        docs.replace("presets", "inform", preset("inform", "inform", Map.of()));
    }

    static Map<String, Object> preset(String id, String channel, Map<String, Object> events) {
        return Map.of("_id", id, "weight", 0, "channel", channel, "events", events, "precondition", "",
                "configurations", List.of(Map.of("type", "provision", "name", id, "args", List.of())));
    }

    @Test
    void genieAcsDefaultPresetsGiveAMigratedDeviceTheCredentialsGenieAcsGaveIt() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off"));
        seedGenieAcsDefaults(acs);
        // this tree was captured from a device GenieACS's inform preset had configured: id 202BC1-BM632w-000000
        SimulatedCpe cpe = cpe(tree(BM632W).copyWithSerial("000000"), SimulatedCpe.Options.DEFAULT);
        String ms = "InternetGatewayDevice.ManagementServer.";
        String genieAcsPassword = (String) cpe.model().get(ms + "ConnectionRequestPassword").orElseThrow().value();
        cpe.model().put(ms + "ConnectionRequestPassword", org.cwmpacs.sim.SimParameter.leaf(true, "", "xsd:string"));
        cpe.model().put(ms + "PeriodicInformInterval", org.cwmpacs.sim.SimParameter.leaf(true, "10", "xsd:unsignedInt"));

        SimulatedCpe.SessionResult first = session(cpe, "0 BOOTSTRAP", "1 BOOT");
        assertThat(first.acsRequests()).contains("SetParameterValues");
        assertThat(cpe.model().get(ms + "ConnectionRequestPassword").orElseThrow().value()).isEqualTo(genieAcsPassword);
        assertThat(cpe.model().get(ms + "ConnectionRequestUsername").orElseThrow().value())
                .isEqualTo(RunningAcs.id(cpe));
        assertThat(cpe.model().get(ms + "PeriodicInformInterval").orElseThrow().value()).isEqualTo("300");
        assertThat(device(cpe).value(ms + "PeriodicInformInterval")).contains(300);
        assertThat(faults()).isEmpty();

        // nothing changed since: the next periodic inform asks nothing
        SimulatedCpe.SessionResult again = session(cpe);
        assertThat(again.acsRequests()).isEmpty();
    }

    @Test
    void aTagProvisionTagsTheDeviceWithoutAnyRpc() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off"));
        var docs = acs.server.store().documents();
        docs.replace("presets", "tagger", Map.of("_id", "tagger", "weight", 0, "channel", "", "precondition",
                "DeviceID.ProductClass = \"BM632w\"", "configurations", List.of(Map.of("type", "add_tag", "tag",
                        "my tag"))));
        SimulatedCpe cpe = cpe(tree(BM632W), SimulatedCpe.Options.DEFAULT);
        SimulatedCpe.SessionResult result = session(cpe, "0 BOOTSTRAP");
        assertThat(result.acsRequests()).isEmpty();
        assertThat(device(cpe).tags()).containsExactly("my tag");
        Document stored = acs.raw().get("devices", RunningAcs.id(cpe));
        assertThat(stored.get("Tags")).isNull();
    }
}
