package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.cwmpacs.core.http.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI's first-run setup, login and logout over HTTP, on the running server (browser tests come later). */
class UiAuthEndToEndTest {
    private static final String TOKEN = "0123456789abcdef0123";

    @TempDir
    Path dataDir;
    private RunningAcs acs;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (acs != null) {
            acs.close();
        }
    }

    private HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + acs.server.uiPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> status(String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + acs.server.uiPort() + "/status"));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return Json.parseObject(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body(), "status");
    }

    @Test
    void firstRunSetupLoginAndLogout() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN));
        assertThat(status(null)).containsEntry("users", false);

        assertThat(post("/init", "{\"username\":\"ops\",\"password\":\"long enough\",\"token\":\"guess\"}").statusCode())
                .isEqualTo(403);
        assertThat(post("/init", "{\"username\":\"ops\",\"password\":\"short\",\"token\":\"" + TOKEN + "\"}")
                .statusCode()).isEqualTo(400);
        assertThat(post("/init", "{\"username\":\"ops\",\"password\":\"long enough\",\"token\":\"" + TOKEN + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(post("/init", "{\"username\":\"evil\",\"password\":\"long enough\",\"token\":\"" + TOKEN + "\"}")
                .statusCode()).as("only the first").isEqualTo(403);
        assertThat(status(null)).containsEntry("users", true);
        // stored as GenieACS stores users and its administrator permissions
        assertThat(acs.raw().get("users", "ops").getString("roles")).isEqualTo("admin");
        assertThat(acs.raw().get("users", "ops").getString("salt")).hasSize(128);
        assertThat(acs.raw().count("permissions")).isEqualTo(9);

        HttpResponse<String> wrong = post("/login", "{\"username\":\"ops\",\"password\":\"wrong one\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Incorrect username or password");
        assertThat(post("/login", "{\"username\":\"nobody\",\"password\":\"long enough\"}").statusCode()).isEqualTo(400);
        assertThat(post("/login", "not json").statusCode()).isEqualTo(400);

        HttpResponse<String> ok = post("/login", "{\"username\":\"ops\",\"password\":\"long enough\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("acs-ui-session=").contains("HttpOnly").contains("SameSite=Strict");
        String cookie = setCookie.split(";")[0];
        String csrf = (String) Json.parseObject(ok.body(), "login").get("csrf");
        assertThat(status(cookie)).containsEntry("username", "ops");

        assertThat(post("/logout", "{}", "Cookie", cookie).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(post("/logout", "{}", "Cookie", cookie, "X-CSRF-Token", "forged").statusCode()).isEqualTo(403);
        assertThat(status(cookie)).containsEntry("username", "ops");
        assertThat(post("/logout", "{}", "Cookie", cookie, "X-CSRF-Token", csrf).statusCode()).isEqualTo(204);
        assertThat(status(cookie).get("username")).as("the session ended on the server").isNull();
        assertThat(post("/logout", "{}", "Cookie", cookie, "X-CSRF-Token", csrf).statusCode()).isEqualTo(401);
    }

    @Test
    void aGenieAcsUserLogsInWithTheirPasswordAndGuessingIsSlowedDown() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of());
        // as GenieACS stores "admin" / "admin" (hash from Node.js's crypto.pbkdf2Sync, GenieACS's call)
        acs.server.store().documents().replace("users", "admin", Map.of("_id", "admin", "roles", "admin",
                "salt", "3c5d8e0f", "password", "cd1f91bd7e2a8f559bcc11ea5c0e5683386ec98a2f27976bbd24e107bcb6d38e20b19"
                        + "63decae17cf88fca9176af025d2e3fd0f1f1e29a2a905dddc60089115805f38f7a9395af26a7d6d030fa706a9667"
                        + "16aee1f0915b224d8d979693a61270f7b7ee3615ab48938f8f99c7b3936f586b952da16e28d104efd7c00ed6194aa80"));
        assertThat(post("/login", "{\"username\":\"admin\",\"password\":\"admin\"}").statusCode()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(post("/login", "{\"username\":\"admin\",\"password\":\"guess" + i + "\"}").statusCode())
                    .isEqualTo(400);
        }
        HttpResponse<String> limited = post("/login", "{\"username\":\"admin\",\"password\":\"admin\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(post("/init", "{\"username\":\"x\",\"password\":\"long enough\",\"token\":\"any\"}").statusCode())
                .isEqualTo(403);
    }
}
