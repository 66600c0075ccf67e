package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.Test;

/**
 * Input past a limit is refused before it reaches the store, with an error naming the limit, and the
 * store goes on serving everyone else.
 */
class InputLimitsEndToEndTest extends SimulatorCase {

    private static String inform(String deviceId, List<String> names) {
        StringBuilder params = new StringBuilder();
        for (String name : names) {
            params.append("<ParameterValueStruct><Name>").append(name).append("</Name><Value xsi:type=\"xsd:string\">v"
                    + "</Value></ParameterValueStruct>");
        }
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soap:Header><cwmp:ID soap:mustUnderstand=\"1\">7</cwmp:ID></soap:Header><soap:Body><cwmp:Inform>"
                + deviceId + "<Event><EventStruct><EventCode>2 PERIODIC</EventCode><CommandKey/></EventStruct></Event>"
                + "<MaxEnvelopes>1</MaxEnvelopes><CurrentTime>2026-01-01T00:00:00Z</CurrentTime><RetryCount>0</RetryCount>"
                + "<ParameterList>" + params + "</ParameterList></cwmp:Inform></soap:Body></soap:Envelope>";
    }

    private static String deviceId(String oui, String serial) {
        return "<DeviceId><Manufacturer>M</Manufacturer><OUI>" + oui + "</OUI><ProductClass>Box</ProductClass>"
                + "<SerialNumber>" + serial + "</SerialNumber></DeviceId>";
    }

    private final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> post(String body) throws Exception {
        return plain.send(HttpRequest.newBuilder(acs.uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void informsPastALimitAreRefusedWithAFaultNamingItAndNothingIsStored() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_MAX_INFORM_PARAMETERS", "50"));
        String ok = "Device.DeviceInfo.SoftwareVersion";

        HttpResponse<String> noId = post(inform("", List.of(ok)));
        assertThat(noId.body()).contains("<FaultCode>8003</FaultCode>").contains("lacks its OUI");

        HttpResponse<String> longOui = post(inform(deviceId("00AABBCC", "S1"), List.of(ok)));
        assertThat(longOui.body()).contains("8003").contains("OUI is 8 characters long; TR-069 allows 6");

        HttpResponse<String> longSerial = post(inform(deviceId("00AABB", "S".repeat(65)), List.of(ok)));
        assertThat(longSerial.body()).contains("SerialNumber is 65 characters long; TR-069 allows 64");

        // two kilobytes that used to close the store: a name 500 levels deep (and over 256 characters)
        HttpResponse<String> attack = post(inform(deviceId("00AABB", "S2"), List.of("Device." + "A.".repeat(500) + "B")));
        assertThat(attack.body()).contains("8003").contains("TR-069 allows 256");
        HttpResponse<String> tooDeep = post(inform(deviceId("00AABB", "S2"), List.of("Device." + "A.".repeat(100) + "B")));
        assertThat(tooDeep.body()).contains("8003").contains("is 102 levels deep; the ACS allows 32");

        HttpResponse<String> tooLong = post(inform(deviceId("00AABB", "S3"), List.of("Device." + "x".repeat(300))));
        assertThat(tooLong.body()).contains("8003").contains("is 307 characters long; TR-069 allows 256");

        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("Device.P" + i);
        }
        HttpResponse<String> tooMany = post(inform(deviceId("00AABB", "S4"), many));
        assertThat(tooMany.body()).contains("<FaultCode>8004</FaultCode>").contains("ACS_MAX_INFORM_PARAMETERS");

        assertThat(acs.raw().count("devices")).as("nothing stored, no device '-'").isZero();
        // and the store serves the next CPE as ever
        HttpResponse<String> fine = post(inform(deviceId("00AABB", "S5"), List.of(ok)));
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).contains("InformResponse");
        assertThat(acs.raw().count("devices")).isOne();
    }

    @Test
    void anAnswerPastTheLimitFaultsItsWorkAndNamesTheLimit() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_MAX_RESPONSE_PARAMETERS", "100"));
        SimulatedCpe cpe = cpe(tree(EC220), SimulatedCpe.Options.DEFAULT);
        SimulatedCpe.SessionResult result = cpe.runSession("0 BOOTSTRAP", "1 BOOT");
        assertThat(result.ok()).isTrue();
        assertThat(faults()).singleElement().satisfies(f -> {
            assertThat(f.get("code")).isEqualTo("invalid_response");
            assertThat((String) f.get("message")).contains("ACS_MAX_RESPONSE_PARAMETERS");
        });
        assertThat(device(cpe).parameter("Device.WiFi.SSID.1.SSID")).as("nothing of the answer stored").isEmpty();
    }

    private NbiClient nbi() {
        return new NbiClient(acs.server.nbiPort(), Map.of());
    }

    private static String q(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @Test
    void nbiJsonIsLimitedInDepthAndHiddenFieldsCannotBeQueried() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of());
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        NbiClient.Reply preset = nbi().send("PUT", "/presets/deep", deep);
        assertThat(preset.status()).isEqualTo(400);
        assertThat(preset.body()).contains("nested deeper than 32 levels");
        NbiClient.Reply task = nbi().send("POST", "/devices/x/tasks", "{\"name\":\"reboot\",\"x\":" + deep + "}");
        assertThat(task.status()).isEqualTo(400);
        assertThat(acs.raw().count("presets")).isZero();

        for (String query : List.of("{\"metadata.password\":\"secret\"}", "{\"metadata\":{\"password\":\"x\"}}",
                "{\"$or\":[{\"_id\":\"a\"},{\"metadata.password\":{\"$regex\":\"^s\"}}]}")) {
            NbiClient.Reply reply = nbi().get("/files?query=" + q(query));
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.body()).contains("cannot be queried");
        }
        assertThat(nbi().get("/files?sort=" + q("{\"metadata.password\":1}")).status()).isEqualTo(400);
        assertThat(nbi().get("/files?query=" + q("{\"metadata.fileType\":\"1 Firmware Upgrade Image\"}")).status())
                .isEqualTo(200);
    }

    @Test
    void aRunawayQueryEndsAtItsTimeLimitAndAnotherQueryIsServedMeanwhile() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_NBI_QUERY_TIMEOUT", "2", "ACS_NBI_QUERY_CONCURRENCY", "2"));
        acs.raw().insert("presets", new org.bson.Document("_id", "p").append("v", "a".repeat(40) + "!"));
        long start = System.nanoTime();
        NbiClient.Reply slow = nbi().get("/presets?query=" + q("{\"v\":{\"$regex\":\"^(a+)+\\\\1$\"}}"));
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.body()).contains("ACS_NBI_QUERY_TIMEOUT");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aQueryWhoseClientHasGoneStops() throws Exception {
        // one query at a time: while a runaway query runs, nothing else is examined
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_NBI_QUERY_TIMEOUT", "120", "ACS_NBI_QUERY_CONCURRENCY", "1"));
        acs.raw().insert("presets", new org.bson.Document("_id", "p").append("v", "a".repeat(40) + "!"));
        try (Socket client = new Socket("127.0.0.1", acs.server.nbiPort())) {
            OutputStream out = client.getOutputStream();
            out.write(("GET /presets?query=" + q("{\"v\":{\"$regex\":\"^(a+)+\\\\1$\"}}") + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(500);
        }
        // the runaway query saw its client go: the next one is examined at once, not after two minutes
        long start = System.nanoTime();
        NbiClient.Reply next = nbi().get("/presets?query=" + q("{\"v\":{\"$regex\":\"^a\"}}"));
        assertThat(next.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
}
