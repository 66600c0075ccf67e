package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.cwmpacs.sim.ConnectionRequestListener;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /devices/<id>/tasks?connection_request}: the device is woken, and the answer tells what
 * became of the task: 200 when it ran, 202 with the reason in the status line when it did not.
 */
class NbiTaskFlowTest extends SimulatorCase {
    private static final String NTP = "InternetGatewayDevice.Time.NTPServer1";
    private NbiClient nbi;
    private SimulatedCpe cpe;
    private String id;

    @BeforeEach
    void registered() throws Exception {
        acs = RunningAcs.start(dataDir);
        nbi = new NbiClient(acs.server.nbiPort());
        cpe = cpe(tree(NbiCompatibilityTest.BM632W).copyWithSerial("000000"), SimulatedCpe.Options.DEFAULT);
        id = RunningAcs.id(cpe);
    }

    private String readNtp() {
        return "{\"name\": \"getParameterValues\", \"parameterNames\": [\"" + NTP + "\"]}";
    }

    @Test
    void aWokenDeviceRunsTheTaskBeforeTheAnswer() throws Exception {
        try (ConnectionRequestListener listener = ConnectionRequestListener.start(cpe, NbiCompatibilityTest.CR_USER,
                NbiCompatibilityTest.CR_PASS)) {
            session(cpe, "0 BOOTSTRAP", "1 BOOT");
            cpe.model().put(NTP, cpe.model().get(NTP).orElseThrow().withValue("ntp.example.net", "xsd:string"));
            NbiClient.Reply reply = nbi.send("POST", "/devices/" + id + "/tasks?connection_request", readNtp());
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            assertThat(reply.object()).containsEntry("name", "getParameterValues").containsEntry("device", id);
            assertThat(listener.accepted()).isEqualTo(1);
            assertThat(device(cpe).value(NTP)).as("read in the session the request woke").contains("ntp.example.net");
            assertThat(tasksLeft()).isZero();

            NbiClient.Reply wakeOnly = nbi.send("POST", "/devices/" + id + "/tasks?connection_request", null);
            assertThat(wakeOnly.status()).isEqualTo(200);
            assertThat(wakeOnly.body()).isEmpty();
            assertThat(wakeOnly.header("Connection-Request-Path")).contains("HTTP");
        }
    }

