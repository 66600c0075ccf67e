package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cwmpacs.core.connreq.ConnectionRequestResult;
import org.cwmpacs.sim.ConnectionRequestListener;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@code config} collection of a GenieACS database ({@code {_id: "cwmp.<key>", value: "<expression>"}}),
 * evaluated per device: CPE authentication, connection-request credentials, and per-device session options.
 */
class ConfigCollectionEndToEndTest extends SimulatorCase {
    private RunningAcs start(Map<String, String> more) throws Exception {
        Map<String, String> env = new HashMap<>(more);
        env.put("ACS_DISCOVERY", "off");
        // every session sees the collection as it is now
        env.put("ACS_PRESETS_REFRESH", "0");
        return RunningAcs.start(dataDir, env);
    }

    private void config(String key, String expression) {
        acs.server.store().documents().replace("config", key, Map.of("_id", key, "value", expression));
    }

    private SimulatedCpe ec220(String serial, SimulatedCpe.Options options) {
        return cpe(tree(EC220).copyWithSerial(serial), options);
    }

    @Test
    void cwmpAuthDecidesWhichInformsOpenASession() throws Exception {
        acs = start(Map.of());
        SimulatedCpe unauthenticated = ec220("OPEN-1", SimulatedCpe.Options.DEFAULT);
        assertThat(unauthenticated.runSession().ok()).as("no cwmp.auth: everyone is accepted").isTrue();

        config("cwmp.auth", "AUTH(DeviceID.SerialNumber, \"pw-\" || serialNumber)");
        assertThat(unauthenticated.runSession().informStatus()).isEqualTo(401);
        SimulatedCpe good = ec220("BOX-1", SimulatedCpe.Options.DEFAULT.credentials("BOX-1", "pw-BOX-1"));
        assertThat(good.runSession().ok()).isTrue();
        SimulatedCpe wrong = ec220("BOX-2", SimulatedCpe.Options.DEFAULT.credentials("BOX-2", "pw-BOX-1"));
        assertThat(wrong.runSession().informStatus()).isEqualTo(401);
        assertThat(acs.server.store().devices().find(RunningAcs.id(wrong))).as("nothing stored for it").isEmpty();

        // a stored parameter of the device, and alternatives: the first AUTH fails, the second holds
        acs.raw().set("devices", RunningAcs.id(good), new org.bson.Document(
                "Device.ManagementServer.Username._value", "stored-user").append(
                "Device.ManagementServer.Password._value", "stored-pass"));
        config("cwmp.auth", "AUTH(\"nobody\", \"x\") OR AUTH(Device.ManagementServer.Username, "
                + "Device.ManagementServer.Password)");
        assertThat(good.runSession().informStatus()).isEqualTo(401);
        SimulatedCpe storedCredentials = new SimulatedCpe(acs.uri, good.model(),
                SimulatedCpe.Options.DEFAULT.credentials("stored-user", "stored-pass"), http);
        assertThat(storedCredentials.runSession().ok()).isTrue();
    }

    @Test
    void cwmpAuthOverridesTheEnvironmentAndSeesTheRemoteAddress() throws Exception {
        acs = start(Map.of("ACS_CWMP_AUTH", "true", "ACS_CWMP_USERNAME", "env", "ACS_CWMP_PASSWORD", "env-pass"));
        SimulatedCpe anonymous = ec220("LOCAL-1", SimulatedCpe.Options.DEFAULT);
        assertThat(anonymous.runSession().informStatus()).as("ACS_CWMP_AUTH applies").isEqualTo(401);

        config("cwmp.auth", "REMOTE_ADDRESS() LIKE \"%127.0.0.1\" OR remoteAddress = \"::1\"");
        // seen within the refresh interval (0 here: the Inform that finds the change old starts its reading)
        assertThat(eventually(anonymous)).as("loopback is trusted by the expression").isTrue();
        config("cwmp.auth", "REMOTE_ADDRESS() = \"192.0.2.1\"");
        assertThat(anonymous.runSession().informStatus()).isEqualTo(401);
    }

