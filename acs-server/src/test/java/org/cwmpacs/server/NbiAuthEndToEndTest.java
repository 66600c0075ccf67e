package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.nbi.auth.NbiAuth;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.Test;

/** Who reaches the NBI: credentials on every route when configured, loopback only when not. */
class NbiAuthEndToEndTest extends SimulatorCase {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    /** One request per route, each of which would do something if let through. */
    private static final List<String[]> ROUTES = List.of(
            new String[] {"GET", "/devices"}, new String[] {"HEAD", "/tasks"}, new String[] {"GET", "/files/"},
            new String[] {"POST", "/devices/202BC1-BM632w-000000/tasks"},
            new String[] {"DELETE", "/devices/202BC1-BM632w-000000"},
            new String[] {"POST", "/devices/202BC1-BM632w-000000/tags/x"},
            new String[] {"DELETE", "/tasks/5403908ef28ea3a25c138adc"},
            new String[] {"POST", "/tasks/5403908ef28ea3a25c138adc/retry"},
            new String[] {"DELETE", "/faults/202BC1-BM632w-000000:default"},
            new String[] {"PUT", "/presets/p"}, new String[] {"PUT", "/objects/o"},
            new String[] {"PUT", "/provisions/p"}, new String[] {"PUT", "/virtual_parameters/v"},
            new String[] {"PUT", "/files/f.bin"}, new String[] {"DELETE", "/files/f.bin"},
            new String[] {"GET", "/ping/127.0.0.1"}, new String[] {"GET", "/users"});

    private static String body(String method) {
        return method.equals("PUT") || method.equals("POST") ? "{\"name\": \"reboot\"}" : null;
    }

