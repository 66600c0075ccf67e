package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.Test;

/** The UI's device API: GenieACS's flattened devices, expression filters, and each role's own devices only. */
class UiApiEndToEndTest extends SimulatorCase {
    private static final String TOKEN = "0123456789abcdef0123";

    private HttpResponse<String> send(String method, String path, String body, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + acs.server.uiPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/login", "{\"username\":\"" + user + "\",\"password\":\"" + password
                + "\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    @Test
    void devicesAreListedFlatFilteredAndLimitedToWhatARoleMaySee() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN, "ACS_DISCOVERY", "off"));
        SimulatedCpe north = cpe(tree(EC220).copyWithSerial("NORTH-1"), SimulatedCpe.Options.DEFAULT);
        SimulatedCpe south = cpe(tree(EC220).copyWithSerial("SOUTH-1"), SimulatedCpe.Options.DEFAULT);
        session(north, "0 BOOTSTRAP");
        session(south, "0 BOOTSTRAP");
        acs.raw().set("devices", RunningAcs.id(north), new org.bson.Document("_tags", List.of("north")));

        assertThat(send("POST", "/init", "{\"username\":\"admin\",\"password\":\"long enough\",\"token\":\"" + TOKEN
                + "\"}", null).statusCode()).isEqualTo(201);
        var docs = acs.server.store().documents();
        org.cwmpacs.ui.auth.UiUser regional = new org.cwmpacs.ui.auth.UiUser("regional",
                org.cwmpacs.ui.auth.UserPassword.of("regional pass"), List.of("region"));
        docs.replace("users", "regional", regional.document());
        docs.replace("permissions", "region:devices:2", Map.of("_id", "region:devices:2", "role", "region",
                "resource", "devices", "access", 2, "filter", "Tags.north IS NOT NULL"));
        org.cwmpacs.ui.auth.UiUser nobody = new org.cwmpacs.ui.auth.UiUser("nobody",
                org.cwmpacs.ui.auth.UserPassword.of("nobody pass"), List.of("none"));
        docs.replace("users", "nobody", nobody.document());

