package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile inputs found by probing every port, each with the answer it must get, and after each a
 * normal CPE session that must still succeed: none of them may come back unnoticed. Each case is raw bytes
 * on a socket, as an attacker sends them.
 */
class HostileInputCorpusTest extends SimulatorCase {
    enum Port { CWMP, NBI, FS }

    /**
     * @param request what is sent, given the ports (a file name on the file server exists: {@code f.bin})
     * @param halfClose the client shuts its sending side after the request
     * @param expected what the answer must contain (its status line first)
     */
    record Hostile(String name, Port port, Function<RunningAcs, byte[]> request, boolean halfClose,
                   List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String INFORM_HEAD = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"";
    private static final String INFORM_BODY = "><soap:Header><cwmp:ID soap:mustUnderstand=\"1\">1</cwmp:ID></soap:Header>"
            + "<soap:Body><cwmp:Inform><DeviceId><Manufacturer>Evil</Manufacturer><OUI>00BAD0</OUI>"
            + "<ProductClass>Probe</ProductClass><SerialNumber>%s</SerialNumber></DeviceId><Event><EventStruct>"
            + "<EventCode>2 PERIODIC</EventCode><CommandKey></CommandKey></EventStruct></Event><MaxEnvelopes>1"
            + "</MaxEnvelopes><CurrentTime>2026-01-01T00:00:00Z</CurrentTime><RetryCount>0</RetryCount>"
            + "<ParameterList></ParameterList></cwmp:Inform></soap:Body></soap:Envelope>";

    static String inform(String serial, String extraAttributes) {
        return INFORM_HEAD + extraAttributes + String.format(INFORM_BODY, serial);
    }

    static byte[] post(String path, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: text/xml\r\nContent-Length: " + body.length + "\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
    }

    static byte[] get(String pathAndQuery, String... headers) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + String.join("", Stream.of(headers).map(h -> h + "\r\n").toList()) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] put(String path, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return concat(("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: " + b.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), b);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String repeat(String format, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(String.format(format, i, i));
        }
        return s.toString();
    }

