package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.task.Task;
import org.cwmpacs.sim.SimulatedCpe;
import org.cwmpacs.sim.SimulatedCpe.Quirk;
import org.cwmpacs.soap.CwmpCodec;
import org.cwmpacs.soap.CwmpEnvelope;
import org.cwmpacs.soap.SoapHeader;
import org.cwmpacs.soap.message.AutonomousTransferComplete;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.FaultStruct;
import org.junit.jupiter.api.Test;

/** What the engine does when CPEs refuse, stall or fail, and the task rules around time. */
class EngineEdgeCasesEndToEndTest extends SimulatorCase {

    @Test
    void aCpeThatRefusesPartialPathsIsAskedByName() throws Exception {
        acs = RunningAcs.start(dataDir);
        SimulatedCpe.Options options = SimulatedCpe.Options.DEFAULT.with(Quirk.NO_PARTIAL_PATHS);
        SimulatedCpe first = cpe(tree(EC220), options);
        SimulatedCpe.SessionResult r = first.runSession();
        assertThat(r.ok()).isTrue();
        assertThat(r.acsRequests()).containsExactly("GetParameterNames", "GetParameterValues", "GetParameterValues");
        assertThat(first.lastSessionRequests().get(2)).doesNotContain("<string>Device.</string>")
                .contains("<string>Device.WiFi.SSID.1.SSID</string>");
        Device device = acs.server.store().devices().find(RunningAcs.id(first)).orElseThrow();
        long storedLeaves = device.parameters().entrySet().stream().filter(e -> !e.getKey().isEmpty()
                && !e.getValue().isObject()).count();
        assertThat(storedLeaves).isEqualTo(first.model().leafCount());
        assertThat(device.value("Device.WiFi.SSID.1.SSID")).contains("TP-Link_0CE8");

        // the next CPE of that kind is asked by name at once
        SimulatedCpe second = cpe(tree(EC220).copyWithSerial("NP2"), options);
        assertThat(second.runSession().acsRequests()).containsExactly("GetParameterNames", "GetParameterValues");
    }

    @Test
    void aCpeThatDropsTheSessionOnAPartialPathIsAskedByNameInItsNextSession() throws Exception {
        acs = RunningAcs.start(dataDir);
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.with(Quirk.DROPS_ON_PARTIAL_PATHS));
        SimulatedCpe.SessionResult dropped = cpe.runSession();
        assertThat(dropped.error()).hasValueSatisfying(e -> assertThat(e).contains("dropped the session"));
        // it informs again at once, without the cookie, on a new connection: not refused as already in session
        SimulatedCpe.SessionResult next = cpe.runSession();
        assertThat(next.ok()).as(next.toString()).isTrue();
        assertThat(next.acsRequests()).contains("GetParameterValues");
        assertThat(cpe.lastSessionRequests()).noneMatch(xml -> xml.contains("GetParameterValues")
                && xml.contains(".</string>"));
        Device device = acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow();
        assertThat(storedValues(device)).isEqualTo(cpe.model().leafCount());

