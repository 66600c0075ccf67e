package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CWMP and the UI over TLS with GenieACS's GENIEACS_CWMP_SSL_* and GENIEACS_UI_SSL_* (PEM paths), a self-signed certificate. */
class TlsEndToEndTest {
    @TempDir
    Path dir;

    private Path cert;
    private Path key;

    /** A self-signed certificate for 127.0.0.1, as PEM files. */
    private void certificate() throws Exception {
        Path keystore = dir.resolve("acs.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "acs", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        cert = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate("acs").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ks.getKey("acs", "changeit".toCharArray()).getEncoded()));
    }

    private static HttpClient trustingEveryone() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trustAll).build();
    }

    @Test
    void theUiOverHttpsMarksItsCookieSecure() throws Exception {
        certificate();
        try (RunningAcs acs = RunningAcs.start(dir.resolve("data"), Map.of("GENIEACS_UI_SSL_CERT", cert.toString(),
                "GENIEACS_UI_SSL_KEY", key.toString(), "ACS_UI_SETUP_TOKEN", "tls-setup-token-0123456789"))) {
            HttpClient https = trustingEveryone();
            String base = "https://127.0.0.1:" + acs.server.uiPort();
            java.net.http.HttpResponse<String> page = https.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("/static/app.js");
            java.net.http.HttpResponse<String> init = https.send(java.net.http.HttpRequest.newBuilder(URI.create(base
                    + "/init")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\": \"admin\", "
                    + "\"password\": \"long enough\", \"token\": \"tls-setup-token-0123456789\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(init.statusCode()).isEqualTo(201);
            java.net.http.HttpResponse<String> login = https.send(java.net.http.HttpRequest.newBuilder(URI.create(base
                    + "/login")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\": \"admin\", "
                    + "\"password\": \"long enough\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Set-Cookie")).get().asString().contains("; Secure")
                    .contains("HttpOnly");
            java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> plain.send(java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + acs.server.uiPort() + "/status")).timeout(java.time.Duration.ofSeconds(5))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()))
                    .as("HTTPS only").isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void aCpeInformsOverHttps() throws Exception {
        certificate();
        try (RunningAcs acs = RunningAcs.start(dir.resolve("data"), Map.of("GENIEACS_CWMP_SSL_CERT", cert.toString(),
                "GENIEACS_CWMP_SSL_KEY", key.toString()))) {
            HttpClient https = trustingEveryone();
            SimulatedCpe cpe = new SimulatedCpe(URI.create("https://127.0.0.1:" + acs.server.cwmpPort() + "/"),
                    DataModel.generate("00AABB", "TlsBox", "T1", 20), SimulatedCpe.Options.DEFAULT, https);
            SimulatedCpe.SessionResult result = cpe.runSession();
            assertThat(result.ok()).as("%s", result).isTrue();
            assertThat(acs.server.store().devices().find("00AABB-TlsBox-T1")).isPresent();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