    @Test
    void withKeysConfiguredEveryRouteWantsThem() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_NBI_API_KEYS", KEY + ",sha256:"
                + NbiAuth.hashKey("second-key-of-sixteen+").substring(7), "ACS_NBI_USERS", "ops:pa55word"));
        NbiClient anonymous = new NbiClient(acs.server.nbiPort());
        for (String[] route : ROUTES) {
            NbiClient.Reply reply = anonymous.send(route[0], route[1], body(route[0]));
            assertThat(reply.status()).as("%s %s", route[0], route[1]).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).as("%s %s", route[0], route[1]).isPresent();
        }
        NbiClient wrongKey = new NbiClient(acs.server.nbiPort(), Map.of("X-API-Key", "not-the-key-at-all"));
        assertThat(wrongKey.get("/devices").status()).isEqualTo(401);
        NbiClient wrongPassword = new NbiClient(acs.server.nbiPort(), Map.of("Authorization", basic("ops", "guess")));
        assertThat(wrongPassword.get("/devices").status()).isEqualTo(401);
        assertThat(acs.raw().count("presets"))
                .as("nothing was changed by the refused requests").isZero();

        for (NbiClient client : List.of(new NbiClient(acs.server.nbiPort(), Map.of("X-API-Key", KEY)),
                new NbiClient(acs.server.nbiPort(), Map.of("Authorization", "Bearer " + KEY)),
                new NbiClient(acs.server.nbiPort(), Map.of("X-API-Key", "second-key-of-sixteen+")),
                new NbiClient(acs.server.nbiPort(), Map.of("Authorization", basic("ops", "pa55word"))))) {
            for (String[] route : ROUTES) {
                NbiClient.Reply reply = client.send(route[0], route[1], body(route[0]));
                assertThat(reply.status()).as("%s %s", route[0], route[1]).isNotEqualTo(401);
            }
        }
        assertThat(acs.raw().count("presets")).isEqualTo(1);

        // the CWMP port does not ask for NBI credentials
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
        // the OpenAPI description is public
        assertThat(anonymous.get("/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void withoutCredentialsOnlyLoopbackReachesIt() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of());
        NbiClient local = new NbiClient(acs.server.nbiPort());
        assertThat(local.get("/devices").status()).isEqualTo(200);
        boolean ipv6 = Collections.list(NetworkInterface.getNetworkInterfaces()).stream().anyMatch(n ->
                Collections.list(n.getInetAddresses()).stream().anyMatch(a -> a.isLoopbackAddress()
                        && a instanceof java.net.Inet6Address));
        if (ipv6) {
            java.net.HttpURLConnection v6 = (java.net.HttpURLConnection) new java.net.URL("http://[::1]:"
                    + acs.server.nbiPort() + "/devices").openConnection();
            assertThat(v6.getResponseCode()).as("IPv6 loopback too").isEqualTo(200);
        }
        NbiClient.Reply users = local.get("/users");
        assertThat(users.status()).as("users' hashes are for callers with credentials").isEqualTo(403);
        assertThat((String) users.object().get("error")).contains("ACS_NBI_API_KEYS");
        Optional<InetAddress> external = externalAddress();
        if (external.isPresent()) {
            try (Socket s = new Socket()) {
                assertThatThrownBy(() -> s.connect(new InetSocketAddress(external.get(), acs.server.nbiPort()), 2000))
                        .as("not listening on %s", external.get()).isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void theInterfaceAndAnonymousOptions() throws Exception {
        assertThat(AcsConfig.load(Map.of()).nbi().host()).as("both loopbacks").isEqualTo("localhost");
        assertThat(AcsConfig.load(Map.of("ACS_NBI_API_KEYS", KEY)).nbi().host()).isEqualTo("::");
        assertThat(AcsConfig.load(Map.of("ACS_NBI_ALLOW_ANONYMOUS", "true")).nbi().host()).isEqualTo("::");
        assertThat(AcsConfig.load(Map.of("GENIEACS_NBI_INTERFACE", "127.0.0.1")).nbi().host()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("GENIEACS_NBI_INTERFACE", "0.0.0.0")))
                .isInstanceOf(AcsConfig.ConfigException.class).hasMessageContaining("ACS_NBI_API_KEYS")
                .hasMessageContaining("ACS_NBI_ALLOW_ANONYMOUS");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_NBI_API_KEYS", "short")))
                .isInstanceOf(AcsConfig.ConfigException.class).hasMessageContaining("16 characters");
        assertThatThrownBy(() -> AcsConfig.load(Map.of("ACS_NBI_USERS", "nobody")))
                .isInstanceOf(AcsConfig.ConfigException.class).hasMessageContaining("name:password");

        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_NBI_ALLOW_ANONYMOUS", "true",
                "GENIEACS_NBI_INTERFACE", "0.0.0.0"));
        Optional<InetAddress> external = externalAddress();
        if (external.isPresent()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(external.get(), acs.server.nbiPort()), 2000);
                assertThat(s.isConnected()).isTrue();
            }
        }
        NbiClient.Reply users = new NbiClient(acs.server.nbiPort()).get("/users");
        assertThat(users.status()).isEqualTo(403);
    }

    @Test
    void usersAreListedWithoutTheirPasswordHashes() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_NBI_API_KEYS", KEY));
        acs.raw().insert("users", new org.bson.Document("_id", "admin")
                .append("password", "ab12").append("salt", "cd34").append("roles", "admin"));
        NbiClient.Reply users = new NbiClient(acs.server.nbiPort(), Map.of("X-API-Key", KEY)).get("/users");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.list()).containsExactly(Map.of("_id", "admin", "roles", "admin"));
    }

    @Test
    void theLogSaysHowToOpenTheNbiAndOversizedBodiesAreRefused() throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(AcsServer.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_NBI_MAX_BODY_BYTES", "2048"));
        } finally {
            log.detachAppender(seen);
        }
        assertThat(seen.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("no credentials configured").contains("loopback (127.0.0.1 and ::1) only").contains("ACS_NBI_API_KEYS"));
        NbiClient.Reply big = new NbiClient(acs.server.nbiPort()).send("PUT", "/presets/big",
                "{\"x\": \"" + "y".repeat(4096) + "\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(acs.raw().count("presets")).isZero();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An IPv4 address of this host other than loopback, if it has one. */
    private static Optional<InetAddress> externalAddress() throws java.net.SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void pastTenWrongCredentialsAMinuteAnAddressGets429() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_NBI_USERS", "ops:pa55word"));
        NbiClient guesser = new NbiClient(acs.server.nbiPort(), Map.of("Authorization", basic("ops", "guess")));
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.get("/devices").status()).isEqualTo(401);
        }
        NbiClient.Reply limited = guesser.get("/devices");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
        assertThat(limited.body()).contains("too many requests with wrong credentials");
        NbiClient right = new NbiClient(acs.server.nbiPort(), Map.of("Authorization", basic("ops", "pa55word")));
        assertThat(right.get("/devices").status()).as("until the minute is over, from that address").isEqualTo(429);
    }
}