    /** Whether a session succeeds within a few attempts (an edit is seen within the refresh interval). */
    private static boolean eventually(SimulatedCpe cpe) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (cpe.runSession().ok()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void anExtensionCanGiveEachDeviceItsPassword() throws Exception {
        Assumptions.assumeTrue(nodeOnPath(),
                "node (Node.js) is not on the PATH: install it (apt-get install nodejs) to run the extension test");
        Path ext = dataDir.resolve("ext");
        Files.createDirectories(ext);
        Files.writeString(ext.resolve("creds.js"),
                "exports.password = function (args, callback) { callback(null, 'x' + args[0].toLowerCase()); };");
        acs = start(Map.of("GENIEACS_EXT_DIR", ext.toString()));
        config("cwmp.auth", "AUTH(DeviceID.SerialNumber, EXT(\"creds\", \"password\", DeviceID.SerialNumber))");
        assertThat(ec220("EXT-1", SimulatedCpe.Options.DEFAULT.credentials("EXT-1", "xext-1")).runSession().ok()).isTrue();
        assertThat(ec220("EXT-2", SimulatedCpe.Options.DEFAULT.credentials("EXT-2", "xext-1")).runSession()
                .informStatus()).isEqualTo(401);
    }

    @Test
    void connectionRequestAuthTriesEachCredentialInTurn() throws Exception {
        acs = start(Map.of());
        SimulatedCpe cpe = ec220("WAKE-1", SimulatedCpe.Options.DEFAULT);
        try (ConnectionRequestListener listener = ConnectionRequestListener.start(cpe, "WAKE-1", "cr-WAKE-1")) {
            assertThat(cpe.runSession().ok()).isTrue();
            // the stored credentials (none) are wrong
            assertThat(acs.server.connectionRequests().wake(RunningAcs.id(cpe)).get())
                    .isEqualTo(ConnectionRequestResult.BAD_CREDENTIALS.via("HTTP"));
            config("cwmp.connectionRequestAuth", "AUTH(\"admin\", \"admin\") OR AUTH(serialNumber, \"cr-\" || "
                    + "DeviceID.SerialNumber)");
            config("cwmp.deviceOnlineThreshold", "2500");
            ConnectionRequestResult woken = acs.server.connectionRequests().wake(RunningAcs.id(cpe)).get();
            assertThat(woken.ok()).as("%s", woken).isTrue();
            assertThat(woken.onlineThreshold()).contains(java.time.Duration.ofMillis(2500));
            assertThat(listener.accepted()).isEqualTo(1);

            config("cwmp.connectionRequestAuth", "AUTH(\"admin\", \"admin\")");
            assertThat(acs.server.connectionRequests().wake(RunningAcs.id(cpe)).get())
                    .isEqualTo(ConnectionRequestResult.BAD_CREDENTIALS.via("HTTP").withOnlineThreshold(
                            java.util.Optional.of(java.time.Duration.ofMillis(2500))));
            assertThat(listener.accepted()).isEqualTo(1);
        }
    }

    @Test
    void retryDelayAndBooleanLiteralApplyPerDevice() throws Exception {
        acs = start(Map.of());
        config("cwmp.retryDelay", "CASE WHEN DeviceID.SerialNumber = \"FAST\" THEN 1 ELSE 300 END");
        config("cwmp.booleanLiteral", "serialNumber = \"FAST\"");
        SimulatedCpe fast = ec220("FAST", SimulatedCpe.Options.DEFAULT);
        SimulatedCpe slow = ec220("SLOW", SimulatedCpe.Options.DEFAULT);
        for (SimulatedCpe cpe : new SimulatedCpe[] {fast, slow}) {
            session(cpe);
            // a read-only parameter: the CPE refuses, the task faults
            acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":["
                    + "[\"Device.DeviceInfo.SerialNumber\",\"x\"],[\"Device.WiFi.SSID.1.Enable\",false,\"xsd:boolean\"]]}");
            session(cpe);
            assertThat(cpe.lastSessionRequests()).anySatisfy(r -> assertThat(r).contains("SetParameterValues"));
        }
        assertThat(String.join("", fast.lastSessionRequests())).contains(">false</Value>");
        assertThat(String.join("", slow.lastSessionRequests())).contains(">0</Value>").doesNotContain(">false</Value>");
        assertThat(faults()).hasSize(2);

        Thread.sleep(1_200);
        session(fast);
        session(slow);
        assertThat(fast.lastSessionRequests()).as("retried after 1 s").anySatisfy(r -> assertThat(r)
                .contains("SetParameterValues"));
        assertThat(slow.lastSessionRequests()).as("not before 300 s").isEmpty();
    }

    @Test
    void downloadSuccessOnTimeoutCookiesPathAndSkipWritableCheck() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_PRESETS_REFRESH", "0"));
        config("cwmp.downloadTimeout", "1");
        config("cwmp.downloadSuccessOnTimeout", "true");
        config("cwmp.cookiesPath", "'/acs'");
        SimulatedCpe cpe = ec220("TIMEOUT-1", SimulatedCpe.Options.DEFAULT.with(SimulatedCpe.Quirk.DOWNLOAD_NEVER_COMPLETES));
        // learns the tree: the serial number is read-only
        session(cpe, "0 BOOTSTRAP");
        java.net.http.HttpResponse<String> informed = http.send(java.net.http.HttpRequest.newBuilder(acs.uri)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(cpe.encodedInform("2 PERIODIC"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(informed.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).endsWith("; Path=/acs"));
        String cookie = informed.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(acs.uri).header("Cookie", cookie)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);

        acs.queue(cpe, "{\"name\":\"download\",\"fileType\":\"1 Firmware Upgrade Image\",\"url\":\"http://x/fw.bin\"}");
        session(cpe);
        assertThat(acs.raw().count("operations")).isOne();
        Thread.sleep(1_100);
        session(cpe);
        assertThat(faults()).as("taken as completed, not faulted").isEmpty();
        assertThat(acs.raw().count("operations")).isZero();

        String serial = "{\"name\":\"setParameterValues\",\"parameterValues\":[[\"Device.DeviceInfo.SerialNumber\",\"x\"]]}";
        acs.queue(cpe, serial);
        session(cpe);
        assertThat(cpe.lastSessionRequests()).as("read-only: not sent").noneSatisfy(r -> assertThat(r)
                .contains("SetParameterValues"));
        config("cwmp.skipWritableCheck", "true");
        acs.queue(cpe, serial);
        session(cpe);
        assertThat(cpe.lastSessionRequests()).anySatisfy(r -> assertThat(r).contains("SetParameterValues"));
    }
}