        assertThat(send("GET", "/api/devices", null, null).statusCode()).as("not logged in").isEqualTo(401);
        String admin = login("admin", "long enough");
        HttpResponse<String> all = send("GET", "/api/devices", null, admin);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("X-Total-Count")).contains("2");
        List<?> devices = (List<?>) Json.parse(all.body());
        Map<?, ?> first = (Map<?, ?>) devices.stream().filter(d -> ((Map<?, ?>) ((Map<?, ?>) d).get("DeviceID.SerialNumber"))
                .get("value").equals(List.of("NORTH-1", "xsd:string"))).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) first.get("Tags.north")).get("value")).isEqualTo(List.of(true, "xsd:boolean"));
        assertThat(((Map<?, ?>) first.get("Events.Inform")).get("value")).asList().element(1).isEqualTo("xsd:dateTime");
        Map<?, ?> url = (Map<?, ?>) first.get("Device.ManagementServer.ConnectionRequestURL");
        assertThat(url.get("value")).asList().element(1).isEqualTo("xsd:string");
        assertThat(url.get("valueTimestamp")).isInstanceOf(Number.class);

        HttpResponse<String> filtered = send("GET", "/api/devices?filter=" + q("DeviceID.SerialNumber LIKE 'SOUTH%'"),
                null, admin);
        assertThat(filtered.headers().firstValue("X-Total-Count")).contains("1");
        assertThat(send("GET", "/api/devices?filter=" + q("LOWER(DeviceID.SerialNumber) LIKE 'south%'"), null, admin)
                .headers().firstValue("X-Total-Count")).contains("1");
        HttpResponse<String> bad = send("GET", "/api/devices?filter=" + q("DeviceID.SerialNumber = "), null, admin);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("filter");
        assertThat(send("GET", "/api/devices?limit=5000", null, admin).statusCode()).isEqualTo(400);
        assertThat(((List<?>) Json.parse(send("GET", "/api/devices?limit=1&skip=1", null, admin).body()))).hasSize(1);
        for (int direction : new int[] {1, -1}) {
            List<?> sorted = (List<?>) Json.parse(send("GET", "/api/devices?sort=" + q("{\"DeviceID.SerialNumber\": "
                    + direction + "}"), null, admin).body());
            assertThat(((Map<?, ?>) ((Map<?, ?>) sorted.get(0)).get("DeviceID.SerialNumber")).get("value"))
                    .isEqualTo(List.of(direction == 1 ? "NORTH-1" : "SOUTH-1", "xsd:string"));
        }
        assertThat(send("GET", "/api/devices?sort=" + q("{\"DeviceID.SerialNumber\": 2}"), null, admin).statusCode())
                .isEqualTo(400);

        String region = login("regional", "regional pass");
        HttpResponse<String> theirs = send("GET", "/api/devices", null, region);
        assertThat(theirs.headers().firstValue("X-Total-Count")).contains("1");
        assertThat(theirs.body()).contains("NORTH-1").doesNotContain("SOUTH-1");
        assertThat(send("GET", "/api/devices?filter=" + q("DeviceID.SerialNumber = 'SOUTH-1'"), null, region)
                .headers().firstValue("X-Total-Count")).as("a filter cannot widen the role's").contains("0");
        assertThat(send("HEAD", "/api/devices", null, region).headers().firstValue("X-Total-Count")).contains("1");

        String none = login("nobody", "nobody pass");
        assertThat(send("GET", "/api/devices", null, none).statusCode()).isEqualTo(403);
        assertThat(send("HEAD", "/api/devices", null, none).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> change(String method, String path, String body, String cookie, String csrf)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + acs.server.uiPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).header("Cookie", cookie)
                .header("Content-Type", "application/json");
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String cookie) throws Exception {
        return (String) ((Map<?, ?>) Json.parse(send("GET", "/status", null, cookie).body())).get("csrf");
    }

    @Test
    void writesAreCheckedAsGenieAcsChecksThemAndValidateExpressionsApply() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN, "ACS_DISCOVERY", "off"));
        SimulatedCpe cpe = cpe(tree(EC220).copyWithSerial("W-1"), SimulatedCpe.Options.DEFAULT);
        session(cpe, "0 BOOTSTRAP");
        // in a path, a device id is encoded (GenieACS's ids hold % escapes themselves)
        String id = q(RunningAcs.id(cpe));
        assertThat(send("POST", "/init", "{\"username\":\"admin\",\"password\":\"long enough\",\"token\":\"" + TOKEN
                + "\"}", null).statusCode()).isEqualTo(201);
        String admin = login("admin", "long enough");
        String token = csrf(admin);

        assertThat(change("PUT", "/api/presets/p", "{\"provision\": \"x\"}", admin, null).statusCode())
                .as("no CSRF token").isEqualTo(403);
        assertThat(change("PUT", "/api/presets/p", "{\"precondition\": \"a = \", \"provision\": \"x\"}", admin, token)
                .body()).contains("precondition");
        assertThat(change("PUT", "/api/presets/p", "{\"channel\": \"c\"}", admin, token).statusCode()).isEqualTo(400);
        HttpResponse<String> preset = change("PUT", "/api/presets/p", "{\"channel\": \"c\", \"weight\": \"5\", "
                + "\"events\": \"1 BOOT, -0 BOOTSTRAP\", \"precondition\": \"DeviceID.SerialNumber = 'W-1'\", "
                + "\"provision\": \"prov\", \"provisionArgs\": \"'a', 3, true\"}", admin, token);
        assertThat(preset.statusCode()).as(preset.body()).isEqualTo(200);
        org.bson.Document stored = acs.raw().all("presets").get(0);
        assertThat(stored.get("events")).isEqualTo(new org.bson.Document("1 BOOT", true).append("0 BOOTSTRAP", false));
        assertThat(stored.getInteger("weight")).isEqualTo(5);
        assertThat(stored.getList("configurations", org.bson.Document.class).get(0).getList("args", Object.class))
                .containsExactly("a", 3L, true);
        Map<?, ?> shown = (Map<?, ?>) Json.parse(send("GET", "/api/presets/p", null, admin).body());
        assertThat(shown.get("events")).isEqualTo("1 BOOT, -0 BOOTSTRAP");
        assertThat(shown.get("provision")).isEqualTo("prov");

        assertThat(change("PUT", "/api/provisions/bad", "{\"script\": \"declare(\"}", admin, token).statusCode())
                .isEqualTo(400);
        assertThat(change("PUT", "/api/config/cwmp.x", "{\"value\": \"1 +\"}", admin, token).statusCode()).isEqualTo(400);
        assertThat(change("PUT", "/api/permissions/r:devices:9", "{\"role\": \"r\", \"resource\": \"devices\", "
                + "\"access\": 9}", admin, token).body()).contains("access must be 1");
        assertThat(change("PUT", "/api/users/new", "{\"roles\": \"ops\", \"password\": \"short\"}", admin, token)
                .statusCode()).isEqualTo(400);

        // a role whose validate allows reboots only
        assertThat(change("PUT", "/api/permissions/ops:devices:3", "{\"role\": \"ops\", \"resource\": \"devices\", "
                + "\"access\": 3, \"validate\": \"mutationType <> 'task' OR mutation.name = 'reboot'\"}", admin, token)
                .statusCode()).isEqualTo(200);
        assertThat(change("PUT", "/api/users/ops", "{\"roles\": \"ops\", \"password\": \"ops password\"}", admin,
                token).statusCode()).isEqualTo(200);
        HttpResponse<String> users = send("GET", "/api/users", null, admin);
        assertThat(users.body()).contains("\"ops\"").doesNotContain("salt").doesNotContain("password");
        String ops = login("ops", "ops password");
        String opsToken = csrf(ops);
        HttpResponse<String> reset = change("POST", "/api/devices/" + id + "/tasks", "[{\"name\": \"factoryReset\"}]",
                ops, opsToken);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(403);
        assertThat(change("POST", "/api/devices/" + id + "/tasks", "[{\"name\": \"nonsense\"}]", ops, opsToken)
                .statusCode()).isEqualTo(400);
        assertThat(tasksLeft()).isZero();
        // the simulated CPE listens for no connection request: the reboot waits for its next session
        HttpResponse<String> reboot = change("POST", "/api/devices/" + id + "/tasks", "[{\"name\": \"reboot\"}]", ops,
                opsToken);
        assertThat(reboot.statusCode()).as(reboot.body()).isEqualTo(200);
        assertThat(reboot.headers().firstValue("Connection-Request")).isPresent().get().isNotEqualTo("OK");
        assertThat(reboot.body()).contains("\"status\":\"pending\"");
        assertThat(tasksLeft()).isEqualTo(1);
        session(cpe);
        assertThat(cpe.lastSessionRequests()).anyMatch(r -> r.contains("<cwmp:Reboot>"));
        assertThat(tasksLeft()).isZero();
    }

    @Test
    void csvExportAndProjectionGiveWhatTheColumnsShow() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN, "ACS_DISCOVERY", "off"));
        for (String serial : new String[] {"CSV-1", "=CMD|x"}) {
            session(cpe(tree(EC220).copyWithSerial(serial), SimulatedCpe.Options.DEFAULT), "0 BOOTSTRAP");
        }
        assertThat(send("POST", "/init", "{\"username\":\"admin\",\"password\":\"long enough\",\"token\":\"" + TOKEN
                + "\"}", null).statusCode()).isEqualTo(201);
        String admin = login("admin", "long enough");
        HttpResponse<String> csv = send("GET", "/api/devices.csv?columns=" + q("{\"Serial\": \"DeviceID.SerialNumber\", "
                + "\"Software\": \"Device.DeviceInfo.SoftwareVersion\", \"Label\": \"'sn-' || DeviceID.SerialNumber\"}"),
                null, admin);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).containsExactly("\"Serial\",\"Software\",\"Label\"",
                "\"'=CMD|x\",\"" + tree(EC220).get("Device.DeviceInfo.SoftwareVersion").orElseThrow().value()
                        + "\",\"sn-=CMD|x\"",
                "\"CSV-1\",\"" + tree(EC220).get("Device.DeviceInfo.SoftwareVersion").orElseThrow().value()
                        + "\",\"sn-CSV-1\"");
        assertThat(send("GET", "/api/devices.csv?columns=" + q("{\"x\": \"1 +\"}"), null, admin).statusCode())
                .isEqualTo(400);

        HttpResponse<String> projected = send("GET", "/api/devices?projection=" + q("DeviceID.SerialNumber,"
                + "Device.DeviceInfo.SoftwareVersion,Tags") + "&filter=" + q("DeviceID.SerialNumber = 'CSV-1'"), null, admin);
        @SuppressWarnings("unchecked")
        Map<String, Object> device = (Map<String, Object>) ((List<?>) Json.parse(projected.body())).get(0);
        assertThat(device.keySet()).contains("DeviceID.SerialNumber", "Device.DeviceInfo.SoftwareVersion",
                "Events.Inform").doesNotContain("Device.ManagementServer.ConnectionRequestURL");
        assertThat(send("GET", "/api/devices?projection=" + q("a b"), null, admin).statusCode()).isEqualTo(400);

        String id = (String) ((List<?>) ((Map<?, ?>) device.get("DeviceID.ID")).get("value")).get(0);
        HttpResponse<String> one = send("GET", "/api/devices/" + q(id) + ".csv", null, admin);
        assertThat(one.statusCode()).isEqualTo(200);
        String[] lines = one.body().split("\r\n");
        assertThat(lines[0]).startsWith("\"Parameter\",\"Object\",\"Object timestamp\",\"Writable\"");
        assertThat(lines).anyMatch(l -> l.startsWith("\"Device.DeviceInfo.SoftwareVersion\",\"false\""));
    }

    @Test
    void passwordsAreChangedByTheirOwnerWithTheCurrentOneOrByAnAdministrator() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN, "ACS_DISCOVERY", "off"));
        assertThat(send("POST", "/init", "{\"username\":\"admin\",\"password\":\"long enough\",\"token\":\"" + TOKEN
                + "\"}", null).statusCode()).isEqualTo(201);
        acs.server.store().documents().replace("users", "ann", new org.cwmpacs.ui.auth.UiUser("ann",
                org.cwmpacs.ui.auth.UserPassword.of("ann's first"), List.of("viewer")).document());
        acs.server.store().documents().replace("users", "bob", new org.cwmpacs.ui.auth.UiUser("bob",
                org.cwmpacs.ui.auth.UserPassword.of("bob's first"), List.of("viewer")).document());
        String ann = login("ann", "ann's first");
        String annToken = csrf(ann);
        assertThat(change("PUT", "/api/users/ann/password", "{\"authPassword\": \"a guess\", \"newPassword\": "
                + "\"ann's second\"}", ann, annToken).statusCode()).isEqualTo(403);
        assertThat(change("PUT", "/api/users/bob/password", "{\"authPassword\": \"ann's first\", \"newPassword\": "
                + "\"ann sets bob's\"}", ann, annToken).statusCode()).as("someone else's").isEqualTo(403);
        assertThat(change("PUT", "/api/users/ann/password", "{\"authPassword\": \"ann's first\", \"newPassword\": "
                + "\"short\"}", ann, annToken).statusCode()).isEqualTo(400);
        assertThat(change("PUT", "/api/users/ann/password", "{\"authPassword\": \"ann's first\", \"newPassword\": "
                + "\"ann's second\"}", ann, annToken).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/login", "{\"username\":\"ann\",\"password\":\"ann's first\"}", null).statusCode())
                .isEqualTo(400);
        String bob = login("bob", "bob's first");
        String admin = login("admin", "long enough");
        assertThat(change("PUT", "/api/users/bob/password", "{\"newPassword\": \"set by the admin\"}", admin,
                csrf(admin)).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/devices", null, bob).statusCode()).as("bob's session ended").isEqualTo(401);
        login("bob", "set by the admin");
        login("ann", "ann's second");

        assertThat(send("GET", "/api/ping/127.0.0.1", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/ping/" + q("a b"), null, admin).statusCode()).isEqualTo(400);
    }

    @Test
    void aRunawayListEndsAtTheQueryTimeLimitWithItsName() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN, "ACS_DISCOVERY", "off",
                "ACS_NBI_QUERY_TIMEOUT", "2"));
        assertThat(send("POST", "/init", "{\"username\":\"admin\",\"password\":\"long enough\",\"token\":\"" + TOKEN
                + "\"}", null).statusCode()).isEqualTo(201);
        acs.raw().insert("presets", new org.bson.Document("_id", "p").append("channel", "a".repeat(60) + "!"));
        String admin = login("admin", "long enough");
        long start = System.nanoTime();
        HttpResponse<String> slow = send("GET", "/api/presets?filter=" + q("channel LIKE \"%a%a%a%a%a%a%a%a%a%a%a%a%b\""),
                null, admin);
        assertThat(slow.statusCode()).as(slow.body()).isEqualTo(504);
        assertThat(slow.body()).contains("ACS_NBI_QUERY_TIMEOUT").contains("narrow the filter");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(20));
        assertThat(send("GET", "/api/presets?filter=" + q("channel LIKE \"a%\""), null, admin).statusCode())
                .isEqualTo(200);
    }
}
