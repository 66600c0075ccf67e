package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ACS instances sharing one MongoDB (here an in-memory server speaking MongoDB's wire protocol, started
 * by the test): a device in session on one is refused on the other until its session ends.
 */
class SharedStoreTest {
    @TempDir
    Path dir;

    @Test
    void oneSessionPerDeviceAcrossInstances() throws Exception {
        byte[] inform = Files.readAllBytes(CwmpSessionEndToEndTest.fixtures().resolve("soap/zyxel-p2601hn-inform.xml"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String url = mongo.bindAndGetConnectionString() + "/genieacs";
        try (RunningAcs a = RunningAcs.withoutDiscovery(dir.resolve("a"), Map.of("GENIEACS_MONGODB_CONNECTION_URL", url));
             RunningAcs b = RunningAcs.withoutDiscovery(dir.resolve("b"), Map.of("GENIEACS_MONGODB_CONNECTION_URL", url))) {
            HttpResponse<String> onA = post(http, a.uri, inform, null);
            assertThat(onA.statusCode()).isEqualTo(200);
            HttpResponse<String> onB = post(http, b.uri, inform, null);
            assertThat(onB.statusCode()).isEqualTo(400);
            assertThat(onB.body()).contains("CPE already in session");

            Matcher cookie = Pattern.compile("session=([0-9a-f]+)").matcher(onA.headers().firstValue("Set-Cookie").orElseThrow());
            assertThat(cookie.find()).isTrue();
            assertThat(post(http, a.uri, new byte[0], cookie.group(1)).statusCode()).isEqualTo(204);
            // released before the 204: the other instance takes the next session at once
            assertThat(post(http, b.uri, inform, null).statusCode()).isEqualTo(200);
            assertThat(a.server.store().devices().find("EC43F6-P%2D2601HN%2DF1-EC43F69AF408")).isPresent();
        } finally {
            mongo.shutdown();
        }
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, byte[] body, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (cookie != null) {
            request.header("Cookie", "session=" + cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
