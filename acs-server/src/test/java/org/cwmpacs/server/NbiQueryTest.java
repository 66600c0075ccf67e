package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwmpacs.server.NbiClient.q;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GenieACS's device query expansion through the NBI: parameter paths match their value, and a string
 * operand also matches as a number, a date, a regular expression or a wildcard; projection and sort on
 * nested parameters; {@code total} counts past skip and limit.
 */
class NbiQueryTest extends SimulatorCase {
    private static final String INTERVAL = "InternetGatewayDevice.ManagementServer.PeriodicInformInterval";
    private static final String VERSION = "InternetGatewayDevice.DeviceInfo.SoftwareVersion";
    private NbiClient nbi;

    @BeforeEach
    void threeDevices() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of());
        nbi = new NbiClient(acs.server.nbiPort());
        Object[][] devices = {{"A", 300, "V1.2.3", "2026-01-01T00:00:00Z"}, {"B", 600, "V2.0.0", "2016-06-01T00:00:00Z"},
                {"C", 3600, "V10", "2026-02-01T00:00:00Z"}};
        for (Object[] d : devices) {
            SimulatedCpe cpe = cpe(tree(NbiCompatibilityTest.BM632W).copyWithSerial((String) d[0]),
                    SimulatedCpe.Options.DEFAULT);
            session(cpe, "0 BOOTSTRAP", "1 BOOT");
            // stored as a CPE would have reported them: a number, a string, a date
            acs.raw().set("devices", RunningAcs.id(cpe), new org.bson.Document(INTERVAL + "._value", d[1])
                    .append(INTERVAL + "._type", "xsd:unsignedInt").append(VERSION + "._value", d[2])
                    .append(VERSION + "._type", "xsd:string")
                    .append("_lastInform", Date.from(Instant.parse((String) d[3]))));
        }
    }

    private List<String> serials(String query) throws Exception {
        NbiClient.Reply reply = nbi.get("/devices/?query=" + q(query) + "&projection=_deviceId._SerialNumber"
                + "&sort=" + q("{\"_deviceId._SerialNumber\":1}"));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.list().stream().map(d -> (String) NbiCompatibilityTest.path(d, "_deviceId").get("_SerialNumber"))
                .toList();
    }

    @Test
    void aStringOperandAlsoMatchesAsANumber() throws Exception {
        assertThat(serials("{\"" + INTERVAL + "\": \"600\"}")).containsExactly("B");
        assertThat(serials("{\"" + INTERVAL + "\": 600}")).containsExactly("B");
        assertThat(serials("{\"" + INTERVAL + "\": {\"$gt\": \"400\"}}")).containsExactly("B", "C");
        assertThat(serials("{\"" + INTERVAL + "\": {\"$gte\": 300, \"$lt\": \"3600\"}}")).containsExactly("A", "B");
        assertThat(serials("{\"" + INTERVAL + "\": {\"$in\": [\"300\", \"3600\"]}}")).containsExactly("A", "C");
        assertThat(serials("{\"" + INTERVAL + "\": {\"$nin\": [\"300\", \"3600\"]}}")).containsExactly("B");
    }

    @Test
    void wildcardsAndRegularExpressions() throws Exception {
        assertThat(serials("{\"" + VERSION + "\": \"V1*\"}")).containsExactly("A", "C");
        assertThat(serials("{\"" + VERSION + "\": \"*2.3\"}")).containsExactly("A");
        assertThat(serials("{\"" + VERSION + "\": \"V*0\"}")).containsExactly("B", "C");
        assertThat(serials("{\"" + VERSION + "\": \"V1.2.3\"}")).as("dots are literal").containsExactly("A");
        assertThat(serials("{\"" + VERSION + "\": \"V1.2*\"}")).containsExactly("A");
        assertThat(serials("{\"" + VERSION + "\": \"/^v2/i\"}")).containsExactly("B");
        assertThat(serials("{\"" + VERSION + "\": {\"$in\": [\"V10\", \"/^V2/\"]}}")).containsExactly("B", "C");
    }

    @Test
    void negationsMustHoldForEveryMeaning() throws Exception {
        assertThat(serials("{\"" + VERSION + "\": {\"$ne\": \"V10\"}}")).containsExactly("A", "B");
        assertThat(serials("{\"" + INTERVAL + "\": {\"$ne\": \"600\"}}")).containsExactly("A", "C");
        NbiClient.Reply mixed = nbi.get("/devices/?query=" + q("{\"" + INTERVAL + "\": {\"$ne\": \"600\", \"$gt\": 1}}"));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat((String) mixed.object().get("error")).contains("$ne");
    }

    @Test
    void datesInTheFormsPeopleWriteThem() throws Exception {
        assertThat(serials("{\"_lastInform\": {\"$lt\": \"2017-12-11 13:16:23 +0000\"}}")).containsExactly("B");
        assertThat(serials("{\"_lastInform\": {\"$gte\": \"2026-01-15\"}}")).containsExactly("C");
        assertThat(serials("{\"_lastInform\": {\"$gt\": \"2025-12-31T23:00:00.000Z\", \"$lt\": \"Sun, 01 Feb 2026 "
                + "00:00:00 GMT\"}}")).containsExactly("A");
        assertThat(serials("{\"$or\": [{\"_deviceId._SerialNumber\": \"A\"}, {\"" + INTERVAL + "\": \"3600\"}]}"))
                .containsExactly("A", "C");
    }

    @Test
    void projectionSortSkipLimitAndTotal() throws Exception {
        NbiClient.Reply page = nbi.get("/devices/?projection=" + INTERVAL + "," + VERSION + ",InternetGatewayDevice"
                + ".DeviceInfo&sort=" + q("{\"" + INTERVAL + "\": -1}") + "&skip=1&limit=1");
        assertThat(page.header("total")).as("every match, not the page").contains("3");
        assertThat(page.list()).hasSize(1);
        Map<String, Object> doc = page.list().get(0);
        assertThat(doc).containsOnlyKeys("_id", "InternetGatewayDevice");
        assertThat(NbiCompatibilityTest.path(doc, "InternetGatewayDevice", "ManagementServer", "PeriodicInformInterval"))
                .containsEntry("_value", 600);
        assertThat(NbiCompatibilityTest.path(doc, "InternetGatewayDevice", "DeviceInfo"))
                .as("the whole DeviceInfo, which covers SoftwareVersion").containsKeys("SoftwareVersion", "HardwareVersion");

        NbiClient.Reply head = nbi.send("HEAD", "/devices/?query=" + q("{\"" + VERSION + "\": \"V1*\"}"), null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("total")).contains("2");
        assertThat(head.body()).isEmpty();

        NbiClient.Reply sorted = nbi.get("/devices/?projection=_id&sort=" + q("{\"" + VERSION + "\": 1}"));
        assertThat(sorted.list()).extracting(d -> d.get("_id")).containsExactly("202BC1-BM632w-A",
                "202BC1-BM632w-C", "202BC1-BM632w-B");
    }

    @Test
    void taskAndFaultQueriesTakeNumbersAsDates() throws Exception {
        String id = "202BC1-BM632w-A";
        nbi.send("POST", "/devices/" + id + "/tasks", "{\"name\": \"reboot\", \"timestamp\": \"2026-03-01T00:00:00Z\"}");
        nbi.send("POST", "/devices/" + id + "/tasks", "{\"name\": \"factoryReset\", \"timestamp\": "
                + "\"2026-05-01T00:00:00Z\"}");
        long march15 = Instant.parse("2026-03-15T00:00:00Z").toEpochMilli();
        NbiClient.Reply early = nbi.get("/tasks/?query=" + q("{\"timestamp\": {\"$lt\": " + march15 + "}}"));
        assertThat(early.list()).extracting(t -> t.get("name")).containsExactly("reboot");
        String rebootId = (String) early.list().get(0).get("_id");
        assertThat(nbi.get("/tasks/?query=" + q("{\"_id\": \"" + rebootId + "\"}")).list()).hasSize(1);
        assertThat(nbi.get("/tasks/?query=" + q("{\"_id\": {\"$in\": [\"" + rebootId + "\"]}}")).list()).hasSize(1);
        assertThat(nbi.get("/tasks/?query=" + q("{\"timestamp\": {\"$regex\": \"x\"}}")).status()).isEqualTo(400);
    }

    /**
     * A HEAD answer is complete once its head arrives, and a client sends its next request on the same
     * connection at once: that request's answer must come (it was once lost when the HEAD answer's end was
     * written apart from its head, about once in a thousand on a busy machine).
     */
    @Test
    void aRequestRightAfterAHeadAnswerIsAnswered() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", acs.server.nbiPort())) {
            socket.setSoTimeout(5_000);
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            java.io.OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 300; i++) {
                out.write("HEAD /devices HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                String head = headOf(in);
                assertThat(head).as("HEAD %d", i).startsWith("HTTP/1.1 200").contains("total: 3");
                out.write("GET /devices/?projection=_id HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                assertThat(headOf(in)).as("GET %d", i).startsWith("HTTP/1.1 200").contains("chunked");
                String body = chunkedBody(in);
                assertThat(body).as("GET %d", i).contains("202BC1-BM632w-A").endsWith("]");
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrder() throws Exception {
        // a slow streamed query, an instant 404 and a HEAD, sent in one go 40 times over (120 requests; the HTTP
        // codec takes at most 128 unanswered): without holding each request until the one before is answered,
        // the 404 overtakes the query's stream
        String[] requests = {"GET /devices/?projection=_id HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n", "HEAD /devices HTTP/1.1\r\nHost: x\r\n\r\n"};
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            for (String r : requests) {
                all.append(r);
            }
        }
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", acs.server.nbiPort())) {
            socket.setSoTimeout(10_000);
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            java.io.OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(all.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                } catch (java.io.IOException e) {
                    // the reads below fail then
                }
            });
            writer.start();
            for (int i = 0; i < 40; i++) {
                String query = headOf(in);
                assertThat(query).as("query %d", i).startsWith("HTTP/1.1 200").contains("chunked");
                assertThat(chunkedBody(in)).as("query %d", i).contains("202BC1-BM632w-A").endsWith("]");
                String missing = headOf(in);
                assertThat(missing).as("404 %d", i).startsWith("HTTP/1.1 404");
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)")
                        .matcher(missing);
                assertThat(length.find()).isTrue();
                in.readNBytes(Integer.parseInt(length.group(1)));
                assertThat(headOf(in)).as("HEAD %d", i).startsWith("HTTP/1.1 200").contains("total: 3");
            }
            writer.join();
        }
    }

    private static String line(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new java.io.EOFException("connection closed after " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String headOf(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            head.append(l).append('\n');
        }
        return head.toString();
    }

    private static String chunkedBody(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        line(in);
        return body.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