    static String query(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    /** Short timeouts and small limits, so that each case is quick. */
    static final Map<String, String> LIMITS = Map.of("ACS_CWMP_REQUEST_TIMEOUT", "1", "ACS_NBI_REQUEST_TIMEOUT", "1",
            "ACS_MAX_FILE_MB", "1", "ACS_NBI_MAX_BODY_BYTES", "262144");

    /** A chunked body of {@code size} bytes in 64 KB chunks, without its last chunk. */
    static byte[] chunked(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        for (int sent = 0; sent < size; sent += chunk.length) {
            out.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(chunk);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    static Stream<Hostile> corpus() {
        // the Inform is ASCII, so its Latin-1 bytes are its UTF-8 bytes, and \u00C0\u0080 become C0 80
        byte[] overlong = inform("OVERLONG", "").replace("Evil", "E\u00C0\u0080vil").getBytes(StandardCharsets.ISO_8859_1);
        String longIn = "{\"_id\":{\"$in\":[" + String.join(",", Stream.generate(() -> "\"202BC1-BM632w-00000000\"")
                .limit(500).toList()) + "]}}";
        return Stream.of(
                new Hostile("30,000 namespace declarations on the Envelope", Port.CWMP, acs -> post("/", Map.of(),
                        inform("NS", repeat(" xmlns:p%d=\"urn:x:%d\"", 30_000)).getBytes(StandardCharsets.UTF_8)),
                        false, List.of("400", "attributes and namespace declarations")),
                new Hostile("100,000 attributes on one element", Port.CWMP, acs -> post("/", Map.of(),
                        inform("ATTR", "").replace("<cwmp:Inform>", "<cwmp:Inform" + repeat(" a%d=\"%d\"", 100_000) + ">")
                                .getBytes(StandardCharsets.UTF_8)), false, List.of("400", "more than 64 attributes")),
                new Hostile("overlong UTF-8 (C0 80) in a value", Port.CWMP, acs -> post("/", Map.of(), overlong),
                        false, List.of("400", "overlong UTF-8")),
                new Hostile("a deflate body that does not inflate", Port.CWMP, acs -> post("/",
                        Map.of("Content-Encoding", "deflate"), "this is not deflate data at all".getBytes(
                                StandardCharsets.US_ASCII)), false, List.of("400", "Malformed HTTP request")),
                new Hostile("an Inform, then the client half-closes", Port.CWMP, acs -> post("/", Map.of(),
                        inform("HALF", "").getBytes(StandardCharsets.UTF_8)), true, List.of("200", "InformResponse")),
                new Hostile("headers that never end (slowloris)", Port.CWMP, acs -> "POST / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n"
                        .getBytes(StandardCharsets.US_ASCII), false, List.of("408", "not received within")),
                new Hostile("a chunked body that never ends", Port.CWMP, acs -> ("POST / HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n5\r\n<soap\r\n").getBytes(StandardCharsets.US_ASCII), false,
                        List.of("408")),
                new Hostile("a DOCTYPE with an external entity", Port.CWMP, acs -> post("/", Map.of(),
                        ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                + inform("XXE", "").replace("Evil", "&e;")).getBytes(StandardCharsets.UTF_8)), false,
                        List.of("400", "DOCTYPE")),
                new Hostile("an unknown query operator", Port.NBI, acs -> get("/devices/?query="
                        + query("{\"_id\":{\"$where\":\"sleep(1000)\"}}")), false, List.of("400", "$where")),
                new Hostile("an invalid $regex", Port.NBI, acs -> get("/devices/?query="
                        + query("{\"_id\":{\"$regex\":\"(\"}}")), false, List.of("400")),
                new Hostile("invalid $options", Port.NBI, acs -> get("/devices/?query="
                        + query("{\"_id\":{\"$regex\":\"a\",\"$options\":\"zq\"}}")), false, List.of("400", "regular expression option")),
                new Hostile("a NUL in a key", Port.NBI, acs -> get("/devices/?query=" + query("{\"a\\u0000b\":1}")), false,
                        List.of("400")),
                new Hostile("a provision that overflows a parser", Port.NBI, acs -> put("/provisions/deep",
                        "(".repeat(200_000)), false, List.of("400")),
                new Hostile("a 12 KB $in query (GenieACS takes ~16 KB)", Port.NBI, acs -> get("/devices/?query="
                        + query(longIn)), false, List.of("200")),
                new Hostile("an NBI body larger than ACS_NBI_MAX_BODY_BYTES", Port.NBI, acs -> put("/presets/big",
                        "{\"weight\": 0, \"x\": \"" + "a".repeat(300_000) + "\"}"), false,
                        List.of("413", "ACS_NBI_MAX_BODY_BYTES")),
                new Hostile("NBI headers that never end", Port.NBI, acs -> "GET /devices HTTP/1.1\r\nHost: x\r\n"
                        .getBytes(StandardCharsets.US_ASCII), false, List.of("408")),
                new Hostile("an upload larger than ACS_MAX_FILE_MB, by its Content-Length", Port.NBI, acs -> (
                        "PUT /files/huge.bin HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n0123")
                        .getBytes(StandardCharsets.US_ASCII), false, List.of("413", "ACS_MAX_FILE_MB")),
                new Hostile("a chunked upload that grows past ACS_MAX_FILE_MB", Port.NBI, acs -> concat((
                        "PUT /files/huge.bin HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII), chunked(3 * 512 * 1024)), false,
                        List.of("413", "ACS_MAX_FILE_MB")),
                new Hostile("file server headers that never end", Port.FS, acs -> "GET /f.bin HTTP/1.1\r\nHost: x\r\n"
                        .getBytes(StandardCharsets.US_ASCII), false, List.of("408")),
                new Hostile("a Range in an unknown unit", Port.FS, acs -> get("/f.bin", "Range: items=0-1"), false,
                        List.of("200", "0123456789")),
                new Hostile("a Range that is not valid bytes syntax", Port.FS, acs -> get("/f.bin", "Range: bytes=x-y"),
                        false, List.of("200", "0123456789")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileInputGetsItsAnswerAndTheServerStillServesCpes(Hostile hostile) throws Exception {
        acs = RunningAcs.start(dataDir, LIMITS);
        NbiClient nbi = new NbiClient(acs.server.nbiPort());
        assertThat(nbi.send("PUT", "/files/f.bin", "0123456789").status()).isEqualTo(201);
        int port = switch (hostile.port()) {
            case CWMP -> acs.server.cwmpPort();
            case NBI -> acs.server.nbiPort();
            case FS -> acs.server.fsPort();
        };
        String answer = exchange(port, hostile.request().apply(acs), hostile.halfClose());
        String firstLine = answer.lines().findFirst().orElse("");
        assertThat(firstLine).as("status line of %s: %s", hostile, answer).contains(hostile.expected().get(0));
        for (String part : hostile.expected().subList(1, hostile.expected().size())) {
            assertThat(answer).as("%s", hostile).contains(part);
        }
        assertThat(answer.lines().filter(l -> l.contains("Exception") || l.contains("\tat ")).count())
                .as("no internal exception text in the answer to %s", hostile).isZero();
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
    }

    @org.junit.jupiter.api.Test
    void clientsThatRequestAFileAndNeverReadDoNotStarveOtherDownloads() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_MAX_FILE_MB", "64"));
        NbiClient nbi = new NbiClient(acs.server.nbiPort());
        byte[] firmware = new byte[32 * 1024 * 1024];
        new java.util.Random(7).nextBytes(firmware);
        assertThat(nbi.send("PUT", "/files/fw.bin", firmware, Map.of()).status()).isEqualTo(201);
        List<Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket("127.0.0.1", acs.server.fsPort());
                s.setReceiveBufferSize(4096);
                s.getOutputStream().write(get("/fw.bin"));
                stalled.add(s);
            }
            Thread.sleep(500);
            // a CPE's download meanwhile is served whole
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:"
                    + acs.server.fsPort() + "/fw.bin").openConnection();
            c.setReadTimeout(20_000);
            assertThat(c.getResponseCode()).isEqualTo(200);
            try (InputStream in = c.getInputStream()) {
                assertThat(java.util.Arrays.equals(in.readAllBytes(), firmware)).isTrue();
            }
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void unfinishedInformsFromOneAddressDoNotKeepOtherCpesOut() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_MAX_SESSIONS_PER_ADDRESS", "5"));
        int port = acs.server.cwmpPort();
        List<Socket> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                String answer = informFrom("127.0.0.1", port, "FLOOD" + i, held);
                assertThat(answer).startsWith("HTTP/1.1 200");
            }
            assertThat(informFrom("127.0.0.1", port, "FLOOD5", held)).startsWith("HTTP/1.1 503")
                    .contains("ACS_MAX_SESSIONS_PER_ADDRESS=5");
            assertThat(informFrom("127.0.0.2", port, "ELSEWHERE", held)).as("a CPE at another address")
                    .startsWith("HTTP/1.1 200");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void withCpeAuthenticationACostlyBodyWithoutCredentialsIsChallengedUnread() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_CWMP_AUTH", "true", "ACS_CWMP_USERNAME", "acs",
                "ACS_CWMP_PASSWORD", "s3cret"));
        // a body that could not even be decoded: had it been read, the answer would be 400
        byte[] costly = post("/", Map.of(), inform("NS", repeat(" xmlns:p%d=\"urn:x:%d\"", 30_000))
                .getBytes(StandardCharsets.UTF_8));
        String anonymous = exchange(acs.server.cwmpPort(), costly, false);
        assertThat(anonymous).startsWith("HTTP/1.1 401").containsIgnoringCase("WWW-Authenticate: Digest");
        String emptyBasic = exchange(acs.server.cwmpPort(), post("/", Map.of("Authorization", "Basic "),
                inform("EB", "").getBytes(StandardCharsets.UTF_8)), false);
        assertThat(emptyBasic).startsWith("HTTP/1.1 401");
        String wrong = exchange(acs.server.cwmpPort(), post("/", Map.of("Authorization", "Digest username=\"acs\", "
                + "realm=\"cwmpacs\", nonce=\"1-2\", uri=\"/\", response=\"00\""), costly), false);
        assertThat(wrong).startsWith("HTTP/1.1 401");
        assertThat(acs.raw().count("devices")).isZero();
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT.credentials("acs", "s3cret"));
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
    }

