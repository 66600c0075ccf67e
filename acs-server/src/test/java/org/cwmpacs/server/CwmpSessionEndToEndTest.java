package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.DeviceId;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.SimulatedCpe;
import org.cwmpacs.soap.CwmpCodec;
import org.cwmpacs.soap.CwmpEnvelope;
import org.cwmpacs.soap.message.SoapFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real CWMP sessions through the listener on a loopback port, with the embedded store. */
class CwmpSessionEndToEndTest {
    private static final Pattern COOKIE = Pattern.compile("(?i)set-cookie: session=([0-9a-f]+)");

    @TempDir
    Path dataDir;
    private RunningAcs acs;
    private final HttpClient http = SimulatedCpe.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, java.util.Map.of());
    }

    @AfterEach
    void stop() {
        if (acs != null) {
            acs.close();
        }
    }

    static Path fixtures() {
        String dir = System.getProperty("acs.fixtures.dir");
        if (dir != null) {
            return Path.of(dir);
        }
        // from the module (tests) or from the project root (benchmarks run with exec:java)
        Path fromModule = Path.of("../src-test-fixtures/src/main/resources/fixtures");
        return java.nio.file.Files.isDirectory(fromModule) ? fromModule
                : Path.of("src-test-fixtures/src/main/resources/fixtures");
    }

    private SimulatedCpe cpe(String model, SimulatedCpe.Options options) {
        return new SimulatedCpe(acs.uri, DataModel.fromCsv(fixtures().resolve("datamodels").resolve(model)), options, http);
    }

    private static String idOf(SimulatedCpe cpe) {
        return DeviceId.of(cpe.deviceId().oui(), cpe.deviceId().productClass(), cpe.deviceId().serialNumber());
    }

    @ParameterizedTest
    @ValueSource(strings = {"igd-broadcom-bm632w.csv", "igd-huawei-eg8145v5.csv", "tr181-tplink-ec220-g5v3.csv",
        "tr181-tplink-ex220.csv"})
    void firstContactRegistersAndAPeriodicInformUpdatesLastInform(String model) throws Exception {
        SimulatedCpe cpe = cpe(model, SimulatedCpe.Options.DEFAULT);
        Instant before = Instant.now().minusMillis(5);
        SimulatedCpe.SessionResult first = cpe.runSession();
        assertThat(first.ok()).as("%s", first).isTrue();
        assertThat(first.roundTrips()).isEqualTo(2);
        Device device = acs.server.store().devices().find(idOf(cpe)).orElseThrow();
        assertThat(device.identity().serialNumber()).isEqualTo(cpe.deviceId().serialNumber());
        assertThat(device.registered()).hasValueSatisfying(t -> assertThat(t).isAfter(before));
        assertThat(device.lastBootstrap()).isEqualTo(device.registered());
        assertThat(device.lastBoot()).isEqualTo(device.registered());
        String root = cpe.model().root();
        for (String forced : List.of("DeviceInfo.HardwareVersion", "DeviceInfo.SoftwareVersion",
                "DeviceInfo.ProvisioningCode", "ManagementServer.ParameterKey", "ManagementServer.ConnectionRequestURL")) {
            cpe.model().get(root + forced).ifPresent(p -> {
                assertThat(device.value(root + forced)).as(forced).isPresent();
                assertThat(String.valueOf(device.value(root + forced).get())).isEqualTo(p.value());
                assertThat(device.parameter(root + forced).get().type()).contains(p.type());
            });
        }
        assertThat(device.value(root + "DeviceInfo.SoftwareVersion")).isPresent();

        Thread.sleep(5);
        SimulatedCpe.SessionResult periodic = cpe.runSession("2 PERIODIC");
        assertThat(periodic.ok()).as("%s", periodic).isTrue();
        Device after = acs.server.store().devices().find(idOf(cpe)).orElseThrow();
        assertThat(after.lastInform().get()).isAfter(device.lastInform().get());
        assertThat(after.registered()).isEqualTo(device.registered());
        assertThat(after.lastBoot()).isEqualTo(device.lastBoot());
        assertThat(after.lastBootstrap()).isEqualTo(device.lastBootstrap());
        assertThat(after.value(root + "DeviceInfo.SoftwareVersion")).isEqualTo(device.value(root + "DeviceInfo.SoftwareVersion"));
    }

    @Test
    void aSessionContinuesOnANewConnectionWithItsCookie() {
        SimulatedCpe cpe = cpe("tr181-tplink-ec220-g5v3.csv", SimulatedCpe.Options.DEFAULT.reconnecting());
        assertThat(cpe.runSession().ok()).isTrue();
        assertThat(cpe.runSession("2 PERIODIC").ok()).isTrue();
    }

    @Test
    void aCpeThatNeverEchoesTheCookieIsFollowedByItsConnection() throws Exception {
        byte[] inform = Files.readAllBytes(fixtures().resolve("soap/rdkb-ccsptr069pa-inform.synthetic.xml"));
        try (Socket socket = new Socket("127.0.0.1", acs.server.cwmpPort())) {
            String first = exchange(socket, post(inform, ""));
            assertThat(first).startsWith("HTTP/1.1 200").contains("InformResponse");
            String second = exchange(socket, post(new byte[0], ""));
            assertThat(second).startsWith("HTTP/1.1 204");
        }
    }

    @Test
    void rdkbHttpFixturesThroughARawSocket() throws Exception {
        byte[] inform = Files.readAllBytes(fixtures().resolve("soap/rdkb-ccsptr069pa-inform.synthetic.http"));
        try (Socket socket = new Socket("127.0.0.1", acs.server.cwmpPort())) {
            String answer = exchange(socket, inform);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("<cwmp:ID soap-env:mustUnderstand=\"1\">1</cwmp:ID>")
                    .contains("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"");
            Matcher cookie = COOKIE.matcher(answer);
            assertThat(cookie.find()).isTrue();
            String emptyPost = Files.readString(fixtures().resolve("soap/rdkb-ccsptr069pa-empty-post.synthetic.http"),
                    StandardCharsets.ISO_8859_1).replace("session=abc123", "session=" + cookie.group(1));
            assertThat(exchange(socket, emptyPost.getBytes(StandardCharsets.ISO_8859_1))).startsWith("HTTP/1.1 204");
        }
        assertThat(acs.server.store().devices().find("0000CA-XB3-SYNTH0000000001")).isPresent();
    }

    @Test
    void chunkedIso88591BodyIsDecodedInsideASession() throws Exception {
        byte[] inform = Files.readAllBytes(fixtures().resolve("soap/rdkb-ccsptr069pa-inform.synthetic.xml"));
        byte[] chunked = Files.readAllBytes(fixtures().resolve("soap/quirk-chunked-basic-auth-empty-soapaction.synthetic.http"));
        try (Socket socket = new Socket("127.0.0.1", acs.server.cwmpPort())) {
            assertThat(exchange(socket, post(inform, ""))).startsWith("HTTP/1.1 200");
            // a GetParameterValuesResponse nobody asked for: answered with a fault that echoes its ID 77
            String answer = exchange(socket, chunked);
            assertThat(answer).startsWith("HTTP/1.1 200").contains(">77</cwmp:ID>").contains("<FaultCode>8000</FaultCode>");
        }
    }

    @Test
    void aBadCookieIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(acs.uri).header("Cookie", "session=deadbeef")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Invalid session");
    }

    @Test
    void anUnknownCpeMethodGetsFault8000() throws Exception {
        byte[] inform = Files.readAllBytes(fixtures().resolve("soap/zyxel-vmg8924-inform.xml"));
        String vendorRpc = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><soap:Header><cwmp:ID soap:mustUnderstand=\"1\">v1</cwmp:ID>"
                + "</soap:Header><soap:Body><cwmp:X_ACME_Hello/></soap:Body></soap:Envelope>";
        try (Socket socket = new Socket("127.0.0.1", acs.server.cwmpPort())) {
            assertThat(exchange(socket, post(inform, ""))).startsWith("HTTP/1.1 200");
            String answer = exchange(socket, post(vendorRpc.getBytes(StandardCharsets.UTF_8), ""));
            assertThat(answer).startsWith("HTTP/1.1 200");
            CwmpEnvelope fault = new CwmpCodec().decode(body(answer).getBytes(StandardCharsets.UTF_8));
            assertThat(fault.message(SoapFault.class).orElseThrow().fault().faultCode()).isEqualTo(8000);
            assertThat(fault.header().id()).contains("v1");
            assertThat(exchange(socket, post(new byte[0], ""))).startsWith("HTTP/1.1 204");
        }
    }

    @Test
    void aMalformedBodyIs400AndTheServerKeepsServing() throws Exception {
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(acs.uri)
                .POST(HttpRequest.BodyPublishers.ofString("<soap:Envelope><unclosed>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("malformed XML").contains("line 1");
        assertThat(cpe("igd-broadcom-bm632w.csv", SimulatedCpe.Options.DEFAULT).runSession().ok()).isTrue();
    }

    @Test
    void anOversizedBodyIs413WithItsReason() throws Exception {
        acs.close();
        acs = RunningAcs.withoutDiscovery(dataDir, java.util.Map.of("ACS_MAX_BODY_BYTES", "2048"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(acs.uri)
                .POST(HttpRequest.BodyPublishers.ofString("<x>" + "a".repeat(5000) + "</x>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("2048 bytes").contains("ACS_MAX_BODY_BYTES");
        assertThat(cpe("igd-broadcom-bm632w.csv", SimulatedCpe.Options.DEFAULT).runSession().ok()).isTrue();
    }

    @Test
    void getIsNotAllowed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(acs.uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void gzipRequestBodiesAreInflated() throws Exception {
        byte[] inform = Files.readAllBytes(fixtures().resolve("soap/zyxel-p2601hn-inform.xml"));
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(inform);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(acs.uri).header("Content-Encoding", "gzip")
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("InformResponse");
    }

    @Test
    void twoConcurrentInformsOfOneDeviceOneIsRefused() throws Exception {
        byte[] inform = Files.readAllBytes(fixtures().resolve("soap/zyxel-p2601hn-inform.xml"));
        try (Socket a = new Socket("127.0.0.1", acs.server.cwmpPort());
             Socket b = new Socket("127.0.0.1", acs.server.cwmpPort())) {
            assertThat(exchange(a, post(inform, ""))).startsWith("HTTP/1.1 200");
            String second = exchange(b, post(inform, ""));
            assertThat(second).startsWith("HTTP/1.1 400").contains("CPE already in session");
            assertThat(exchange(a, post(new byte[0], ""))).startsWith("HTTP/1.1 204");
        }
        // the lock is released before the 204: the device may inform again at once
        try (Socket c = new Socket("127.0.0.1", acs.server.cwmpPort())) {
            assertThat(exchange(c, post(inform, ""))).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void twoHundredDevicesInformingConcurrentlyAllRegister() throws Exception {
        DataModel base = DataModel.fromCsv(fixtures().resolve("datamodels/tr181-tplink-ec220-g5v3.csv"));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<SimulatedCpe.SessionResult>> sessions = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                SimulatedCpe cpe = new SimulatedCpe(acs.uri, base.copyWithSerial("SIM" + i), SimulatedCpe.Options.DEFAULT, http);
                sessions.add(cpe::runSession);
            }
            for (Future<SimulatedCpe.SessionResult> f : pool.invokeAll(sessions)) {
                assertThat(f.get().ok()).as("%s", f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < 200; i++) {
            assertThat(acs.server.store().devices().find("9CA2F4-EC220%2DG5-SIM" + i)).as("SIM" + i).isPresent();
        }
    }

    @Test
    void devicesSurviveARestartOnTheSameDataDirectory() throws Exception {
        SimulatedCpe cpe = cpe("igd-huawei-eg8145v5.csv", SimulatedCpe.Options.DEFAULT);
        assertThat(cpe.runSession().ok()).isTrue();
        acs.close();
        acs = RunningAcs.withoutDiscovery(dataDir, java.util.Map.of());
        assertThat(acs.server.store().devices().find(idOf(cpe))).isPresent();
        SimulatedCpe again = new SimulatedCpe(acs.uri, cpe.model(), SimulatedCpe.Options.DEFAULT, http);
        assertThat(again.runSession().ok()).isTrue();
    }

    private static byte[] post(byte[] body, String cookie) {
        String head = "POST / HTTP/1.1\r\nHost: acs\r\nContent-Type: text/xml; charset=utf-8\r\n"
                + (cookie.isEmpty() ? "" : "Cookie: session=" + cookie + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Sends one request and reads one response (headers and a Content-Length body). */
    private static String exchange(Socket socket, byte[] request) throws IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.write(c);
            matched = (c == '\r' || c == '\n') ? (c == "\r\n\r\n".charAt(matched) ? matched + 1 : (c == '\r' ? 1 : 0)) : 0;
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(headers);
        int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
        byte[] body = in.readNBytes(n);
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}
