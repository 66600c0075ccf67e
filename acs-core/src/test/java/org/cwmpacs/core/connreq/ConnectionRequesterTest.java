package org.cwmpacs.core.connreq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.cwmpacs.core.auth.CpeCredentials;
import org.junit.jupiter.api.Test;

/** Connection requests against CPEs' small HTTP servers, including ones that do not quite speak HTTP. */
class ConnectionRequesterTest {
    private final ConnectionRequester requester = new ConnectionRequester(null, Duration.ofSeconds(2), Optional.empty(),
            false);

    /** A server that answers one connection with these bytes, whatever it is asked. */
    private static ServerSocket answering(String answer) throws Exception {
        ServerSocket server = new ServerSocket(0);
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                byte[] b = new byte[4096];
                in.read(b);
                OutputStream out = s.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (Exception ignored) {
                // the test sees what the requester made of it
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    private ConnectionRequestResult send(ServerSocket server) {
        return requester.send("http://127.0.0.1:" + server.getLocalPort() + "/cr", new CpeCredentials("u", "p")).join();
    }

    @Test
    void anAnswerWithBareLineFeedsAndAFoldedHeaderIsRead() throws Exception {
        // Orange's tr069agent answers like this
        try (ServerSocket server = answering("HTTP/1.1 200 OK\nServer: tr069agent\nX-Note: first\n  continued\n"
                + "Content-Length: 0\n\n")) {
            assertThat(send(server)).isEqualTo(ConnectionRequestResult.OK);
        }
    }

    @Test
    void aStatusLineWithoutReasonAndAnOddStatusAreRead() throws Exception {
        try (ServerSocket server = answering("HTTP/1.0 204\r\n\r\n")) {
            assertThat(send(server)).isEqualTo(ConnectionRequestResult.OK);
        }
        try (ServerSocket server = answering("HTTP/1.1 418 I'm a teapot\r\n\r\n")) {
            assertThat(send(server).status()).isEqualTo("Connection request error: Unexpected status code 418");
        }
    }

    @Test
    void anAnswerThatIsNotHttpIsReportedAsSuchNotAsOffline() throws Exception {
        try (ServerSocket server = answering("OK, I will call you\n\n")) {
            ConnectionRequestResult result = send(server);
            assertThat(result.ok()).isFalse();
            assertThat(result.status()).startsWith("Connection request error: the answer is not HTTP")
                    .contains("OK, I will call you");
        }
    }

    @Test
    void nobodyListeningIsOffline() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        assertThat(requester.send("http://127.0.0.1:" + port + "/", new CpeCredentials("u", "p")).join())
                .isEqualTo(ConnectionRequestResult.OFFLINE);
    }

    @Test
    void headersAreParsedWhateverTheirLineEndings() throws Exception {
        LenientHttp.Response r = LenientHttp.parse("\r\nHTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest "
                + "realm=\"x\",\n\tnonce=\"n\"\nwww-authenticate: Basic realm=\"x\"\n\n");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.all("WWW-Authenticate")).containsExactly("Digest realm=\"x\", nonce=\"n\"", "Basic realm=\"x\"");
    }

    @Test
    void connectionRequestAuthNamesTheCredentialsInTheOrderGenieAcsTriesThem() {
        org.cwmpacs.core.config.ConfigScope scope = org.cwmpacs.core.config.ConfigScope.of(
                p -> p.equals("DeviceID.SerialNumber") ? "SN1" : org.cwmpacs.core.expression.Values.NULL, "192.0.2.7",
                Optional.empty(), 0).with("username", "stored").with("password", "");
        assertThat(ConnectionRequester.candidates(org.cwmpacs.core.expression.Parser.parse(
                "AUTH(\"a\", \"b\") OR AUTH(serialNumber, \"x\" || REMOTE_ADDRESS()) OR AUTH(username, password)"),
                scope)).containsExactly(new CpeCredentials("a", "b"), new CpeCredentials("SN1", "x192.0.2.7"),
                new CpeCredentials("stored", ""));
        // only the branch taken; an AUTH with an unknown value is not tried
        assertThat(ConnectionRequester.candidates(org.cwmpacs.core.expression.Parser.parse(
                "CASE WHEN serialNumber = \"SN1\" THEN AUTH(\"one\", \"1\") ELSE AUTH(\"two\", \"2\") END "
                        + "OR AUTH(Unknown.Parameter, \"p\")"), scope))
                .containsExactly(new CpeCredentials("one", "1"));
    }
}
