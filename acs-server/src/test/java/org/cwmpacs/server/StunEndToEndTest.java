package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.stun.StunCodec;
import org.cwmpacs.core.stun.StunMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own STUN service: off by default, answering on ACS_STUN_PORT when ACS_STUN_ENABLED. */
class StunEndToEndTest {
    @TempDir
    java.nio.file.Path dir;

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void theStunServerAnswersWhenEnabled() throws Exception {
        assertThat(AcsConfig.load(Map.of()).cwmp().stun().enabled()).as("off unless asked for").isFalse();
        assertThat(AcsConfig.load(Map.of()).cwmp().stun().port()).isEqualTo(3478);
        int port = freeUdpPort();
        try (RunningAcs acs = RunningAcs.start(dir, Map.of("ACS_STUN_ENABLED", "true", "ACS_STUN_PORT",
                Integer.toString(port), "ACS_STUN_INTERFACE", "127.0.0.1"));
             DatagramSocket cpe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] tid = new byte[16];
            tid[0] = 1;
            byte[] request = StunCodec.encode(new StunMessage(StunMessage.BINDING_REQUEST, tid, List.of(
                    new StunMessage.Attribute(StunMessage.USERNAME, "cpe".getBytes(StandardCharsets.UTF_8)))),
                    Optional.empty(), false, (byte) 0);
            cpe.setSoTimeout(3000);
            cpe.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            cpe.receive(reply);
            StunMessage answer = StunCodec.decode(Arrays.copyOf(reply.getData(), reply.getLength()));
            assertThat(StunCodec.address(answer.attribute(StunMessage.MAPPED_ADDRESS).orElseThrow().value()))
                    .isEqualTo(cpe.getLocalSocketAddress());
        }
    }

    private static final String MS = "InternetGatewayDevice.ManagementServer.";

    /** A CPE whose HTTP connection request cannot arrive (its URL's port is closed), with UDP parameters. */
    private static org.cwmpacs.sim.SimulatedCpe natted(RunningAcs acs, String serial, String udpAddress) throws Exception {
        return natted(acs, serial, udpAddress, tree -> { });
    }

    /** {@code changes}: what differs in this CPE's tree from its first session on. */
    private static org.cwmpacs.sim.SimulatedCpe natted(RunningAcs acs, String serial, String udpAddress,
                                                       java.util.function.Consumer<org.cwmpacs.sim.DataModel> changes)
            throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        org.cwmpacs.sim.DataModel tree = org.cwmpacs.sim.DataModel.fromCsv(CwmpSessionEndToEndTest.fixtures()
                .resolve("datamodels").resolve(NbiCompatibilityTest.BM632W)).copyWithSerial(serial);
        tree.put(MS + "ConnectionRequestURL", org.cwmpacs.sim.SimParameter.leaf(false, "http://127.0.0.1:" + closed
                + "/cr", "xsd:string"));
        tree.put(MS + "ConnectionRequestUsername", org.cwmpacs.sim.SimParameter.leaf(true, "cpe-user", "xsd:string"));
        tree.put(MS + "ConnectionRequestPassword", org.cwmpacs.sim.SimParameter.leaf(true, "cpe-pass", "xsd:string"));
        tree.put(MS + "UDPConnectionRequestAddress", org.cwmpacs.sim.SimParameter.leaf(false, udpAddress, "xsd:string"));
        tree.put(MS + "STUNEnable", org.cwmpacs.sim.SimParameter.leaf(true, "true", "xsd:boolean"));
        tree.put(MS + "STUNUsername", org.cwmpacs.sim.SimParameter.leaf(true, "stun-" + serial, "xsd:string"));
        changes.accept(tree);
        org.cwmpacs.sim.SimulatedCpe cpe = new org.cwmpacs.sim.SimulatedCpe(acs.uri, tree,
                org.cwmpacs.sim.SimulatedCpe.Options.DEFAULT, org.cwmpacs.sim.SimulatedCpe.newHttpClient());
        assertThat(cpe.runSession("0 BOOTSTRAP", "1 BOOT").ok()).isTrue();
        return cpe;
    }

    /** The Annex G request a CPE received, checked as the CPE checks it. */
    private static Map<String, String> signedRequest(DatagramSocket cpe) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
        cpe.setSoTimeout(5000);
        cpe.receive(p);
        String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^GET http://[^?]+\\?ts=(\\d+)&id=(\\d+)&un=([^&]*)"
                + "&cn=([0-9a-f]+)&sig=([0-9a-f]{40}) HTTP/1.1\r\nHost: [^\r]+\r\n\r\n$").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec("cpe-pass".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal((m.group(1) + m.group(2) + m.group(3)
                + m.group(4)).getBytes(StandardCharsets.UTF_8)));
        assertThat(m.group(5)).as("signed with the connection request password").isEqualTo(expected);
        assertThat(m.group(3)).isEqualTo("cpe-user");
        return Map.of("from", Integer.toString(p.getPort()), "id", m.group(2));
    }

    @Test
    void aCpeHttpCannotReachIsWokenOverUdpAtTheAddressItReported() throws Exception {
        try (RunningAcs acs = RunningAcs.start(dir, Map.of());
             DatagramSocket cpeUdp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            org.cwmpacs.sim.SimulatedCpe cpe = natted(acs, "UDP1", "127.0.0.1:" + cpeUdp.getLocalPort());
            NbiClient nbi = new NbiClient(acs.server.nbiPort());
            NbiClient.Reply woken = nbi.send("POST", "/devices/" + RunningAcs.id(cpe) + "/tasks?connection_request", null);
            assertThat(woken.status()).as("%s", woken).isEqualTo(200);
            assertThat(woken.header("Connection-Request-Path")).contains("UDP");
            String id = signedRequest(cpeUdp).get("id");
            for (int copy = 2; copy <= 3; copy++) {
                assertThat(signedRequest(cpeUdp).get("id")).as("copy %d, the same message", copy).isEqualTo(id);
            }
        }
    }

    @Test
    void theBindingOurStunServerLearnedWinsAndTheRequestLeavesFromItsPort() throws Exception {
        int stunPort = freeUdpPort();
        try (RunningAcs acs = RunningAcs.start(dir, Map.of("ACS_STUN_ENABLED", "true", "ACS_STUN_PORT",
                Integer.toString(stunPort), "ACS_STUN_INTERFACE", "127.0.0.1"));
             DatagramSocket cpeUdp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            // the address it reported is stale: the NAT has moved it since
            org.cwmpacs.sim.SimulatedCpe cpe = natted(acs, "UDP2", "127.0.0.1:9");
            byte[] tid = new byte[16];
            tid[5] = 9;
            byte[] binding = StunCodec.encode(new StunMessage(StunMessage.BINDING_REQUEST, tid, List.of(
                    new StunMessage.Attribute(StunMessage.USERNAME, "stun-UDP2".getBytes(StandardCharsets.UTF_8)),
                    new StunMessage.Attribute(StunMessage.CONNECTION_REQUEST_BINDING,
                            StunMessage.TR111_BINDING.getBytes(StandardCharsets.US_ASCII)))), Optional.empty(), false,
                    (byte) 0);
            cpeUdp.setSoTimeout(3000);
            cpeUdp.send(new DatagramPacket(binding, binding.length, InetAddress.getLoopbackAddress(), stunPort));
            cpeUdp.receive(new DatagramPacket(new byte[512], 512));
            NbiClient nbi = new NbiClient(acs.server.nbiPort());
            assertThat(nbi.send("POST", "/devices/" + RunningAcs.id(cpe) + "/tasks?connection_request", null).status())
                    .isEqualTo(200);
            assertThat(signedRequest(cpeUdp).get("from")).as("sent from the STUN port, which the NAT lets in")
                    .isEqualTo(Integer.toString(stunPort));
        }
    }

    @Test
    void aCpeBehindANatRunsTheTaskItWasWokenForEvenAfterTheNatMovedIt() throws Exception {
        int stunPort = freeUdpPort();
        try (RunningAcs acs = RunningAcs.start(dir, Map.of("ACS_STUN_ENABLED", "true", "ACS_STUN_PORT",
                Integer.toString(stunPort), "ACS_STUN_INTERFACE", "127.0.0.1"))) {
            org.cwmpacs.sim.SimulatedCpe cpe = natted(acs, "UDP3", "127.0.0.1:9");
            String task = "{\"name\": \"getParameterValues\", \"parameterNames\": [\"" + MS + "PeriodicInformInterval\"]}";
            NbiClient nbi = new NbiClient(acs.server.nbiPort());
            try (org.cwmpacs.sim.UdpConnectionRequestListener nat = org.cwmpacs.sim.UdpConnectionRequestListener.start(
                    cpe, "cpe-user", "cpe-pass", "stun-UDP3", new java.net.InetSocketAddress("127.0.0.1", stunPort))) {
                NbiClient.Reply ran = nbi.send("POST", "/devices/" + RunningAcs.id(cpe) + "/tasks?connection_request", task);
                assertThat(ran.status()).as("%s", ran).isEqualTo(200);
                assertThat(nat.accepted()).isEqualTo(1);

                int before = nat.port();
                nat.natMoves();
                assertThat(nat.port()).isNotEqualTo(before);
                NbiClient.Reply again = nbi.send("POST", "/devices/" + RunningAcs.id(cpe) + "/tasks?connection_request",
                        task);
                assertThat(again.status()).as("reached at its new port: %s", again).isEqualTo(200);
                assertThat(nat.accepted()).isEqualTo(2);
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                        .until(() -> nat.ignored() >= 2);
                assertThat(acs.raw().count("tasks")).isZero();
            }
        }
    }

    @Test
    void aTaskPointsACpeAtOurStunServerAndItIsThenReachedOverUdp() throws Exception {
        int stunPort = freeUdpPort();
        try (RunningAcs acs = RunningAcs.start(dir, Map.of("ACS_STUN_ENABLED", "true", "ACS_STUN_PORT",
                Integer.toString(stunPort), "ACS_STUN_INTERFACE", "127.0.0.1"))) {
            // its STUN client is off and points nowhere until the ACS configures it
            org.cwmpacs.sim.SimulatedCpe cpe = natted(acs, "UDP4", "127.0.0.1:9", tree -> {
                tree.put(MS + "STUNEnable", org.cwmpacs.sim.SimParameter.leaf(true, "false", "xsd:boolean"));
                tree.put(MS + "STUNUsername", org.cwmpacs.sim.SimParameter.leaf(true, "", "xsd:string"));
                tree.put(MS + "STUNServerAddress", org.cwmpacs.sim.SimParameter.leaf(true, "", "xsd:string"));
                tree.put(MS + "STUNServerPort", org.cwmpacs.sim.SimParameter.leaf(true, "0", "xsd:unsignedInt"));
            });
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.cwmpacs.sim.UdpConnectionRequestListener
                    .fromTree(cpe)).hasMessageContaining("STUNEnable");
            acs.queue(cpe, "{\"name\":\"setParameterValues\",\"parameterValues\":["
                    + "[\"" + MS + "STUNServerAddress\",\"127.0.0.1\"],"
                    + "[\"" + MS + "STUNServerPort\"," + stunPort + ",\"xsd:unsignedInt\"],"
                    + "[\"" + MS + "STUNUsername\",\"stun-UDP4\"],"
                    + "[\"" + MS + "STUNEnable\",true,\"xsd:boolean\"]]}");
            assertThat(cpe.runSession("2 PERIODIC").acsRequests()).endsWith("SetParameterValues");
            try (org.cwmpacs.sim.UdpConnectionRequestListener nat = org.cwmpacs.sim.UdpConnectionRequestListener
                    .fromTree(cpe)) {
                NbiClient nbi = new NbiClient(acs.server.nbiPort());
                NbiClient.Reply ran = nbi.send("POST", "/devices/" + RunningAcs.id(cpe) + "/tasks?connection_request",
                        "{\"name\": \"getParameterValues\", \"parameterNames\": [\"" + MS + "PeriodicInformInterval\"]}");
                assertThat(ran.status()).as("%s", ran).isEqualTo(200);
                assertThat(nat.accepted()).isEqualTo(1);
            }
        }
    }

    /** docs/connection-requests.md's provision, for every device: our STUN server, a username of its own. */
    static final String STUN_PROVISION = String.join("\n",
            "const serial = declare(\"DeviceID.SerialNumber\", {value: 1}).value[0];",
            "for (const root of [\"InternetGatewayDevice\", \"Device\"]) {",
            "  const ms = root + \".ManagementServer.\";",
            "  declare(ms + \"STUNServerAddress\", {value: 1}, {value: args[0]});",
            "  declare(ms + \"STUNServerPort\", {value: 1}, {value: args[1]});",
            "  declare(ms + \"STUNUsername\", {value: 1}, {value: \"stun-\" + serial});",
            "  declare(ms + \"STUNEnable\", {value: 1}, {value: true});",
            "}");

    @Test
    void aPresetPointsEveryCpeAtOurStunServer() throws Exception {
        int stunPort = freeUdpPort();
        try (RunningAcs acs = RunningAcs.start(dir, Map.of("ACS_STUN_ENABLED", "true", "ACS_STUN_PORT",
                Integer.toString(stunPort), "ACS_STUN_INTERFACE", "127.0.0.1"))) {
            acs.server.store().documents().replace("provisions", "stun", Map.of("_id", "stun", "script",
                    STUN_PROVISION));
            acs.server.store().documents().replace("presets", "stun", Map.of("_id", "stun", "weight", 0,
                    "channel", "stun", "events", Map.of(), "precondition", "",
                    "configurations", List.of(Map.of("type", "provision", "name", "stun",
                            "args", List.of("127.0.0.1", stunPort)))));
            org.cwmpacs.sim.SimulatedCpe cpe = natted(acs, "UDP5", "127.0.0.1:9", tree -> {
                tree.put(MS + "STUNEnable", org.cwmpacs.sim.SimParameter.leaf(true, "false", "xsd:boolean"));
                tree.put(MS + "STUNUsername", org.cwmpacs.sim.SimParameter.leaf(true, "", "xsd:string"));
                tree.put(MS + "STUNServerAddress", org.cwmpacs.sim.SimParameter.leaf(true, "", "xsd:string"));
                tree.put(MS + "STUNServerPort", org.cwmpacs.sim.SimParameter.leaf(true, "0", "xsd:unsignedInt"));
            });
            assertThat(cpe.model().get(MS + "STUNUsername").orElseThrow().value()).isEqualTo("stun-UDP5");
            try (org.cwmpacs.sim.UdpConnectionRequestListener nat = org.cwmpacs.sim.UdpConnectionRequestListener
                    .fromTree(cpe)) {
                NbiClient.Reply woken = new NbiClient(acs.server.nbiPort()).send("POST", "/devices/"
                        + RunningAcs.id(cpe) + "/tasks?connection_request", null);
                assertThat(woken.status()).as("%s", woken).isEqualTo(200);
                assertThat(woken.header("Connection-Request-Path")).contains("UDP");
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                        .until(() -> nat.accepted() >= 1);
            }
        }
    }

    @Test
    void udpUsesTheCredentialsOfTheConfigCollectionAsHttpDoes() throws Exception {
        int stunPort = freeUdpPort();
        // no discovery: the ACS never learns the CPE's stored credentials; cwmp.connectionRequestAuth names them
        try (RunningAcs acs = RunningAcs.start(dir, Map.of("ACS_STUN_ENABLED", "true", "ACS_STUN_PORT",
                Integer.toString(stunPort), "ACS_STUN_INTERFACE", "127.0.0.1", "ACS_DISCOVERY", "off"))) {
            acs.server.store().documents().replace("config", "cwmp.connectionRequestAuth", Map.of("_id",
                    "cwmp.connectionRequestAuth", "value", "AUTH(\"admin\", \"admin\") OR AUTH(\"cpe-user\", "
                    + "\"cpe-pass\")"));
            org.cwmpacs.sim.SimulatedCpe cpe = natted(acs, "UDP6", "127.0.0.1:9");
            // the ACS reads its STUN username (to find its binding), not its connection-request credentials
            acs.queue(cpe, "{\"name\":\"getParameterValues\",\"parameterNames\":[\"" + MS + "STUNUsername\"]}");
            assertThat(cpe.runSession("2 PERIODIC").ok()).isTrue();
            assertThat(acs.server.store().devices().find(RunningAcs.id(cpe)).orElseThrow()
                    .value(MS + "ConnectionRequestPassword")).isEmpty();
            try (org.cwmpacs.sim.UdpConnectionRequestListener nat = org.cwmpacs.sim.UdpConnectionRequestListener.start(
                    cpe, "cpe-user", "cpe-pass", "stun-UDP6", new java.net.InetSocketAddress("127.0.0.1", stunPort))) {
                NbiClient.Reply woken = new NbiClient(acs.server.nbiPort()).send("POST", "/devices/"
                        + RunningAcs.id(cpe) + "/tasks?connection_request", null);
                assertThat(woken.status()).as("%s", woken).isEqualTo(200);
                assertThat(woken.header("Connection-Request-Path")).contains("UDP");
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                        .until(() -> nat.accepted() >= 1);
                assertThat(nat.ignored()).as("the admin/admin copies, refused as a CPE refuses them").isPositive();
            }
        }
    }
}
