package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.bson.Document;
import org.cwmpacs.core.auth.CpeCredentials;
import org.cwmpacs.core.connreq.ConnectionRequestResult;
import org.cwmpacs.sim.ConnectionRequestListener;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.Digest;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.Test;

/** CPE→ACS authentication and ACS→CPE connection requests, with the simulator. */
class AuthAndConnectionRequestEndToEndTest extends SimulatorCase {
    private SimulatedCpe cpe(SimulatedCpe.Options options) {
        return cpe(tree(EC220), options);
    }

    private RunningAcs withAuth(Map<String, String> env) throws Exception {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(env);
        all.put("ACS_CWMP_AUTH", "true");
        all.put("ACS_DISCOVERY", "off");
        return RunningAcs.start(dataDir, all);
    }

    @Test
    void digestCredentialsAreAcceptedAndWrongOnesRefused() throws Exception {
        acs = withAuth(Map.of("ACS_CWMP_USERNAME", "cpe", "ACS_CWMP_PASSWORD", "s3cret"));
        SimulatedCpe good = cpe(SimulatedCpe.Options.DEFAULT.credentials("cpe", "s3cret"));
        assertThat(good.runSession().ok()).isTrue();

        DataModel intruderTree = tree(EC220).copyWithSerial("INTRUDER");
        SimulatedCpe wrong = new SimulatedCpe(acs.uri, intruderTree, SimulatedCpe.Options.DEFAULT.credentials("cpe",
                "guess"), http);
        SimulatedCpe.SessionResult refused = wrong.runSession();
        assertThat(refused.informStatus()).isEqualTo(401);
        SimulatedCpe none = new SimulatedCpe(acs.uri, intruderTree, SimulatedCpe.Options.DEFAULT, http);
        assertThat(none.runSession().informStatus()).isEqualTo(401);
        assertThat(acs.server.store().devices().find(RunningAcs.id(wrong))).as("nothing recorded for a refused CPE").isEmpty();
    }

    @Test
    void theChallengeIsDigestAndASecondFailureClosesTheConnection() throws Exception {
        acs = withAuth(Map.of("ACS_CWMP_USERNAME", "cpe", "ACS_CWMP_PASSWORD", "s3cret"));
        SimulatedCpe cpe = cpe(SimulatedCpe.Options.DEFAULT);
        byte[] inform = cpe.encodedInform("2 PERIODIC");
        HttpResponse<String> first = http.send(post(inform, null), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(401);
        String challenge = first.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(challenge).startsWith("Digest ").contains("qop=\"auth\"").contains("nonce=\"");
        String wrong = Digest.authorization(challenge, "cpe", "nope", "POST", "/");
        HttpResponse<String> second = http.send(post(inform, wrong), HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(second.headers().firstValue("Connection")).hasValueSatisfying(c -> assertThat(c).isEqualToIgnoringCase("close"));

        // the right answer, sent twice as RDK-B does, on new connections: both accepted (the nonce is not bound
        // to a connection)
        String right = Digest.authorization(challenge, "cpe", "s3cret", "POST", "/");
        for (int i = 0; i < 2; i++) {
            HttpClient fresh = SimulatedCpe.newHttpClient();
            HttpResponse<String> ok = fresh.send(post(cpe.encodedInform("2 PERIODIC"), right),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("InformResponse");
            String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            HttpResponse<String> end = fresh.send(HttpRequest.newBuilder(acs.uri).POST(HttpRequest.BodyPublishers.noBody())
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(end.statusCode()).isEqualTo(204);
        }
    }

    private HttpRequest post(byte[] body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(acs.uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "text/xml; charset=utf-8");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    @Test
    void storedManagementServerCredentialsAreUsedWhenNoneAreConfigured() throws Exception {
        acs = withAuth(Map.of());
        SimulatedCpe cpe = cpe(SimulatedCpe.Options.DEFAULT.credentials("box-7", "per-device"));
        // unknown device, no configured credentials: refused
        assertThat(cpe.runSession().informStatus()).isEqualTo(401);
        acs.raw().set("devices", RunningAcs.id(cpe), new Document("Device.ManagementServer.Username._value", "box-7")
                .append("Device.ManagementServer.Password._value", "per-device"));
        assertThat(cpe.runSession().ok()).isTrue();
    }

    @Test
    void aConnectionRequestWakesTheCpeAndItsQueuedTaskRuns() throws Exception {
        acs = RunningAcs.start(dataDir);
        SimulatedCpe cpe = cpe(SimulatedCpe.Options.DEFAULT);
        try (ConnectionRequestListener listener = ConnectionRequestListener.start(cpe, "cr-user", "cr-pass")) {
            // as GenieACS's inform provision does: give the CPE connection-request credentials the ACS knows
            acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":["
                    + "[\"Device.ManagementServer.ConnectionRequestUsername\",\"cr-user\"],"
                    + "[\"Device.ManagementServer.ConnectionRequestPassword\",\"cr-pass\"]]}");
            assertThat(cpe.runSession().ok()).isTrue();

            acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":[[\"Device.WiFi.SSID.1.SSID\",\"Woken\"]]}");
            ConnectionRequestResult result = acs.server.connectionRequests().wake(RunningAcs.id(cpe)).get();
            assertThat(result).isEqualTo(ConnectionRequestResult.OK.via("HTTP"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (acs.raw().count("tasks") > 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(listener.accepted()).isEqualTo(1);
            assertThat(cpe.model().get("Device.WiFi.SSID.1.SSID").orElseThrow().value()).isEqualTo("Woken");
            assertThat(acs.raw().count("tasks")).isZero();
        }
    }

    @Test
    void connectionRequestOutcomes() throws Exception {
        acs = RunningAcs.start(dataDir);
        SimulatedCpe cpe = cpe(SimulatedCpe.Options.DEFAULT);
        try (ConnectionRequestListener listener = ConnectionRequestListener.start(cpe, "cr-user", "cr-pass")) {
            assertThat(acs.server.connectionRequests().send(listener.url(), new CpeCredentials("cr-user", "wrong")).get())
                    .isEqualTo(ConnectionRequestResult.BAD_CREDENTIALS);
            assertThat(listener.accepted()).isZero();
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThat(acs.server.connectionRequests().send("http://127.0.0.1:" + closedPort + "/cr",
                new CpeCredentials("a", "b")).get()).isEqualTo(ConnectionRequestResult.OFFLINE);
        HttpServer broken = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        broken.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        broken.start();
        try {
            ConnectionRequestResult r = acs.server.connectionRequests().send("http://127.0.0.1:"
                    + broken.getAddress().getPort() + "/", new CpeCredentials("a", "b")).get();
            assertThat(r.status()).isEqualTo("Connection request error: Unexpected status code 500");
        } finally {
            broken.stop(0);
        }
        assertThat(acs.server.connectionRequests().send("https://127.0.0.1/", new CpeCredentials("a", "b")).get().status())
                .startsWith("Invalid connection request URL");
        assertThat(acs.server.connectionRequests().wake("no-such-device").get().status()).isEqualTo("No such device");
    }

}
