package org.cwmpacs.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The simulated CPE's connection-request server asks for Digest credentials and accepts only the right ones. */
class ConnectionRequestListenerTest {
    @Test
    void digestChallengeThenAccept() throws Exception {
        SimulatedCpe cpe = new SimulatedCpe(URI.create("http://127.0.0.1:9/"), DataModel.generate("00AABB", "S", "1", 10),
                SimulatedCpe.Options.DEFAULT, SimulatedCpe.newHttpClient());
        HttpClient http = SimulatedCpe.newHttpClient();
        try (ConnectionRequestListener listener = ConnectionRequestListener.start(cpe, "cpe", "secret")) {
            URI url = URI.create(listener.url());
            HttpResponse<Void> challenge = http.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(challenge.statusCode()).isEqualTo(401);
            String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
            assertThat(header).startsWith("Digest ").contains("qop=\"auth\"");

            String wrong = Digest.authorization(header, "cpe", "guess", "GET", url.getRawPath());
            assertThat(http.send(HttpRequest.newBuilder(url).header("Authorization", wrong).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
            String right = Digest.authorization(header, "cpe", "secret", "GET", url.getRawPath());
            assertThat(http.send(HttpRequest.newBuilder(url).header("Authorization", right).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            assertThat(listener.accepted()).isEqualTo(1);
        }
    }
}
