package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwmpacs.server.NbiClient.q;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cwmpacs.sim.ConnectionRequestListener;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GenieACS's documented NBI examples ({@code docs/api-reference.rst}, reference §4.5), replayed against a
 * simulated CPE registered as {@code 202BC1-BM632w-000000}, asserting what a script sees: status, reason
 * phrase, headers and body.
 */
class NbiCompatibilityTest extends SimulatorCase {
    static final String BM632W = "igd-broadcom-bm632w.csv";
    static final String ID = "202BC1-BM632w-000000";
    /** The CPE's stored ConnectionRequestUsername/Password (from the fixture). */
    static final String CR_USER = ID;
    static final String CR_PASS = "69t0mkjya1";

    private NbiClient nbi;
    private SimulatedCpe cpe;
    private ConnectionRequestListener listener;

    @BeforeEach
    void start() throws Exception {
        acs = RunningAcs.start(dataDir);
        nbi = new NbiClient(acs.server.nbiPort());
        // the id of GenieACS's documentation examples
        org.cwmpacs.sim.DataModel model = tree(BM632W).copyWithSerial("000000");
        // the documentation sets it; this CPE's model lacks it
        model.put("InternetGatewayDevice.ManagementServer.UpgradesManaged",
                org.cwmpacs.sim.SimParameter.leaf(true, "true", "xsd:boolean"));
        cpe = cpe(model, SimulatedCpe.Options.DEFAULT);
        listener = ConnectionRequestListener.start(cpe, CR_USER, CR_PASS);
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
    }

    @AfterEach
    void stopListener() {
        listener.close();
    }

    @Test
    void theDocumentedQueries() throws Exception {
        NbiClient.Reply byId = nbi.get("/devices/?query=%7B%22_id%22%3A%22202BC1-BM632w-000000%22%7D");
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.header("Content-Type")).contains("application/json");
        assertThat(byId.header("total")).contains("1");
        assertThat(byId.body()).startsWith("[\n{").endsWith("}\n]");
        Map<String, Object> device = byId.list().get(0);
        assertThat(device).containsEntry("_id", ID).containsKeys("_lastInform", "_registered", "InternetGatewayDevice");
        assertThat((String) device.get("_lastInform")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(device.get("_deviceId")).isEqualTo(Map.of("_Manufacturer", cpe.deviceId().manufacturer(),
                "_OUI", "202BC1", "_ProductClass", "BM632w", "_SerialNumber", "000000"));

        NbiClient.Reply projected = nbi.get("/devices?query=%7B%22_id%22%3A%22202BC1-BM632w-000000%22%7D"
                + "&projection=InternetGatewayDevice.DeviceInfo.ModelName,InternetGatewayDevice.DeviceInfo.Manufacturer");
        Map<String, Object> slim = projected.list().get(0);
        assertThat(slim).containsOnlyKeys("_id", "InternetGatewayDevice");
        assertThat(path(slim, "InternetGatewayDevice", "DeviceInfo")).containsOnlyKeys("ModelName", "Manufacturer");
        assertThat(path(slim, "InternetGatewayDevice", "DeviceInfo", "Manufacturer")).containsEntry("_value",
                cpe.model().get("InternetGatewayDevice.DeviceInfo.Manufacturer").orElseThrow().value());

        NbiClient.Reply old = nbi.get("/devices/?query=%7B%22_lastInform%22%3A%7B%22%24lt%22%3A%222017-12-11%2013"
                + "%3A16%3A23%20%2B0000%22%7D%7D");
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.header("total")).contains("0");
        assertThat(old.body()).isEqualTo("[\n\n]");
        assertThat(nbi.get("/devices/?query=" + q("{\"_lastInform\":{\"$gt\":\"2017-12-11 13:16:23 +0000\"}}"))
                .header("total")).contains("1");

