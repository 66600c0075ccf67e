package org.cwmpacs.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cwmpacs.soap.CwmpCodec;
import org.cwmpacs.soap.CwmpEnvelope;
import org.cwmpacs.soap.SoapHeader;
import org.cwmpacs.soap.message.Cwmp;
import org.cwmpacs.soap.message.InformResponse;
import org.junit.jupiter.api.Test;

/** The simulated CPE answers an ACS's Digest challenge with its credentials. */
class SimulatedCpeAuthTest {
    @Test
    void answersADigestChallenge() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        CwmpCodec codec = new CwmpCodec();
        HttpServer acs = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        acs.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (auth == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"acs\", qop=\"auth\", nonce=\"n1\"");
                exchange.sendResponseHeaders(401, -1);
            } else if (body.length > 0) {
                Map<String, String> p = Digest.params(auth);
                boolean ok = p.get("response").equals(Digest.response("cpe1", "pw", "acs", "POST", "/", "n1",
                        p.get("nc"), p.get("cnonce"), p.get("qop")));
                authorizations.add(ok ? "valid" : "invalid");
                byte[] answer = codec.encode(CwmpEnvelope.of(Cwmp.NS_1_0, SoapHeader.NONE, new InformResponse(1)));
                exchange.getResponseHeaders().add("Set-Cookie", "session=abc");
                exchange.sendResponseHeaders(ok ? 200 : 401, answer.length);
                exchange.getResponseBody().write(answer);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        acs.start();
        try {
            SimulatedCpe cpe = new SimulatedCpe(URI.create("http://127.0.0.1:" + acs.getAddress().getPort() + "/"),
                    DataModel.generate("00AABB", "Auth", "1", 10), SimulatedCpe.Options.DEFAULT.credentials("cpe1", "pw"),
                    SimulatedCpe.newHttpClient());
            SimulatedCpe.SessionResult result = cpe.runSession();
            assertThat(result.ok()).as("%s", result).isTrue();
            assertThat(authorizations).containsExactly("valid");
        } finally {
            acs.stop(0);
        }
    }
}