    @org.junit.jupiter.api.Test
    void aFaultWithAnUndeclaredSoapPrefixIsReadAndTheSessionGoesOn() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of());
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
        acs.queue(cpe, "{\"name\":\"reboot\"}");
        int port = acs.server.cwmpPort();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            String informed = roundTrip(s, inform(cpe.deviceId().serialNumber(), "").replace("00BAD0",
                    cpe.deviceId().oui()).replace("Probe", cpe.deviceId().productClass()), "");
            assertThat(informed).startsWith("HTTP/1.1 200");
            String cookie = informed.replaceAll("(?s).*set-cookie: (session=[0-9a-f]+).*", "$1");
            String request = roundTrip(s, "", cookie);
            assertThat(request).contains("Reboot");
            String id = request.replaceAll("(?s).*<cwmp:ID[^>]*>([^<]+)</cwmp:ID>.*", "$1");
            // cwmp-sim's refusal: soap: is never declared
            String fault = "<soap:Envelope xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><soap:Header><cwmp:ID "
                    + "soap:mustUnderstand=\"1\">" + id + "</cwmp:ID></soap:Header><soap:Body><soap:Fault><faultcode>"
                    + "Client</faultcode><faultstring>CWMP fault</faultstring><detail><cwmp:Fault><FaultCode>9001"
                    + "</FaultCode><FaultString>Request denied</FaultString></cwmp:Fault></detail></soap:Fault>"
                    + "</soap:Body></soap:Envelope>";
            assertThat(roundTrip(s, fault, cookie)).as("read as a fault: the session ends normally")
                    .startsWith("HTTP/1.1 204");
        }
        assertThat(faults()).extracting(f -> f.get("code")).containsExactly("cwmp.9001");
        // and the CPE's next session is not refused as already in session
        session(cpe);
    }

    /** One POST on an open connection and its answer (head and body). */
    private static String roundTrip(Socket s, String body, String cookie) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(concat(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n"
                + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "Content-Length: " + b.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), b));
        InputStream in = s.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            String text = answer.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(text);
                int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
                if (answer.size() >= end + 4 + length) {
                    return text;
                }
            }
            int n = in.read(buffer);
            if (n < 0) {
                return answer.toString(StandardCharsets.UTF_8);
            }
            answer.write(buffer, 0, n);
        }
    }

    /** An Inform on a connection kept open (the session is never continued); the answer's head and body. */
    private static String informFrom(String localAddress, int port, String serial, List<Socket> held) throws IOException {
        Socket s = new Socket();
        held.add(s);
        s.bind(new java.net.InetSocketAddress(localAddress, 0));
        s.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        s.setSoTimeout(10_000);
        byte[] body = inform(serial, "").getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(concat(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body));
        byte[] buffer = new byte[16 * 1024];
        int n = s.getInputStream().read(buffer);
        return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    /** Sends the bytes, then reads until the server closes (or 10 s pass), as text. */
    static String exchange(int port, byte[] request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (java.net.SocketException refusedMidway) {
                // the server answered before the request was sent whole (a refusal): read the answer
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException stopped) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