        NbiClient.Reply queued = nbi.send("POST", "/devices/" + ID + "/tasks", "{\"name\": \"reboot\"}");
        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.header("Content-Type")).contains("application/json");
        Map<String, Object> task = queued.object();
        assertThat(task).containsEntry("name", "reboot").containsEntry("device", ID).containsKeys("_id", "timestamp");
        assertThat((String) task.get("_id")).matches("[0-9a-f]{24}");
        NbiClient.Reply tasks = nbi.get("/tasks/?query=%7B%22device%22%3A%22202BC1-BM632w-000000%22%7D");
        assertThat(tasks.list()).extracting(t -> t.get("_id")).containsExactly(task.get("_id"));
        assertThat(tasks.list().get(0)).containsEntry("timestamp", task.get("timestamp"));
    }

    @Test
    void theDocumentedTasksWithAConnectionRequestRunAtOnce() throws Exception {
        NbiClient.Reply refresh = nbi.send("POST", "/devices/202BC1-BM632w-000000/tasks?connection_request",
                "{\"name\": \"refreshObject\", \"objectName\": \"\"}");
        assertThat(refresh.status()).as("%s", refresh).isEqualTo(200);
        assertThat(refresh.reason()).isEqualTo("OK");
        assertThat(refresh.object()).containsEntry("name", "refreshObject").containsEntry("objectName", "");

        NbiClient.Reply read = nbi.send("POST", "/devices/" + ID + "/tasks?timeout=3000&connection_request",
                "{\"name\": \"getParameterValues\", \"parameterNames\": [\"InternetGatewayDevice.Time.NTPServer1\"]}");
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        NbiClient.Reply set = nbi.send("POST", "/devices/" + ID + "/tasks?timeout=3000&connection_request",
                "{\"name\": \"setParameterValues\", \"parameterValues\": "
                        + "[[\"InternetGatewayDevice.ManagementServer.UpgradesManaged\",false]]}");
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(cpe.model().get("InternetGatewayDevice.ManagementServer.UpgradesManaged").orElseThrow().value())
                .isIn("false", "0");
        NbiClient.Reply add = nbi.send("POST", "/devices/" + ID + "/tasks?timeout=3000&connection_request",
                "{\"name\":\"addObject\",\"objectName\":\"InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1."
                        + "WANPPPConnection\"}");
        assertThat(add.status()).as("%s", add).isEqualTo(200);
        assertThat(nbi.get("/tasks").header("total")).as("every task ran and is gone").contains("0");
        assertThat(listener.accepted()).isEqualTo(4);

        NbiClient.Reply upload = nbi.send("PUT", "/files/mipsbe-6-42-lite.xml", "<config/>".getBytes(
                StandardCharsets.UTF_8), Map.of("fileType", "3 Vendor Configuration File", "oui", "202BC1",
                "productClass", "BM632w", "version", "6.42"));
        assertThat(upload.status()).isEqualTo(201);
        NbiClient.Reply download = nbi.send("POST", "/devices/" + ID + "/tasks?timeout=3000&connection_request",
                "{\"name\": \"download\", \"file\": \"mipsbe-6-42-lite.xml\"}");
        assertThat(download.status()).as("%s", download).isEqualTo(200);
        assertThat(cpe.lastSessionRequests().get(0)).contains("<FileType>3 Vendor Configuration File</FileType>")
                .contains("/mipsbe-6-42-lite.xml</URL>").contains("<FileSize>9</FileSize>");
    }

    @Test
    void aFaultedTaskIsReportedRetriedAndDeleted() throws Exception {
        // writable when the ACS learned the tree, refused by the CPE now (a read-only parameter the ACS knows
        // as such is not sent at all, as in GenieACS)
        String path = "InternetGatewayDevice.DeviceInfo.ProvisioningCode";
        org.cwmpacs.sim.SimParameter p = cpe.model().get(path).orElseThrow();
        cpe.model().put(path, new org.cwmpacs.sim.SimParameter(false, false, p.value(), p.type(), 0));
        NbiClient.Reply faulted = nbi.send("POST", "/devices/" + ID + "/tasks?connection_request",
                "{\"name\": \"setParameterValues\", \"parameterValues\": [[\"" + path + "\",\"x\"]]}");
        assertThat(faulted.status()).isEqualTo(202);
        assertThat(faulted.reason()).isEqualTo("Task faulted");
        String taskId = (String) faulted.object().get("_id");
        List<Map<String, Object>> faults = nbi.get("/faults/?query=" + q("{\"device\":\"" + ID + "\"}")).list();
        assertThat(faults).extracting(f -> f.get("_id")).containsExactly(ID + ":task_" + taskId);
        assertThat(faults.get(0)).containsEntry("channel", "task_" + taskId).containsEntry("code", "cwmp.9003");
        assertThat(faults.get(0).get("detail").toString()).contains("9008");

        NbiClient.Reply retry = nbi.send("POST", "/tasks/" + taskId + "/retry", null);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(nbi.get("/faults").header("total")).contains("0");
        assertThat(nbi.get("/tasks").header("total")).as("the task waits for the next session").contains("1");
        NbiClient.Reply deleted = nbi.send("DELETE", "/tasks/" + taskId, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(nbi.get("/tasks").header("total")).contains("0");
        assertThat(nbi.send("DELETE", "/tasks/" + taskId, null).status()).isEqualTo(404);
        assertThat(nbi.send("DELETE", "/faults/202BC1-BM632w-000000:default", null).status())
                .as("deleting an absent fault is fine, as in GenieACS").isEqualTo(200);
    }

    @Test
    void tagsPresetsFilesProvisionsAndDeletingADevice() throws Exception {
        assertThat(nbi.send("POST", "/devices/202BC1-BM632w-000000/tags/testing", null).status()).isEqualTo(200);
        assertThat(nbi.get("/devices/?query=" + q("{\"_tags\":\"testing\"}")).header("total")).contains("1");
        assertThat(nbi.send("DELETE", "/devices/" + ID + "/tags/testing", null).status()).isEqualTo(200);
        assertThat(nbi.get("/devices/?query=" + q("{\"_tags\":\"testing\"}")).header("total")).contains("0");
        NbiClient.Reply noDevice = nbi.send("POST", "/devices/nobody/tags/testing", null);
        assertThat(noDevice.status()).isEqualTo(404);
        assertThat(noDevice.body()).isEqualTo("No such device");

        String preset = "{\"weight\": 0, \"precondition\": \"{\\\"_tags\\\": \\\"test\\\"}\", \"configurations\": "
                + "[{\"type\": \"value\", \"name\": \"InternetGatewayDevice.ManagementServer.PeriodicInformEnable\", "
                + "\"value\": \"true\"}, {\"type\": \"value\", \"name\": "
                + "\"InternetGatewayDevice.ManagementServer.PeriodicInformInterval\", \"value\": \"300\"}]}";
        assertThat(nbi.send("PUT", "/presets/inform", preset).status()).isEqualTo(200);
        Map<String, Object> stored = nbi.get("/presets").list().get(0);
        assertThat(stored).containsEntry("_id", "inform").containsEntry("precondition", "{\"_tags\": \"test\"}");
        assertThat((List<?>) stored.get("configurations")).hasSize(2);
        assertThat(nbi.send("DELETE", "/presets/inform", null).status()).isEqualTo(200);
        assertThat(nbi.get("/presets").header("total")).contains("0");

        NbiClient.Reply file = nbi.send("PUT", "/files/new_firmware_v1.0.bin", new byte[] {1, 2, 3},
                Map.of("fileType", "1 Firmware Upgrade Image", "oui", "123456", "productClass", "ABC", "version", "1.0"));
        assertThat(file.status()).isEqualTo(201);
        Map<String, Object> listed = nbi.get("/files/").list().get(0);
        assertThat(listed).containsEntry("_id", "new_firmware_v1.0.bin").containsEntry("filename",
                "new_firmware_v1.0.bin").containsEntry("length", 3);
        assertThat(listed.get("metadata")).isEqualTo(Map.of("fileType", "1 Firmware Upgrade Image", "oui", "123456",
                "productClass", "ABC", "version", "1.0"));
        assertThat(nbi.send("DELETE", "/files/new_firmware_v1.0.bin", null).status()).isEqualTo(200);
        NbiClient.Reply gone = nbi.send("DELETE", "/files/new_firmware_v1.0.bin", null);
        assertThat(gone.status()).isEqualTo(404);

        assertThat(nbi.send("PUT", "/provisions/mynewprovision", "log(\"Provision started at \" + now);").status())
                .isEqualTo(200);
        NbiClient.Reply provisions = nbi.get("/provisions/");
        assertThat(provisions.list()).containsExactly(Map.of("_id", "mynewprovision", "script",
                "log(\"Provision started at \" + now);"));
        assertThat(nbi.send("PUT", "/virtual_parameters/uptime", "return {value: 1};").status()).isEqualTo(200);
        assertThat(nbi.get("/virtual_parameters").list()).extracting(v -> v.get("_id")).containsExactly("uptime");

        assertThat(nbi.send("POST", "/devices/" + ID + "/tasks", "{\"name\": \"reboot\"}").status()).isEqualTo(202);
        NbiClient.Reply single = nbi.get("/devices/" + ID);
        assertThat(single.status()).as("GenieACS has no single-device GET").isEqualTo(405);
        assertThat(single.header("Allow")).contains("DELETE");
        assertThat(nbi.send("DELETE", "/devices/202BC1-BM632w-000000", null).status()).isEqualTo(200);
        assertThat(nbi.get("/devices").header("total")).contains("0");
        assertThat(nbi.get("/tasks").header("total")).as("its tasks went with it").contains("0");
        // the CPE comes back: registered again, as a new device
        session(cpe);
        assertThat(nbi.get("/devices").header("total")).contains("1");
    }

    @Test
    void aDeviceIdWithEscapesIsDoubleEncodedInThePath() throws Exception {
        SimulatedCpe odd = cpe(tree(BM632W).copyWithSerial("SR552NA084-0003269"), SimulatedCpe.Options.DEFAULT);
        session(odd, "0 BOOTSTRAP", "1 BOOT");
        String id = RunningAcs.id(odd);
        assertThat(id).isEqualTo("202BC1-BM632w-SR552NA084%2D0003269");
        assertThat(nbi.send("POST", "/devices/202BC1-BM632w-SR552NA084%252D0003269/tasks",
                "{\"name\": \"reboot\"}").object()).containsEntry("device", id);
        assertThat(nbi.send("POST", "/devices/202BC1-BM632w-SR552NA084%252D0003269/tags/x", null).status())
                .isEqualTo(200);
        assertThat(nbi.get("/devices/?query=" + q("{\"_id\":\"" + id + "\"}")).list().get(0).get("_tags"))
                .isEqualTo(List.of("x"));
    }

    @Test
    void badInputGetsAClearError() throws Exception {
        NbiClient.Reply notJson = nbi.send("POST", "/devices/" + ID + "/tasks", "{name: reboot");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.header("Content-Type")).contains("application/json");
        assertThat((String) notJson.object().get("error")).startsWith("invalid JSON");
        NbiClient.Reply invalidTask = nbi.send("POST", "/devices/" + ID + "/tasks",
                "{\"name\": \"getParameterValues\"}");
        assertThat(invalidTask.status()).isEqualTo(400);
        assertThat((String) invalidTask.object().get("error")).contains("parameterNames");
        NbiClient.Reply unknownName = nbi.send("POST", "/devices/" + ID + "/tasks", "{\"name\": \"explode\"}");
        assertThat(unknownName.status()).isEqualTo(400);
        assertThat(nbi.send("POST", "/devices/" + ID + "/tasks", "[1,2]").status()).isEqualTo(400);
        assertThat(nbi.get("/tasks").header("total")).as("nothing was queued").contains("0");

        NbiClient.Reply nothing = nbi.send("POST", "/devices/" + ID + "/tasks", null);
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.object()).containsKey("error");
        NbiClient.Reply nobody = nbi.send("POST", "/devices/nobody/tasks", "{\"name\": \"reboot\"}");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.body()).isEqualTo("No such device");

        NbiClient.Reply badId = nbi.send("DELETE", "/tasks/not-an-id", null);
        assertThat(badId.status()).isEqualTo(400);
        assertThat((String) badId.object().get("error")).contains("24 hexadecimal digits");
        NbiClient.Reply missingRetry = nbi.send("POST", "/tasks/5403908ef28ea3a25c138adc/retry", null);
        assertThat(missingRetry.status()).isEqualTo(404);
        assertThat(missingRetry.object()).containsEntry("error", "Task not found");
        assertThat(nbi.send("POST", "/tasks/5403908ef28ea3a25c138adc/other", null).status()).isEqualTo(404);

        NbiClient.Reply badEscape = nbi.get("/devices/?query=%ZZ");
        assertThat(badEscape.status()).isEqualTo(400);
        assertThat((String) badEscape.object().get("error")).contains("malformed");
        assertThat(nbi.send("POST", "/devices/%ZZ/tasks", "{}").status()).isEqualTo(400);
        NbiClient.Reply badQuery = nbi.get("/devices/?query=" + q("{\"_id\":"));
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat((String) badQuery.object().get("error")).startsWith("invalid JSON");
        assertThat(nbi.get("/devices/?query=" + q("{\"$where\":\"sleep(1000)\"}")).status()).isEqualTo(400);
        assertThat(nbi.get("/devices/?sort=" + q("{\"_lastInform\":\"up\"}")).status()).isEqualTo(400);
        assertThat(nbi.get("/devices/?limit=many").status()).isEqualTo(400);
        NbiClient.Reply unknown = nbi.get("/nothing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("404 Not Found");
        assertThat(nbi.get("/a/b/c").status()).isEqualTo(404);
        NbiClient.Reply wrongMethod = nbi.send("POST", "/devices", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).contains("GET, HEAD");
        assertThat(nbi.send("GET", "/presets/x", null).header("Allow")).contains("PUT, DELETE");

        assertThat(nbi.send("PUT", "/objects/huge", "{\"n\": 123456789012345678901234567890}").status())
                .as("a number beyond 64 bits is stored, not a server error").isEqualTo(200);
        assertThat(nbi.send("DELETE", "/objects/huge", null).status()).isEqualTo(200);
        NbiClient.Reply badPreset = nbi.send("PUT", "/presets/broken", "{\"weight\": ");
        assertThat(badPreset.status()).isEqualTo(400);
        NbiClient.Reply badScript = nbi.send("PUT", "/provisions/broken", "declare(\"x\", {value: 1}, ;");
        assertThat(badScript.status()).isEqualTo(400);
        assertThat((String) badScript.object().get("error")).startsWith("SyntaxError: ").contains("line 1");
        assertThat(nbi.get("/provisions").header("total")).as("nothing stored").contains("0");
        assertThat(nbi.get("/presets").header("total")).contains("0");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> path(Map<String, Object> doc, String... keys) {
        Map<String, Object> node = doc;
        for (String k : keys) {
            node = (Map<String, Object>) node.get(k);
        }
        return node;
    }

    @Test
    void aTransferTasksPasswordIsNeverListed() throws Exception {
        NbiClient.Reply queued = nbi.send("POST", "/devices/" + ID + "/tasks", "{\"name\": \"upload\", \"fileType\": "
                + "\"2 Vendor Log File\", \"url\": \"http://logs.example/\", \"username\": \"u\", \"password\": \"s3cret\"}");
        assertThat(queued.status()).isIn(200, 202);
        NbiClient.Reply listed = nbi.get("/tasks/?query=" + q("{\"name\":\"upload\"}"));
        assertThat(listed.list()).hasSize(1);
        assertThat(listed.list().get(0)).containsEntry("username", "u").doesNotContainKey("password");
        assertThat(listed.body()).doesNotContain("s3cret");
        assertThat(nbi.get("/tasks/?query=" + q("{\"password\":\"s3cret\"}")).status())
                .as("nor guessed by querying it").isEqualTo(400);
    }
}