    @Test
    void anOfflineDeviceGets202WithTheReasonAndTheTaskWaits() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        cpe.model().put("InternetGatewayDevice.ManagementServer.ConnectionRequestURL", cpe.model()
                .get("InternetGatewayDevice.ManagementServer.ConnectionRequestURL").orElseThrow()
                .withValue("http://127.0.0.1:" + closed + "/cr", "xsd:string"));
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
        NbiClient.Reply reply = nbi.send("POST", "/devices/" + id + "/tasks?connection_request", readNtp());
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.reason()).isEqualTo("Device is offline");
        assertThat(reply.object()).containsKey("_id");
        assertThat(tasksLeft()).as("queued for the device's next session").isEqualTo(1);
        session(cpe);
        assertThat(tasksLeft()).isZero();

        NbiClient.Reply wakeOnly = nbi.send("POST", "/devices/" + id + "/tasks?connection_request", null);
        assertThat(wakeOnly.status()).isEqualTo(504);
        assertThat(wakeOnly.reason()).isEqualTo("Device is offline");
        assertThat(wakeOnly.body()).isEqualTo("Device is offline");
    }

    @Test
    void aDeviceThatAcceptsButNeverComesGets202NotProcessed() throws Exception {
        HttpServer mute = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        AtomicInteger woken = new AtomicInteger();
        mute.createContext("/", exchange -> {
            woken.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        mute.start();
        try {
            cpe.model().put("InternetGatewayDevice.ManagementServer.ConnectionRequestURL", cpe.model()
                    .get("InternetGatewayDevice.ManagementServer.ConnectionRequestURL").orElseThrow()
                    .withValue("http://127.0.0.1:" + mute.getAddress().getPort() + "/", "xsd:string"));
            session(cpe, "0 BOOTSTRAP", "1 BOOT");
            long start = System.nanoTime();
            NbiClient.Reply reply = nbi.send("POST", "/devices/" + id + "/tasks?timeout=600&connection_request",
                    readNtp());
            assertThat(reply.status()).isEqualTo(202);
            assertThat(reply.reason()).isEqualTo("Task queued but not processed");
            assertThat(woken.get()).isEqualTo(1);
            assertThat((System.nanoTime() - start) / 1_000_000).as("waited about the timeout given")
                    .isBetween(500L, 5_000L);
            assertThat(tasksLeft()).isEqualTo(1);
        } finally {
            mute.stop(0);
        }
    }

    @Test
    void aFaultingTaskGets202TaskFaulted() throws Exception {
        try (ConnectionRequestListener listener = ConnectionRequestListener.start(cpe, NbiCompatibilityTest.CR_USER,
                NbiCompatibilityTest.CR_PASS)) {
            session(cpe, "0 BOOTSTRAP", "1 BOOT");
            // writable when learned, refused by the CPE now
            String path = "InternetGatewayDevice.DeviceInfo.ProvisioningCode";
            org.cwmpacs.sim.SimParameter p = cpe.model().get(path).orElseThrow();
            cpe.model().put(path, new org.cwmpacs.sim.SimParameter(false, false, p.value(), p.type(), 0));
            NbiClient.Reply reply = nbi.send("POST", "/devices/" + id + "/tasks?connection_request",
                    "{\"name\": \"setParameterValues\", \"parameterValues\": [[\"" + path + "\", \"x\"]]}");
            assertThat(reply.status()).isEqualTo(202);
            assertThat(reply.reason()).isEqualTo("Task faulted");
            assertThat(faults()).hasSize(1);
            assertThat(faults().get(0).getString("_id")).isEqualTo(id + ":task_" + reply.object().get("_id"));
        }
    }

    @Test
    void anInvalidTimeoutIsRefusedBeforeAnythingIsQueued() throws Exception {
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
        NbiClient.Reply reply = nbi.send("POST", "/devices/" + id + "/tasks?timeout=soon&connection_request",
                readNtp());
        assertThat(reply.status()).isEqualTo(400);
        assertThat((String) reply.object().get("error")).contains("timeout");
        assertThat(tasksLeft()).isZero();
    }

    @Test
    void whileASessionHoldsTheDeviceTheTaskIsQueuedAndChangesWait() throws Exception {
        acs.close();
        acs = RunningAcs.start(dataDir, java.util.Map.of("ACS_NBI_LOCK_WAIT", "1"));
        nbi = new NbiClient(acs.server.nbiPort());
        cpe = cpe(tree(NbiCompatibilityTest.BM632W).copyWithSerial("000001"), SimulatedCpe.Options.DEFAULT);
        id = RunningAcs.id(cpe);
        try (ConnectionRequestListener listener = ConnectionRequestListener.start(cpe, NbiCompatibilityTest.CR_USER,
                NbiCompatibilityTest.CR_PASS)) {
            session(cpe, "0 BOOTSTRAP", "1 BOOT");
            String session = "a-session-in-progress";
            assertThat(acs.server.sessionLocks().acquire(id, session, java.time.Duration.ofMinutes(1)).get()).isTrue();
            NbiClient.Reply reply = nbi.send("POST", "/devices/" + id + "/tasks?connection_request", readNtp());
            assertThat(reply.status()).isEqualTo(202);
            assertThat(reply.reason()).isEqualTo("Task queued but not processed");
            assertThat(listener.accepted()).as("no connection request to a device in session").isZero();
            assertThat(tasksLeft()).isEqualTo(1);
            String taskId = (String) reply.object().get("_id");
            NbiClient.Reply busy = nbi.send("DELETE", "/tasks/" + taskId, null);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.body()).isEqualTo("Device is in session");
            assertThat(nbi.send("DELETE", "/devices/" + id, null).status()).isEqualTo(503);
            assertThat(tasksLeft()).isEqualTo(1);

            acs.server.sessionLocks().release(id, session).get();
            assertThat(nbi.send("DELETE", "/tasks/" + taskId, null).status()).isEqualTo(200);
            assertThat(tasksLeft()).isZero();
        }
    }
}
