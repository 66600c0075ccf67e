package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.SimParameter;
import org.cwmpacs.sim.SimulatedCpe;
import org.cwmpacs.sim.XmppCpe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XMPP connection requests (TR-069 Annex K) through a real XMPP server (Prosody) to a simulated XMPP CPE. */
class XmppEndToEndTest {
    private static final String MS = "InternetGatewayDevice.ManagementServer.";
    @TempDir
    java.nio.file.Path dir;

    @Test
    void aCpeReachableOnlyOverXmppRunsItsTaskAndWrongCredentialsAreToldApart() throws Exception {
        try (Prosody prosody = Prosody.start(dir.resolve("prosody"), "acs.test", Map.of("acs", "acs-pass",
                "cpe1", "cpe1-xmpp-pass"));
             RunningAcs acs = RunningAcs.start(dir.resolve("data"), Map.of("GENIEACS_XMPP_JID", "acs@acs.test",
                     "GENIEACS_XMPP_PASSWORD", "acs-pass", "ACS_XMPP_HOST", "127.0.0.1", "ACS_XMPP_PORT",
                     Integer.toString(prosody.port), "ACS_XMPP_REQUIRE_TLS", "false"))) {
            int closed;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            DataModel tree = DataModel.fromCsv(CwmpSessionEndToEndTest.fixtures().resolve("datamodels")
                    .resolve(NbiCompatibilityTest.BM632W)).copyWithSerial("XMPP1");
            tree.put(MS + "ConnectionRequestURL", SimParameter.leaf(false, "http://127.0.0.1:" + closed + "/", "xsd:string"));
            tree.put(MS + "ConnectionRequestUsername", SimParameter.leaf(true, "cr-user", "xsd:string"));
            tree.put(MS + "ConnectionRequestPassword", SimParameter.leaf(true, "cr-pass", "xsd:string"));
            SimulatedCpe cpe = new SimulatedCpe(acs.uri, tree, SimulatedCpe.Options.DEFAULT, SimulatedCpe.newHttpClient());
            try (XmppCpe xmpp = XmppCpe.start(cpe, "cpe1@acs.test", "cpe1-xmpp-pass", "127.0.0.1", prosody.port,
                    "cr-user", "cr-pass")) {
                tree.put(MS + "ConnReqJabberID", SimParameter.leaf(false, xmpp.jid(), "xsd:string"));
                assertThat(cpe.runSession("0 BOOTSTRAP", "1 BOOT").ok()).isTrue();
                NbiClient nbi = new NbiClient(acs.server.nbiPort());
                String task = "{\"name\": \"getParameterValues\", \"parameterNames\": [\"" + MS + "PeriodicInformInterval\"]}";
                NbiClient.Reply ran = nbi.send("POST", "/devices/" + RunningAcs.id(cpe) + "/tasks?connection_request", task);
                assertThat(ran.status()).as("%s", ran).isEqualTo(200);
                assertThat(xmpp.accepted()).isEqualTo(1);
                assertThat(acs.raw().count("tasks")).isZero();
                NbiClient.Reply woken = nbi.send("POST", "/devices/" + RunningAcs.id(cpe) + "/tasks?connection_request",
                        null);
                assertThat(woken.status()).isEqualTo(200);
                assertThat(woken.header("Connection-Request-Path")).contains("XMPP");

                acs.raw().set("devices", RunningAcs.id(cpe), new org.bson.Document(MS + "ConnectionRequestPassword._value",
                        "a stale password"));
                NbiClient.Reply refused = nbi.send("POST", "/devices/" + RunningAcs.id(cpe) + "/tasks?connection_request",
                        null);
                assertThat(refused.status()).isEqualTo(504);
                assertThat(refused.reason()).containsIgnoringCase("credentials");
                assertThat(xmpp.refused()).isEqualTo(1);
            }
        }
    }
}