        // remembered for the kind, across restarts
        acs.close();
        acs = RunningAcs.start(dataDir);
        SimulatedCpe sibling = cpe(tree(EC220).copyWithSerial("DROP2"),
                SimulatedCpe.Options.DEFAULT.with(Quirk.DROPS_ON_PARTIAL_PATHS));
        assertThat(sibling.runSession().ok()).isTrue();
    }

    @Test
    void withPartialPathsOffEveryCpeIsAskedByName() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_PARTIAL_PATHS", "off"));
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.with(Quirk.DROPS_ON_PARTIAL_PATHS));
        SimulatedCpe.SessionResult r = cpe.runSession();
        assertThat(r.ok()).as(r.toString()).isTrue();
        Device device = acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow();
        assertThat(storedValues(device)).isEqualTo(cpe.model().leafCount());
    }

    @Test
    void aCpeThatTruncatesItsAnswerIsAskedForTheRestByName() throws Exception {
        acs = RunningAcs.start(dataDir);
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.with(Quirk.TRUNCATES_ANSWERS));
        SimulatedCpe.SessionResult r = cpe.runSession();
        assertThat(r.ok()).isTrue();
        assertThat(r.acsRequests()).containsExactly("GetParameterNames", "GetParameterValues", "GetParameterValues");
        Device device = acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow();
        assertThat(storedValues(device)).isEqualTo(cpe.model().leafCount());
    }

    @Test
    void withoutDiscoveryATaskLearnsOnlyWhatItNeeds() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of());
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        assertThat(cpe.runSession().acsRequests()).isEmpty();
        acs.queue(cpe, "{\"name\":\"getParameterValues\",\"parameterNames\":[\"Device.DeviceInfo.UpTime\","
                + "\"Device.WiFi.SSID.1.\",\"Device.NoSuchThing.X\"]}");
        SimulatedCpe.SessionResult r = session(cpe);
        assertThat(r.acsRequests()).startsWith("GetParameterNames").endsWith("GetParameterValues");
        Device device = acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow();
        assertThat(device.value("Device.DeviceInfo.UpTime")).contains(545);
        assertThat(device.value("Device.WiFi.SSID.1.SSID")).contains("TP-Link_0CE8");
        assertThat(device.parameter("Device.Hosts.Host.1")).as("nothing else is read").isEmpty();
        assertThat(faults()).isEmpty();
        assertThat(acs.raw().count("tasks")).isZero();
    }

    @Test
    void aNameTheCpeListsButRefusesIsDroppedAndTheRestLearned() throws Exception {
        acs = RunningAcs.start(dataDir);
        // by partial path the phantom is simply missing; asked for by name it is refused
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.with(Quirk.PHANTOM_NAMES));
        SimulatedCpe.SessionResult r = cpe.runSession();
        assertThat(r.ok()).isTrue();
        assertThat(r.acsRequests()).containsExactly("GetParameterNames", "GetParameterValues", "GetParameterValues");
        assertThat(faults()).isEmpty();
        Device device = acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow();
        assertThat(device.parameter("Device.X_SIM_Phantom.Ghost")).isEmpty();
        assertThat(device.value("Device.WiFi.SSID.1.SSID")).contains("TP-Link_0CE8");

        // among many names by name (a CPE without partial paths), the refused one is narrowed down and dropped
        SimulatedCpe byName = cpe(tree(EC220).copyWithSerial("PH2"), SimulatedCpe.Options.DEFAULT
                .with(Quirk.PHANTOM_NAMES, Quirk.NO_PARTIAL_PATHS));
        SimulatedCpe.SessionResult r2 = byName.runSession();
        assertThat(r2.ok()).isTrue();
        assertThat(faults()).isEmpty();
        Device second = acs.server.store().devices().find(RunningAcs.id(byName)).orElseThrow();
        assertThat(storedValues(second)).isEqualTo(byName.model().leafCount());
        assertThat(second.parameter("Device.X_SIM_Phantom.Ghost")).isEmpty();
    }

    @Test
    void aCpeThatWillNotListItsWholeTreeIsListedLevelByLevel() throws Exception {
        acs = RunningAcs.start(dataDir);
        SimulatedCpe.Options capped = SimulatedCpe.Options.DEFAULT.with(Quirk.NAMES_CAPPED);
        SimulatedCpe cpe = cpe(tree(EC220), capped);
        SimulatedCpe.SessionResult r = cpe.runSession();
        assertThat(r.ok()).isTrue();
        assertThat(faults()).isEmpty();
        assertThat(r.acsRequests().get(0)).isEqualTo("GetParameterNames");
        assertThat(r.acsRequests()).contains("GetParameterValues");
        Device device = acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow();
        for (var e : cpe.model().nodes().entrySet()) {
            String path = e.getKey().endsWith(".") ? e.getKey().substring(0, e.getKey().length() - 1) : e.getKey();
            assertThat(device.parameter(path)).as(path).hasValueSatisfying(a -> {
                assertThat(a.isObject()).as(path).isEqualTo(e.getValue().object());
                if (!path.equals("Device")) {
                    // listed a level at a time, the root itself is never named by the CPE
                    assertThat(a.writable()).as(path).contains(e.getValue().writable());
                }
            });
        }
        // the next CPE of that kind is not asked for its whole tree again
        SimulatedCpe second = cpe(tree(EC220).copyWithSerial("CAP2"), capped);
        SimulatedCpe.SessionResult r2 = second.runSession();
        assertThat(r2.ok()).isTrue();
        assertThat(r2.acsRequests()).hasSize(r.acsRequests().size() - 1);
    }

    @Test
    void theRpcLimitEndsTheWorkWithAFault() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_MAX_RPCS_PER_SESSION", "2"));
        SimulatedCpe cpe = cpe(tree("igd-huawei-eg8145v5.csv"), SimulatedCpe.Options.DEFAULT.with(Quirk.NO_PARTIAL_PATHS));
        SimulatedCpe.SessionResult r = cpe.runSession();
        assertThat(r.ok()).as("the session still ends with 204").isTrue();
        assertThat(r.acsRequests()).hasSize(2);
        assertThat(faults()).singleElement().satisfies(f -> {
            assertThat(f.get("_id")).isEqualTo(RunningAcs.id(cpe) + ":discovery");
            assertThat(f.get("code")).isEqualTo("too_many_rpcs");
        });
    }

    @Test
    void expiredTasksAreDroppedAndFutureOnesWait() throws Exception {
        acs = RunningAcs.start(dataDir);
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        assertThat(cpe.runSession().ok()).isTrue();
        String past = Instant.now().minusSeconds(60).toString();
        acs.queue(cpe, "{\"name\":\"reboot\",\"timestamp\":\"" + past + "\",\"expiry\":1}");
        Task later = acs.queue(cpe, "{\"name\":\"factoryReset\",\"timestamp\":\"" + Instant.now().plusSeconds(3600) + "\"}");
        assertThat(session(cpe).acsRequests()).isEmpty();
        List<Document> tasks = acs.raw().all("tasks");
        assertThat(tasks).extracting(t -> String.valueOf(t.get("_id"))).containsExactly(later.id());
    }

    @Test
    void aSessionThatTimesOutFaultsTheRunningWork() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("GENIEACS_SESSION_TIMEOUT", "1"));
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        HttpResponse<String> informed = http.send(post(cpe.encodedInform(), null), HttpResponse.BodyHandlers.ofString());
        assertThat(informed.statusCode()).isEqualTo(200);
        String cookie = informed.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> request = http.send(post(new byte[0], cookie), HttpResponse.BodyHandlers.ofString());
        assertThat(request.body()).contains("GetParameterNames");
        // the CPE never answers
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (faults().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(faults()).singleElement().satisfies(f -> assertThat(f.get("code")).isEqualTo("session_terminated"));
    }

    private HttpRequest post(byte[] body, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(acs.uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    @Test
    void aFailedDownloadIsAFaultAndRecordedOnTheDevice() throws Exception {
        acs = RunningAcs.start(dataDir);
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.with(Quirk.DOWNLOAD_FAILS));
        assertThat(cpe.runSession().ok()).isTrue();
        Task task = acs.queue(cpe, "{\"name\":\"download\",\"fileType\":\"1 Firmware Upgrade Image\",\"url\":\"http://x/fw.bin\"}");
        assertThat(session(cpe).acsRequests()).containsExactly("Download");
        session(cpe);
        assertThat(faults()).singleElement().satisfies(f -> {
            assertThat(f.get("_id")).isEqualTo(RunningAcs.id(cpe) + ":task_" + task.id());
            assertThat(f.get("code")).isEqualTo("cwmp.9010");
            assertThat(f.get("message")).isEqualTo("Download failure");
        });
        Device device = acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow();
        assertThat(device.value("Downloads.1.LastFaultCode")).contains(9010);
        assertThat(device.value("Downloads.1.LastDownload")).isEmpty();
        assertThat(acs.raw().count("operations")).isZero();
    }

    @Test
    void aDownloadAppliedAtOnceCompletesWithoutAnOperation() throws Exception {
        acs = RunningAcs.start(dataDir);
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.with(Quirk.DOWNLOAD_APPLIED_AT_ONCE));
        assertThat(cpe.runSession().ok()).isTrue();
        acs.queue(cpe, "{\"name\":\"download\",\"fileType\":\"3 Vendor Configuration File\",\"url\":\"http://x/cfg.xml\"}");
        assertThat(session(cpe).acsRequests()).containsExactly("Download");
        assertThat(acs.raw().count("operations")).isZero();
        Device device = acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow();
        assertThat(device.value("Downloads.1.LastFileName")).contains("cfg.xml");
        assertThat(device.value("Downloads.1.LastDownload")).isPresent();
        assertThat(faults()).isEmpty();
    }

    @Test
    void aDownloadNeverReportedTimesOut() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("GENIEACS_DOWNLOAD_TIMEOUT", "1"));
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.with(Quirk.DOWNLOAD_NEVER_COMPLETES));
        assertThat(cpe.runSession().ok()).isTrue();
        acs.queue(cpe, "{\"name\":\"download\",\"fileType\":\"1 Firmware Upgrade Image\",\"url\":\"http://x/fw.bin\"}");
        session(cpe);
        assertThat(acs.raw().count("operations")).isOne();
        Thread.sleep(1_100);
        session(cpe);
        assertThat(faults()).singleElement().satisfies(f -> assertThat(f.get("code")).isEqualTo("timeout"));
        assertThat(acs.raw().count("operations")).isZero();
    }

    @Test
    void anAutonomousTransferCompleteIsRecorded() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of());
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        HttpResponse<String> informed = http.send(post(cpe.encodedInform(), null), HttpResponse.BodyHandlers.ofString());
        String cookie = informed.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        byte[] atc = new CwmpCodec().encode(CwmpEnvelope.of(Cwmp.NS_1_1, SoapHeader.withId("9"),
                new AutonomousTransferComplete("", "http://vendor.example/fw-9.bin", true, "1 Firmware Upgrade Image",
                        1024, "", new FaultStruct(0, ""), "2026-11-25T10:00:00Z", "2026-11-25T10:05:00Z")));
        HttpResponse<String> answered = http.send(post(atc, cookie), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.body()).contains("AutonomousTransferCompleteResponse");
        assertThat(http.send(post(new byte[0], cookie), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        Device device = acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow();
        assertThat(device.value("AutonomousTransferComplete.TransferURL")).contains("http://vendor.example/fw-9.bin");
        assertThat(device.value("AutonomousTransferComplete.CompleteTime"))
                .contains(Instant.parse("2026-11-25T10:05:00Z"));
    }
}
