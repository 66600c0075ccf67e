package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.task.Task;
import org.cwmpacs.sim.SimParameter;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.Test;

/** Every task type against the simulator, through the real listener and the embedded store. */
class TaskEndToEndTest extends SimulatorCase {
    private static final String HUAWEI = "igd-huawei-eg8145v5.csv";

    private SimulatedCpe discovered(String model, SimulatedCpe.Options options, Map<String, String> env) throws Exception {
        acs = RunningAcs.start(dataDir, env);
        SimulatedCpe cpe = cpe(tree(model), options);
        SimulatedCpe.SessionResult first = cpe.runSession();
        assertThat(first.ok()).as("%s", first).isTrue();
        return cpe;
    }

    private SimulatedCpe discovered(String model) throws Exception {
        return discovered(model, SimulatedCpe.Options.DEFAULT, Map.of());
    }

    private Optional<Object> stored(SimulatedCpe cpe, String path) {
        return device(cpe).value(path);
    }

    @Test
    void getParameterValuesReadsTheCurrentValue() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        String uptime = "Device.DeviceInfo.UpTime";
        cpe.model().put(uptime, SimParameter.leaf(false, "99999", "xsd:unsignedInt"));
        acs.queue(cpe, "{\"name\":\"getParameterValues\",\"parameterNames\":[\"" + uptime + "\"]}");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.acsRequests()).containsExactly("GetParameterValues");
        assertThat(stored(cpe, uptime)).contains(99999);
        assertThat(tasksLeft()).isZero();
    }

    @Test
    void setParameterValuesSetsOnlyWhatDiffers() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":["
                + "[\"Device.WiFi.SSID.1.SSID\",\"NewSSID\",\"xsd:string\"],"
                + "[\"Device.ManagementServer.PeriodicInformInterval\",300],"
                + "[\"Device.WiFi.SSID.1.Enable\",true]]}");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.acsRequests()).containsExactly("SetParameterValues");
        String spv = cpe.lastSessionRequests().get(0);
        assertThat(spv).contains("Device.WiFi.SSID.1.SSID").contains("NewSSID")
                .contains("<Value xsi:type=\"xsd:unsignedInt\">300</Value>")
                // already true on the CPE: not sent
                .doesNotContain("Device.WiFi.SSID.1.Enable");
        assertThat(cpe.model().get("Device.WiFi.SSID.1.SSID").orElseThrow().value()).isEqualTo("NewSSID");
        assertThat(cpe.model().get("Device.ManagementServer.PeriodicInformInterval").orElseThrow().value()).isEqualTo("300");
        assertThat(stored(cpe, "Device.WiFi.SSID.1.SSID")).contains("NewSSID");
        assertThat(stored(cpe, "Device.ManagementServer.PeriodicInformInterval")).contains(300);
        assertThat(tasksLeft()).isZero();

        // the same values again: nothing to send
        acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":[[\"Device.WiFi.SSID.1.SSID\",\"NewSSID\"]]}");
        assertThat(session(cpe).acsRequests()).isEmpty();
        assertThat(tasksLeft()).isZero();
    }

    @Test
    void refreshObjectRereadsASubtree() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        cpe.model().put("Device.WiFi.SSID.2.SSID", SimParameter.leaf(true, "Changed", "xsd:string"));
        cpe.model().removeSubtree("Device.WiFi.SSID.4.");
        acs.queue(cpe, "{\"name\":\"refreshObject\",\"objectName\":\"Device.WiFi.SSID.\"}");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.acsRequests()).containsExactly("GetParameterNames", "GetParameterValues");
        assertThat(stored(cpe, "Device.WiFi.SSID.2.SSID")).contains("Changed");
        assertThat(device(cpe).parameter("Device.WiFi.SSID.4")).as("a vanished instance is removed").isEmpty();
        assertThat(device(cpe).parameter("Device.WiFi.SSID.3")).isPresent();
    }

    @Test
    void addObjectCreatesAnInstanceAndSetsItsValues() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        String table = "Device.Routing.Router.1.IPv4Forwarding";
        // the fixture's forwarding entries are read-only; this CPE lets them be written
        cpe.model().subtree(table + ".4.").forEach((path, p) -> {
            if (!p.object()) {
                cpe.model().put(path, new SimParameter(false, true, p.value(), p.type(), 0));
            }
        });
        acs.queue(cpe, "{\"name\":\"addObject\",\"objectName\":\"" + table + "\",\"parameterValues\":"
                + "[[\"DestIPAddress\",\"10.1.0.0\"],[\"Enable\",true]]}");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.acsRequests()).containsExactly("AddObject", "GetParameterNames", "GetParameterValues",
                "SetParameterValues");
        String instance = table + ".5";
        assertThat(cpe.model().get(instance + ".DestIPAddress").orElseThrow().value()).isEqualTo("10.1.0.0");
        assertThat(device(cpe).parameter(instance).orElseThrow().isObject()).isTrue();
        assertThat(stored(cpe, instance + ".DestIPAddress")).contains("10.1.0.0");
        assertThat(stored(cpe, instance + ".Enable")).contains(true);
        assertThat(stored(cpe, instance + ".GatewayIPAddress")).as("the rest of the new instance is learned").contains("");
        assertThat(tasksLeft()).isZero();
    }

    @Test
    void deleteObjectRemovesTheInstance() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        String instance = "Device.Routing.Router.1.IPv4Forwarding.2";
        assertThat(device(cpe).parameter(instance)).isPresent();
        acs.queue(cpe, "{\"name\":\"deleteObject\",\"objectName\":\"" + instance + ".\"}");
        assertThat(session(cpe).acsRequests()).containsExactly("DeleteObject");
        assertThat(cpe.model().get(instance + ".")).isEmpty();
        assertThat(device(cpe).parameter(instance)).isEmpty();
        assertThat(device(cpe).parameter(instance + ".DestIPAddress")).isEmpty();
        assertThat(tasksLeft()).isZero();
    }

    @Test
    void rebootIsSentLastAndRecognisedInTheNextSession() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        acs.queue(cpe, "{\"name\":\"reboot\"}");
        acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":[[\"Device.WiFi.SSID.1.SSID\",\"x\"]]}");
        assertThat(session(cpe).acsRequests()).containsExactly("Reboot", "SetParameterValues");
        assertThat(device(cpe).parameter("Reboot").flatMap(ParameterAttributes::value)).isPresent();
        Instant beforeBoot = device(cpe).lastBoot().orElseThrow();
        SimulatedCpe.SessionResult next = session(cpe, "2 PERIODIC");
        assertThat(next.acsRequests()).isEmpty();
        assertThat(device(cpe).lastBoot().orElseThrow()).isAfter(beforeBoot);
    }

    @Test
    void factoryResetIsFollowedByANewDiscovery() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        acs.queue(cpe, "{\"name\":\"factoryReset\"}");
        assertThat(session(cpe).acsRequests()).containsExactly("FactoryReset");
        // the CPE comes back with 0 BOOTSTRAP: its tree is learned again
        SimulatedCpe.SessionResult next = cpe.runSession();
        assertThat(next.acsRequests()).containsExactly("GetParameterNames", "GetParameterValues");
        assertThat(device(cpe).lastBootstrap()).isPresent();
    }

    @Test
    void downloadCarriesAllTenFieldsAndTheTransferCompleteIsRecorded() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        Task task = acs.queue(cpe, "{\"name\":\"download\",\"fileType\":\"1 Firmware Upgrade Image\","
                + "\"url\":\"http://fw.example.net/images/fw-2.0.bin\",\"username\":\"fwuser\",\"password\":\"fw&pass\","
                + "\"fileSize\":12345678,\"targetFileName\":\"fw.bin\",\"delaySeconds\":5,"
                + "\"successUrl\":\"http://example.net/ok\",\"failureUrl\":\"http://example.net/ko\","
                + "\"commandKey\":\"fw-2.0\"}");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.acsRequests()).containsExactly("Download");
        assertThat(cpe.lastSessionRequests().get(0)).contains("<cwmp:Download>"
                + "<CommandKey>fw-2.0</CommandKey>"
                + "<FileType>1 Firmware Upgrade Image</FileType>"
                + "<URL>http://fw.example.net/images/fw-2.0.bin</URL>"
                + "<Username>fwuser</Username>"
                + "<Password>fw&amp;pass</Password>"
                + "<FileSize>12345678</FileSize>"
                + "<TargetFileName>fw.bin</TargetFileName>"
                + "<DelaySeconds>5</DelaySeconds>"
                + "<SuccessURL>http://example.net/ok</SuccessURL>"
                + "<FailureURL>http://example.net/ko</FailureURL>"
                + "</cwmp:Download>");
        assertThat(tasksLeft()).isZero();
        Document operation = acs.raw().all("operations").stream().findFirst().orElse(null);
        assertThat(operation).isNotNull();
        assertThat(operation.get("_id")).isEqualTo(RunningAcs.id(cpe) + ":fw-2.0");
        assertThat(operation.get("name")).isEqualTo("Download");
        assertThat((String) operation.get("channels")).contains("task_" + task.id());

        // the CPE reports the transfer in its next session
        SimulatedCpe.SessionResult next = session(cpe);
        assertThat(next.acsRequests()).isEmpty();
        assertThat(acs.raw().count("operations")).isZero();
        Device device = device(cpe);
        assertThat(device.value("Downloads.1.LastFileName")).contains("fw-2.0.bin");
        assertThat(device.value("Downloads.1.LastFileType")).contains("1 Firmware Upgrade Image");
        assertThat(device.value("Downloads.1.CompleteTime")).hasValueSatisfying(t -> assertThat(t).isInstanceOf(Instant.class));
        assertThat(device.value("Downloads.1.LastFaultCode")).contains(0);
        assertThat(faults()).isEmpty();
    }

    @Test
    void aDownloadOfAStoredFileTakesItsSizeAndTheFileServersUrl() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        acs.raw().insert("fs.files", new Document("_id", "fw 3.bin")
                .append("filename", "fw 3.bin").append("length", 4_194_304L).append("chunkSize", 261_120)
                .append("uploadDate", new Date()).append("metadata", new Document("fileType", "1 Firmware Upgrade Image")));
        acs.queue(cpe, "{\"name\":\"download\",\"file\":\"fw 3.bin\"}");
        session(cpe);
        String xml = cpe.lastSessionRequests().get(0);
        assertThat(xml).contains("<FileType>1 Firmware Upgrade Image</FileType>")
                .contains("<URL>http://127.0.0.1:" + acs.server.fsPort() + "/fw%203.bin</URL>").contains("<FileSize>4194304</FileSize>");
    }

    @Test
    void theOtherRpcTasks() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        acs.queue(cpe, "{\"name\":\"getParameterAttributes\",\"parameterNames\":[\"Device.WiFi.SSID.1.\"]}");
        acs.queue(cpe, "{\"name\":\"setParameterAttributes\",\"parameterAttributes\":"
                + "[{\"name\":\"Device.WiFi.SSID.1.SSID\",\"notification\":2}]}");
        acs.queue(cpe, "{\"name\":\"scheduleInform\",\"delaySeconds\":60,\"commandKey\":\"later\"}");
        acs.queue(cpe, "{\"name\":\"getRPCMethods\"}");
        acs.queue(cpe, "{\"name\":\"upload\",\"fileType\":\"2 Vendor Log File\",\"url\":\"http://example.net/logs/\"}");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.acsRequests()).containsExactly("GetParameterAttributes", "SetParameterAttributes",
                "ScheduleInform", "GetRPCMethods", "Upload");
        assertThat(cpe.model().get("Device.WiFi.SSID.1.SSID").orElseThrow().notification()).isEqualTo(2);
        ParameterAttributes ssid = device(cpe).parameter("Device.WiFi.SSID.1.SSID").orElseThrow();
        assertThat(ssid.notification()).contains(2);
        assertThat(device(cpe).parameter("Device.WiFi.SSID.1.Enable").orElseThrow().notification()).contains(0);
        assertThat(tasksLeft()).isZero();
        assertThat(acs.raw().count("operations")).as("the upload").isOne();
    }

    @Test
    void threeHundredValuesInRdkbModeAreBatchedUnderItsLimit() throws Exception {
        SimulatedCpe cpe = discovered(HUAWEI, SimulatedCpe.Options.DEFAULT.rdkbMode(), Map.of());
        List<String> names = new ArrayList<>();
        cpe.model().nodes().forEach((path, p) -> {
            if (!p.object() && p.writable() && "xsd:string".equals(p.type()) && names.size() < 300) {
                names.add(path);
            }
        });
        assertThat(names).hasSize(300);
        StringBuilder json = new StringBuilder("{\"name\":\"setParameterValues\",\"parameterValues\":[");
        for (int i = 0; i < names.size(); i++) {
            json.append(i == 0 ? "" : ",").append("[\"").append(names.get(i)).append("\",\"v").append(i).append("\"]");
        }
        acs.queue(cpe, json.append("]}").toString());
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.acsRequests()).containsExactly("SetParameterValues", "SetParameterValues",
                "SetParameterValues");
        for (int i = 0; i < names.size(); i++) {
            assertThat(cpe.model().get(names.get(i)).orElseThrow().value()).isEqualTo("v" + i);
        }
        assertThat(faults()).isEmpty();
        assertThat(tasksLeft()).isZero();
    }

    @Test
    void aFaultedTaskIsStoredAndRetriedAfterItsBackoff() throws Exception {
        SimulatedCpe cpe = discovered(EC220, SimulatedCpe.Options.DEFAULT, Map.of("ACS_FAULT_RETRY_DELAY", "2"));
        // read-only on the CPE: the set faults 9003 with a 9008 entry
        Task task = acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":"
                + "[[\"Device.DeviceInfo.ProvisioningCode\",\"x\"],[\"Device.DeviceInfo.UpTime\",5]]}");
        cpe.model().put("Device.DeviceInfo.ProvisioningCode", SimParameter.leaf(false, "", "xsd:string"));
        assertThat(session(cpe).acsRequests()).containsExactly("SetParameterValues");
        List<Document> faults = faults();
        assertThat(faults).hasSize(1);
        Document fault = faults.get(0);
        assertThat(fault.get("_id")).isEqualTo(RunningAcs.id(cpe) + ":task_" + task.id());
        assertThat(fault.get("channel")).isEqualTo("task_" + task.id());
        assertThat(fault.get("code")).isEqualTo("cwmp.9003");
        assertThat(fault.get("retries")).isEqualTo(0);
        assertThat(fault.get("provisions")).as("as GenieACS records the task's provisions")
                .isEqualTo("[[\"value\",\"Device.DeviceInfo.ProvisioningCode\",\"x\"],[\"value\",\"Device.DeviceInfo.UpTime\",5]]");
        Document detail = fault.get("detail", Document.class);
        assertThat(detail.get("faultCode")).isEqualTo("9003");
        assertThat(detail.getList("setParameterValuesFault", Document.class)).extracting(d -> d.get("faultCode"))
                .contains("9008");
        assertThat(tasksLeft()).as("a faulted task stays queued").isOne();

        // within the backoff the task is not tried
        assertThat(session(cpe).acsRequests()).isEmpty();
        Thread.sleep(2_100);
        assertThat(session(cpe).acsRequests()).containsExactly("SetParameterValues");
        assertThat(faults().get(0).get("retries")).isEqualTo(1);

        // the CPE now accepts it: after the next backoff (2 s × 2) the task completes and its fault goes
        cpe.model().put("Device.DeviceInfo.ProvisioningCode", SimParameter.leaf(true, "", "xsd:string"));
        cpe.model().put("Device.DeviceInfo.UpTime", SimParameter.leaf(true, "1", "xsd:unsignedInt"));
        Thread.sleep(4_100);
        assertThat(session(cpe).acsRequests()).containsExactly("SetParameterValues");
        assertThat(faults()).isEmpty();
        assertThat(tasksLeft()).isZero();
    }

    @Test
    void invalidParameterNamesAreClearedFromTheStoredTree() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        String gone = "Device.WiFi.SSID.3";
        cpe.model().removeSubtree(gone + ".");
        acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":[[\"" + gone + ".SSID\",\"x\"]]}");
        assertThat(session(cpe).acsRequests()).containsExactly("SetParameterValues");
        assertThat(faults()).extracting(f -> f.get("code")).containsExactly("cwmp.9003");
        assertThat(device(cpe).parameter(gone + ".SSID")).as("cleared, to be learned again").isEmpty();
    }

    @Test
    void aValueThatCannotBeOfItsTypeIsRefusedNotSent() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        // with the type given, at once: the task is not queued
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> acs.queue(cpe, "{\"name\":\"setParameterValues\","
                + "\"parameterValues\":[[\"Device.ManagementServer.PeriodicInformInterval\",\"notanumber\","
                + "\"xsd:unsignedInt\"]]}"))
                .isInstanceOf(org.cwmpacs.core.task.InvalidTaskException.class)
                .hasMessageContaining("not a valid xsd:unsignedInt").hasMessageContaining("notanumber");
        // with the type the device reported: the task faults in the session, and nothing is sent
        acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":["
                + "[\"Device.ManagementServer.PeriodicInformInterval\",\"notanumber\"]]}");
        assertThat(session(cpe).acsRequests()).doesNotContain("SetParameterValues");
        assertThat(faults()).extracting(f -> f.get("code")).containsExactly("cwmp.9007");
        assertThat(String.valueOf(faults().get(0).get("message"))).contains("xsd:unsignedInt").contains("notanumber");
        assertThat(stored(cpe, "Device.ManagementServer.PeriodicInformInterval")).isNotEqualTo(Optional.of("notanumber"));
        // converted as GenieACS converts: words to booleans, leading digits to numbers
        acs.raw().deleteAll("faults");
        acs.raw().deleteAll("tasks");
        acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":["
                + "[\"Device.ManagementServer.PeriodicInformInterval\",\"600 \"],[\"Device.WiFi.SSID.1.Enable\",\"FALSE\"]]}");
        assertThat(session(cpe).acsRequests()).containsExactly("SetParameterValues");
        assertThat(cpe.lastSessionRequests().get(0)).contains("<Value xsi:type=\"xsd:unsignedInt\">600</Value>")
                .contains("<Value xsi:type=\"xsd:boolean\">0</Value>");
        assertThat(stored(cpe, "Device.ManagementServer.PeriodicInformInterval")).contains(600);
        assertThat(stored(cpe, "Device.WiFi.SSID.1.Enable")).contains(false);
    }

    @Test
    void readOnlyAndUnknownNamesAreNotSentAndTheTaskCompletesAsInGenieAcs() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        assertThat(device(cpe).parameter("Device.DeviceInfo.UpTime").orElseThrow().writable()).contains(false);
        acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":["
                + "[\"Device.DeviceInfo.UpTime\",5],[\"Device.NoSuchThing.Param\",\"x\"]]}");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.acsRequests()).doesNotContain("SetParameterValues");
        assertThat(cpe.model().get("Device.DeviceInfo.UpTime").orElseThrow().value()).isNotEqualTo("5");
        assertThat(faults()).isEmpty();
        assertThat(tasksLeft()).isZero();
        assertThat(device(cpe).parameter("Device.NoSuchThing.Param")).isEmpty();
    }

    @Test
    void anAddedInstanceIsLearnedEvenWithoutValues() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        String table = "Device.Routing.Router.1.IPv4Forwarding";
        acs.queue(cpe, "{\"name\":\"addObject\",\"objectName\":\"" + table + "\"}");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.acsRequests()).containsExactly("AddObject", "GetParameterNames", "GetParameterValues");
        assertThat(device(cpe).parameter(table + ".5.DestIPAddress")).as("the new instance's parameters").isPresent();
        assertThat(tasksLeft()).isZero();
    }

    @Test
    void refreshingAnObjectTheCpeNoLongerHasClearsItWithoutAFault() throws Exception {
        SimulatedCpe cpe = discovered(EC220);
        cpe.model().removeSubtree("Device.WiFi.SSID.4.");
        acs.queue(cpe, "{\"name\":\"refreshObject\",\"objectName\":\"Device.WiFi.SSID.4.\"}");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(result.ok()).isTrue();
        assertThat(result.acsRequests()).containsExactly("GetParameterNames");
        assertThat(device(cpe).parameter("Device.WiFi.SSID.4")).isEmpty();
        assertThat(device(cpe).parameter("Device.WiFi.SSID.3.SSID")).as("its siblings stay").isPresent();
        assertThat(faults()).isEmpty();
        assertThat(tasksLeft()).isZero();
    }
}
