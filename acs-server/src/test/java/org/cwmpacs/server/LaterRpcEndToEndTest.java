package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.task.Task;
import org.cwmpacs.sim.SimulatedCpe;
import org.cwmpacs.soap.message.ArgStruct;
import org.cwmpacs.soap.message.AutonOpResultStruct;
import org.cwmpacs.soap.message.AutonomousDUStateChangeComplete;
import org.cwmpacs.soap.message.AutonomousDUStateChangeCompleteResponse;
import org.cwmpacs.soap.message.FaultStruct;
import org.cwmpacs.soap.message.Kicked;
import org.cwmpacs.soap.message.KickedResponse;
import org.cwmpacs.soap.message.RequestDownload;
import org.cwmpacs.soap.message.RequestDownloadResponse;
import org.junit.jupiter.api.Test;

/**
 * The RPCs of CWMP 1.1 and later that GenieACS has no task for, queued as tasks and run against the
 * simulator: what the CPE receives, and what the device document shows afterwards.
 */
class LaterRpcEndToEndTest extends SimulatorCase {
    private static final String UUID_A = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

    private SimulatedCpe registered() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of());
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        session(cpe, "0 BOOTSTRAP");
        return cpe;
    }

    private Object stored(SimulatedCpe cpe, String path) {
        return device(cpe).value(path).orElse(null);
    }

    private List<Document> operations() {
        return acs.raw().all("operations");
    }

    @Test
    void aScheduleDownloadIsSentWithItsWindowsAndItsTransferCompleteRecorded() throws Exception {
        SimulatedCpe cpe = registered();
        Task task = acs.queue(cpe, "{\"name\":\"scheduleDownload\",\"fileType\":\"1 Firmware Upgrade Image\","
                + "\"url\":\"http://files.example.net/fw-3.1.bin\",\"fileSize\":1000,\"commandKey\":\"sd-1\","
                + "\"timeWindows\":[{\"windowStart\":0,\"windowEnd\":600,\"windowMode\":\"1 At Any Time\"},"
                + "{\"windowStart\":3600,\"windowEnd\":7200,\"windowMode\":\"3 When Idle\",\"userMessage\":\"later\","
                + "\"maxRetries\":2}]}");
        assertThat(session(cpe).acsRequests()).containsExactly("ScheduleDownload");
        String xml = cpe.lastSessionRequests().get(0);
        assertThat(xml).contains("<CommandKey>sd-1</CommandKey>").contains("<URL>http://files.example.net/fw-3.1.bin</URL>")
                .contains("<FileSize>1000</FileSize>").contains("arrayType=\"cwmp:TimeWindowStruct[2]\"")
                .contains("<WindowStart>3600</WindowStart>").contains("<WindowMode>3 When Idle</WindowMode>")
                .contains("<UserMessage>later</UserMessage>").contains("<MaxRetries>2</MaxRetries>")
                .contains("<MaxRetries>-1</MaxRetries>");
        assertThat(tasksLeft()).isZero();
        assertThat(operations()).singleElement().satisfies(op -> {
            assertThat(op.get("_id")).isEqualTo(RunningAcs.id(cpe) + ":sd-1");
            assertThat(op.get("name")).isEqualTo("ScheduleDownload");
            assertThat((String) op.get("channels")).contains("task_" + task.id());
        });
        assertThat(stored(cpe, "Downloads.1.FileName")).isEqualTo("fw-3.1.bin");

        // its first window opened at once: the CPE reports the transfer in its next session
        session(cpe);
        assertThat(operations()).isEmpty();
        assertThat(stored(cpe, "Downloads.1.LastFileName")).isEqualTo("fw-3.1.bin");
        assertThat(stored(cpe, "Downloads.1.LastFaultCode")).isEqualTo(0);
        assertThat(faults()).isEmpty();
    }

    @Test
    void queuedTransfersAreListedAndOneIsCancelled() throws Exception {
        SimulatedCpe cpe = registered();
        acs.queue(cpe, "{\"name\":\"scheduleDownload\",\"fileType\":\"1 Firmware Upgrade Image\","
                + "\"url\":\"http://files.example.net/night.bin\",\"targetFileName\":\"night.bin\",\"commandKey\":\"night\","
                + "\"timeWindows\":[{\"windowStart\":86400,\"windowEnd\":90000,\"windowMode\":\"1 At Any Time\"}]}");
        acs.queue(cpe, "{\"name\":\"getAllQueuedTransfers\"}");
        assertThat(session(cpe).acsRequests()).containsExactly("ScheduleDownload", "GetAllQueuedTransfers");
        assertThat(stored(cpe, "QueuedTransfers.1.CommandKey")).isEqualTo("night");
        assertThat(stored(cpe, "QueuedTransfers.1.State")).isEqualTo(1);
        assertThat(stored(cpe, "QueuedTransfers.1.FileType")).isEqualTo("1 Firmware Upgrade Image");
        assertThat(stored(cpe, "QueuedTransfers.1.TargetFileName")).isEqualTo("night.bin");
        assertThat(stored(cpe, "QueuedTransfers.1.IsDownload")).isEqualTo(true);

        acs.queue(cpe, "{\"name\":\"cancelTransfer\",\"commandKey\":\"night\"}");
        acs.queue(cpe, "{\"name\":\"getQueuedTransfers\"}");
        assertThat(session(cpe).acsRequests()).containsExactly("CancelTransfer", "GetQueuedTransfers");
        assertThat(operations()).as("a cancelled transfer is not waited for").isEmpty();
        Device device = device(cpe);
        assertThat(device.parameter("QueuedTransfers").orElseThrow().isObject()).isTrue();
        assertThat(device.parameter("QueuedTransfers.1")).as("the shorter list replaces the last one").isEmpty();

        // nothing left to cancel: the CPE's fault is the task's
        Task missing = acs.queue(cpe, "{\"name\":\"cancelTransfer\",\"commandKey\":\"night\"}");
        session(cpe);
        assertThat(faults()).singleElement().satisfies(f -> {
            assertThat(f.get("_id")).isEqualTo(RunningAcs.id(cpe) + ":task_" + missing.id());
            assertThat(f.get("code")).isEqualTo("cwmp.9003");
        });
    }

    @Test
    void changeDuStateInstallsUpdatesAndUninstallsWithResultsOnTheDevice() throws Exception {
        SimulatedCpe cpe = registered();
        Task install = acs.queue(cpe, "{\"name\":\"changeDUState\",\"commandKey\":\"apps-1\",\"operations\":["
                + "{\"type\":\"install\",\"url\":\"http://files.example.net/speedtest.ipk\",\"uuid\":\"" + UUID_A + "\"},"
                + "{\"type\":\"install\",\"url\":\"http://files.example.net/missing/gone.ipk\"}]}");
        assertThat(session(cpe).acsRequests()).containsExactly("ChangeDUState");
        assertThat(cpe.lastSessionRequests().get(0)).contains("xsi:type=\"cwmp:InstallOpStruct\"")
                .contains("<UUID>" + UUID_A + "</UUID>");
        assertThat(cpe.model().get("Device.SoftwareModules.DeploymentUnit.1.UUID").orElseThrow().value())
                .isEqualTo(UUID_A);
        assertThat(operations()).singleElement().satisfies(op -> assertThat(op.get("name")).isEqualTo("ChangeDUState"));
        assertThat(stored(cpe, "DUStateChanges.1.CommandKey")).isEqualTo("apps-1");
        assertThat(String.valueOf(stored(cpe, "DUStateChanges.1.Operations")))
                .contains("Install http://files.example.net/speedtest.ipk");

        // the next session carries DUStateChangeComplete: one installed, one failed; the ACS then reads the
        // CPE's software modules again
        assertThat(session(cpe).acsRequests()).contains("GetParameterNames", "GetParameterValues");
        assertThat(operations()).isEmpty();
        assertThat(tasksLeft()).isZero();
        assertThat(stored(cpe, "Device.SoftwareModules.DeploymentUnit.1.UUID")).isEqualTo(UUID_A);
        assertThat(stored(cpe, "Device.SoftwareModules.DeploymentUnit.1.Status")).isEqualTo("Installed");
        assertThat(stored(cpe, "DUStateChanges.1.Complete")).isInstanceOf(Instant.class);
        assertThat(stored(cpe, "DUStateChanges.1.Results.1.CurrentState")).isEqualTo("Installed");
        assertThat(stored(cpe, "DUStateChanges.1.Results.1.DeploymentUnitRef"))
                .isEqualTo("Device.SoftwareModules.DeploymentUnit.1");
        assertThat(stored(cpe, "DUStateChanges.1.Results.2.FaultCode")).isEqualTo(9010);
        assertThat(faults()).singleElement().satisfies(f -> {
            assertThat(f.get("_id")).isEqualTo(RunningAcs.id(cpe) + ":task_" + install.id());
            assertThat(f.get("code")).isEqualTo("cwmp.9010");
            assertThat(String.valueOf(f.get("message"))).contains("gone.ipk");
        });
        acs.raw().deleteAll("faults");

        acs.queue(cpe, "{\"name\":\"changeDUState\",\"commandKey\":\"apps-2\",\"operations\":["
                + "{\"type\":\"update\",\"uuid\":\"" + UUID_A + "\",\"version\":\"2.0\"},"
                + "{\"type\":\"uninstall\",\"uuid\":\"" + UUID_A + "\",\"version\":\"2.0\"}]}");
        session(cpe);
        session(cpe);
        assertThat(stored(cpe, "DUStateChanges.2.Results.1.Version")).isEqualTo("2.0");
        assertThat(stored(cpe, "DUStateChanges.2.Results.2.CurrentState")).isEqualTo("Uninstalled");
        assertThat(cpe.model().get("Device.SoftwareModules.DeploymentUnit.1.")).isEmpty();
        assertThat(device(cpe).parameter("Device.SoftwareModules.DeploymentUnit.1")).as("read again").isEmpty();
        assertThat(stored(cpe, "Device.SoftwareModules.ExecEnv.1.Name")).isEqualTo("Default");
        assertThat(faults()).isEmpty();
    }

    @Test
    void vouchersEnableOptionsThatGetOptionsRecords() throws Exception {
        SimulatedCpe cpe = registered();
        String voucher = Base64.getEncoder().encodeToString("<Voucher><OptionIdent>VoIP</OptionIdent></Voucher>"
                .getBytes(StandardCharsets.UTF_8));
        acs.queue(cpe, "{\"name\":\"setVouchers\",\"vouchers\":[\"" + voucher + "\"]}");
        acs.queue(cpe, "{\"name\":\"getOptions\"}");
        assertThat(session(cpe).acsRequests()).containsExactly("SetVouchers", "GetOptions");
        assertThat(cpe.lastSessionRequests().get(0)).contains("<base64>" + voucher + "</base64>");
        assertThat(stored(cpe, "Options.1.OptionName")).isEqualTo("VoIP");
        assertThat(stored(cpe, "Options.1.State")).isEqualTo(3);
        assertThat(stored(cpe, "Options.1.StartDate")).isInstanceOf(Instant.class);
        assertThat(tasksLeft()).isZero();
    }

    @Test
    void fieldsAreCheckedWhenTheTaskIsQueued() throws Exception {
        SimulatedCpe cpe = registered();
        assertThatThrownBy(() -> acs.queue(cpe, "{\"name\":\"scheduleDownload\",\"fileType\":\"1 Firmware Upgrade Image\","
                + "\"url\":\"http://x/fw.bin\"}")).hasMessageContaining("\"timeWindows\"");
        assertThatThrownBy(() -> acs.queue(cpe, "{\"name\":\"scheduleDownload\",\"fileType\":\"1 Firmware Upgrade Image\","
                + "\"url\":\"http://x/fw.bin\",\"timeWindows\":[{\"windowStart\":100,\"windowEnd\":50,"
                + "\"windowMode\":\"1 At Any Time\"}]}")).hasMessageContaining("timeWindows[0]").hasMessageContaining("before");
        assertThatThrownBy(() -> acs.queue(cpe, "{\"name\":\"changeDUState\",\"operations\":[{\"type\":\"remove\"}]}"))
                .hasMessageContaining("operations[0]").hasMessageContaining("install, update or uninstall");
        assertThatThrownBy(() -> acs.queue(cpe, "{\"name\":\"changeDUState\",\"operations\":[{\"type\":\"uninstall\","
                + "\"uuid\":\"not-a-uuid\"}]}")).hasMessageContaining("operations[0].uuid");
        assertThatThrownBy(() -> acs.queue(cpe, "{\"name\":\"setVouchers\",\"vouchers\":[\"***\"]}"))
                .hasMessageContaining("vouchers[0]").hasMessageContaining("base64");
        assertThatThrownBy(() -> acs.queue(cpe, "{\"name\":\"cancelTransfer\"}")).hasMessageContaining("commandKey");
        // through the NBI: 400 with the same message
        NbiClient.Reply reply = new NbiClient(acs.server.nbiPort()).send("POST", "/devices/"
                + java.net.URLEncoder.encode(RunningAcs.id(cpe), StandardCharsets.UTF_8) + "/tasks",
                "{\"name\":\"changeDUState\",\"operations\":[{\"type\":\"install\"}]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("operations[0]").contains("installs: it needs");
        assertThat(tasksLeft()).isZero();
    }

    // ------------------------------------------------------------------ what the CPE sends the ACS

    @Test
    void aRequestDownloadIsRecordedAndItsPresetPushesTheFirmware() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of());
        acs.server.store().documents().replace("provisions", "upgrade", Map.of("_id", "upgrade", "script", String.join(
                "\n", "const d = 'Downloads.[FileType:1 Firmware Upgrade Image, FileName:fw-4.0.bin]';",
                "declare(d, {path: 1}, {path: 1});",
                "declare(d + '.Download', {value: 1}, {value: Date.now()});")));
        acs.server.store().documents().replace("presets", "on-request", Map.of("_id", "on-request", "weight", 0,
                "channel", "upgrade", "events", Map.of("9 REQUEST DOWNLOAD", true),
                "precondition", "RequestDownload.FileType = \"1 Firmware Upgrade Image\"",
                "configurations", List.of(Map.of("type", "provision", "name", "upgrade", "args", List.of()))));
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        assertThat(session(cpe, "0 BOOTSTRAP").acsRequests()).as("no request, no download").isEmpty();

        cpe.report(new RequestDownload("1 Firmware Upgrade Image", List.of(new ArgStruct("Version", "4.0"))),
                "9 REQUEST DOWNLOAD");
        SimulatedCpe.SessionResult result = session(cpe);
        assertThat(cpe.lastReportAnswers()).singleElement().isInstanceOf(RequestDownloadResponse.class);
        assertThat(result.acsRequests()).containsExactly("Download");
        assertThat(cpe.lastSessionRequests().get(0)).contains("fw-4.0.bin");
        assertThat(stored(cpe, "RequestDownload.FileType")).isEqualTo("1 Firmware Upgrade Image");
        assertThat(stored(cpe, "RequestDownload.FileTypeArg.1.Name")).isEqualTo("Version");
        assertThat(stored(cpe, "RequestDownload.FileTypeArg.1.Value")).isEqualTo("4.0");
        assertThat(stored(cpe, "RequestDownload.Time")).isInstanceOf(Instant.class);
        assertThat(faults()).isEmpty();
    }

    @Test
    void kickedIsAnsweredWithTheConfiguredNextUrl() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_KICKED_NEXT_URL", "https://portal.example.net/welcome"));
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        session(cpe, "0 BOOTSTRAP");
        cpe.report(new Kicked("login", "http://192.0.2.7/", "user=alice", "http://192.0.2.7/done"), "5 KICKED");
        session(cpe);
        assertThat(cpe.lastReportAnswers()).singleElement().satisfies(answer ->
                assertThat(((KickedResponse) answer).nextUrl()).isEqualTo("https://portal.example.net/welcome"));
        assertThat(stored(cpe, "Kicked.Command")).isEqualTo("login");
        assertThat(stored(cpe, "Kicked.Next")).isEqualTo("http://192.0.2.7/done");
        assertThat(stored(cpe, "Kicked.NextURL")).isEqualTo("https://portal.example.net/welcome");
    }

    @Test
    void anAutonomousDuStateChangeIsRecorded() throws Exception {
        SimulatedCpe cpe = registered();
        String t = "2026-12-01T10:00:00Z";
        cpe.report(new AutonomousDUStateChangeComplete(List.of(new AutonOpResultStruct(UUID_A,
                "Device.SoftwareModules.DeploymentUnit.3", "1.2", "Installed", true, "", t, t, new FaultStruct(0, ""),
                "Install"))), "12 AUTONOMOUS DU STATE CHANGE COMPLETE");
        session(cpe);
        assertThat(cpe.lastReportAnswers()).singleElement().isInstanceOf(AutonomousDUStateChangeCompleteResponse.class);
        assertThat(stored(cpe, "AutonomousDUStateChangeComplete.Results.1.UUID")).isEqualTo(UUID_A);
        assertThat(stored(cpe, "AutonomousDUStateChangeComplete.Results.1.OperationPerformed")).isEqualTo("Install");
        assertThat(stored(cpe, "AutonomousDUStateChangeComplete.Results.1.StartTime")).isEqualTo(Instant.parse(t));
        // kept by the ACS: a refresh of the whole tree does not remove it
        acs.queue(cpe, "{\"name\":\"refreshObject\",\"objectName\":\"\"}");
        session(cpe);
        assertThat(stored(cpe, "AutonomousDUStateChangeComplete.Results.1.UUID")).isEqualTo(UUID_A);
    }

    @Test
    void aReportPastTheLimitsIsRefusedWithTheLimitNamedAndNothingStored() throws Exception {
        SimulatedCpe cpe = registered();
        List<ArgStruct> args = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            args.add(new ArgStruct("a" + i, "v"));
        }
        cpe.report(new RequestDownload("1 Firmware Upgrade Image", args), "9 REQUEST DOWNLOAD");
        SimulatedCpe.SessionResult refused = cpe.runSession("2 PERIODIC");
        assertThat(refused.error()).hasValueSatisfying(e -> assertThat(e).contains("8003")
                .contains("2000 FileTypeArg entries").contains("at most 1024"));
        assertThat(device(cpe).parameter("RequestDownload")).isEmpty();
    }

    @Test
    void anOperationsPasswordIsNeverShownNorQueried() throws Exception {
        SimulatedCpe cpe = registered();
        NbiClient nbi = new NbiClient(acs.server.nbiPort());
        String device = java.net.URLEncoder.encode(RunningAcs.id(cpe), StandardCharsets.UTF_8);
        NbiClient.Reply queued = nbi.send("POST", "/devices/" + device + "/tasks", "{\"name\":\"changeDUState\","
                + "\"operations\":[{\"type\":\"install\",\"url\":\"https://apps.example.net/a.ipk\","
                + "\"username\":\"apps\",\"password\":\"s3cret-du\"}]}");
        assertThat(queued.status()).as("%s", queued).isEqualTo(202);
        NbiClient.Reply listed = nbi.send("GET", "/tasks", null);
        assertThat(listed.body()).contains("a.ipk").contains("\"username\":\"apps\"").doesNotContain("s3cret-du");
        NbiClient.Reply probed = nbi.send("GET", "/tasks?query=" + NbiClient.q("{\"operations.password\":\"s3cret-du\"}"),
                null);
        assertThat(probed.status()).isEqualTo(400);
        // the CPE still gets it
        session(cpe);
        assertThat(cpe.lastSessionRequests().get(0)).contains("<Password>s3cret-du</Password>");
    }

    @Test
    void aCpeWithoutTheMethodFaultsTheTaskWithAHint() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of());
        SimulatedCpe rdkb = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.rdkbMode());
        session(rdkb, "0 BOOTSTRAP");
        acs.queue(rdkb, "{\"name\":\"scheduleDownload\",\"fileType\":\"1 Firmware Upgrade Image\","
                + "\"url\":\"http://files.example.net/fw.bin\",\"timeWindows\":[{\"windowStart\":0,"
                + "\"windowEnd\":60,\"windowMode\":\"1 At Any Time\"}]}");
        assertThat(session(rdkb).acsRequests()).containsExactly("ScheduleDownload");
        assertThat(faults()).singleElement().satisfies(f -> {
            assertThat(f.get("code")).isEqualTo("cwmp.9000");
            assertThat(String.valueOf(f.get("message"))).contains("does not implement ScheduleDownload")
                    .contains("getRPCMethods");
        });
        assertThat(operations()).isEmpty();
    }
}
