package org.cwmpacs.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.cwmpacs.sim.ConnectionRequestListener;
import org.cwmpacs.sim.SimulatedCpe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The UI in a real browser (Debian's Chromium) against a running server with simulated CPEs. Each scenario
 * leaves a screenshot under {@code target/ui-screenshots/}.
 */
class UiBrowserTest extends SimulatorCase {
    private static final String TOKEN = "setup-token-of-the-test-0123456789";
    private static final String ADMIN = "operator";
    private static final String PASSWORD = "correct horse battery";
    private static final String NTP = "InternetGatewayDevice.Time.NTPServer1";
    private static UiBrowser browser;

    private final List<String> pageErrors = new ArrayList<>();
    private ConnectionRequestListener listener;

    @BeforeAll
    static void startBrowser() {
        browser = UiBrowser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void noScriptErrors() throws Exception {
        if (listener != null) {
            listener.close();
        }
        assertThat(pageErrors).as("script errors in the page").isEmpty();
    }

    private String base() {
        return "http://127.0.0.1:" + acs.server.uiPort() + "/";
    }

    private Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void login(Page page, String user, String password) {
        page.navigate(base());
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(password);
        button(page, "Log in").click();
        assertThat(heading(page, "Overview")).isVisible();
    }

    /** The first administrator, made through the API as the setup page makes it. */
    private void firstAdmin(boolean seed) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "init"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"token\": \"" + TOKEN + "\", \"username\": \"" + ADMIN + "\", \"password\": \"" + PASSWORD
                                + "\", \"seed\": " + seed + "}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private SimulatedCpe onlineCpe(String serial) throws Exception {
        SimulatedCpe cpe = cpe(tree(NbiCompatibilityTest.BM632W).copyWithSerial(serial), SimulatedCpe.Options.DEFAULT);
        listener = ConnectionRequestListener.start(cpe, NbiCompatibilityTest.CR_USER, NbiCompatibilityTest.CR_PASS);
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
        return cpe;
    }

    @Test
    void firstRunSetupThenLoginAndLogout() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN));
        Page page = browser.page(pageErrors);
        page.navigate(base());
        assertThat(heading(page, "Create the first administrator")).isVisible();
        page.getByLabel("Setup token").fill("a-wrong-token-of-some-length");
        page.getByLabel("Username").fill(ADMIN);
        page.getByLabel("Password (at least 8 characters)").fill(PASSWORD);
        button(page, "Create").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("wrong setup token");
        assertThat(acs.raw().count("users")).isZero();

        page.getByLabel("Setup token").fill(TOKEN);
        button(page, "Create").click();
        assertThat(heading(page, "Overview")).isVisible();
        UiBrowser.screenshot(page, "first-run-overview");
        assertThat(page.getByRole(AriaRole.FIGURE)).containsText("Online status");
        assertThat(acs.raw().count("presets")).as("GenieACS's default presets, as offered").isEqualTo(3);
        assertThat(acs.raw().all("config").stream().map(d -> d.getString("_id")))
                .contains("ui.index.0.label", "ui.overview.charts.online.label");

        button(page, "Log out").click();
        assertThat(heading(page, "Log in")).isVisible();
        page.getByLabel("Username").fill(ADMIN);
        page.getByLabel("Password").fill("not the password");
        button(page, "Log in").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Incorrect username or password");
        // by keyboard alone: the password field after the user name, Enter to log in
        page.getByLabel("Username").focus();
        page.keyboard().press("Tab");
        page.keyboard().type(PASSWORD);
        page.keyboard().press("Enter");
        assertThat(heading(page, "Overview")).isVisible();
    }

    @Test
    void anOperatorFindsADeviceAndWorksOnIt() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN));
        firstAdmin(true);
        SimulatedCpe cpe = onlineCpe("UI0001");
        SimulatedCpe other = cpe(tree(NbiCompatibilityTest.BM632W).copyWithSerial("UI0002"), SimulatedCpe.Options.DEFAULT);
        session(other, "0 BOOTSTRAP", "1 BOOT");
        String id = RunningAcs.id(cpe);
        Page page = browser.page(pageErrors);
        login(page, ADMIN, PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Devices").setExact(true)).click();
        assertThat(page.locator("p.total")).containsText("2 devices");
        page.getByLabel("Filter").fill("Serial number: ui0001");
        page.getByLabel("Filter").press("Enter");
        assertThat(page.locator("p.total")).containsText("1 device match");
        assertThat(page.locator("table.devices tbody tr")).hasCount(1);
        UiBrowser.screenshot(page, "devices-filtered");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("UI0001")).click();
        assertThat(heading(page, id)).isVisible();
        page.getByLabel("Search parameters").fill("NTPServer1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + NTP)).click();
        page.getByLabel("Value (xsd:string)").fill("ntp.ui.example");
        button(page, "Set").click();
        assertThat(page.locator("#main p.status")).containsText("Set " + NTP + ": Done");
        assertThat(cpe.model().get(NTP).orElseThrow().value()).as("the simulator received the SetParameterValues")
                .isEqualTo("ntp.ui.example");
        // the session that set it, message by message
        Locator sessions = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Last CWMP sessions"));
        sessions.locator("details.transcript").first().locator("summary").first().click();
        Locator set = sessions.getByText("ACS → CPE (200): SetParameterValues").first();
        set.click();
        assertThat(set.locator("xpath=..").locator("pre")).containsText("ntp.ui.example");
        assertThat(sessions).containsText("CPE → ACS: SetParameterValuesResponse");
        UiBrowser.screenshot(page, "device-after-set");

        button(page, "Reboot").click();
        assertThat(page.locator("#main p.status")).containsText("Reboot: Done");
        assertThat(cpe.lastSessionRequests()).as("the simulator received the Reboot")
                .anyMatch(r -> r.contains("<cwmp:Reboot>"));

        page.getByLabel("New tag").fill("lab");
        button(page, "Add tag").click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Tags"))).containsText("lab");
        assertThat(device(cpe).tags()).contains("lab");

        // a bulk change: each device's outcome in its row
        page.navigate(base() + "#/devices");
        assertThat(page.locator("p.total")).containsText("2 devices");
        page.getByLabel("Select all shown").check();
        button(page, "Set parameter").click();
        page.getByLabel("Parameter", new Page.GetByLabelOptions().setExact(true)).fill(NTP);
        page.getByLabel("Value", new Page.GetByLabelOptions().setExact(true)).fill("ntp.bulk.example");
        button(page, "Set").click();
        assertThat(page.locator("tr[data-id='" + id + "'] td.outcome")).hasText("Done");
        assertThat(page.locator("tr[data-id='" + RunningAcs.id(other) + "'] td.outcome"))
                .containsText("Queued for the next session");
        assertThat(cpe.model().get(NTP).orElseThrow().value()).isEqualTo("ntp.bulk.example");
        UiBrowser.screenshot(page, "bulk-outcomes");
    }

    /** A user as a GenieACS database holds one, with permissions for its role. */
    private void user(String name, String role, Document... permissions) {
        org.cwmpacs.ui.auth.UserPassword hash = org.cwmpacs.ui.auth.UserPassword.of(PASSWORD);
        acs.raw().insert("users", new Document("_id", name).append("password", hash.hash())
                .append("salt", hash.salt()).append("roles", role));
        for (Document p : permissions) {
            acs.raw().insert("permissions", p.append("_id", role + ":" + p.getString("resource") + ":"
                    + p.getInteger("access")).append("role", role));
        }
    }

    private static Document permission(String resource, int access, String filter, String validate) {
        Document p = new Document("resource", resource).append("access", access);
        if (filter != null) {
            p.append("filter", filter);
        }
        if (validate != null) {
            p.append("validate", validate);
        }
        return p;
    }

    /** Sends a request with the page's session, as a script in the page could. */
    private com.microsoft.playwright.APIResponse api(Page page, String method, String path, String json) {
        String csrf;
        try {
            csrf = new com.fasterxml.jackson.databind.ObjectMapper().readTree(page.request().get(base() + "status").text())
                    .get("csrf").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        com.microsoft.playwright.options.RequestOptions options = com.microsoft.playwright.options.RequestOptions.create()
                .setMethod(method).setHeader("X-CSRF-Token", csrf);
        if (json != null) {
            options.setHeader("Content-Type", "application/json").setData(json);
        }
        return page.request().fetch(base() + path.substring(1), options);
    }

    @Test
    void aReadOnlyUserChangesNothingAndARoleFilteredByTagSeesOnlyItsDevices() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN));
        firstAdmin(true);
        SimulatedCpe north = onlineCpe("NORTH1");
        SimulatedCpe south = cpe(tree(NbiCompatibilityTest.BM632W).copyWithSerial("SOUTH1"), SimulatedCpe.Options.DEFAULT);
        session(south, "0 BOOTSTRAP", "1 BOOT");
        acs.server.store().devices().tag(RunningAcs.id(north), "north", true);
        user("viewer", "readonly", permission("devices", 2, null, null), permission("faults", 2, null, null),
                permission("tasks", 2, null, null));
        user("northops", "north", permission("devices", 3, "Tags.north IS NOT NULL", "true"));

        Page page = browser.page(pageErrors);
        login(page, "viewer", PASSWORD);
        page.navigate(base() + "#/devices");
        assertThat(heading(page, "Devices")).isVisible();
        assertThat(page.locator("p.total")).containsText("2 devices");
        page.navigate(base() + "#/devices/" + RunningAcs.id(north));
        assertThat(heading(page, RunningAcs.id(north))).isVisible();
        button(page, "Reboot").click();
        assertThat(page.locator("#main p.status")).containsText("your roles may not change devices");
        page.getByLabel("New tag").fill("mine");
        button(page, "Add tag").click();
        UiBrowser.screenshot(page, "read-only-refused");
        assertThat(api(page, "POST", "/api/devices/" + RunningAcs.id(north) + "/tasks", "[{\"name\": \"reboot\"}]")
                .status()).isEqualTo(403);
        assertThat(api(page, "PUT", "/api/presets/p", "{\"provision\": \"x\"}").status()).isEqualTo(403);
        assertThat(api(page, "DELETE", "/api/devices/" + RunningAcs.id(south), null).status()).isEqualTo(403);
        assertThat(api(page, "GET", "/api/users", null).status()).as("no permission on users").isEqualTo(403);
        assertThat(api(page, "PUT", "/api/files/evil.bin", "not firmware").status()).isEqualTo(403);
        assertThat(acs.server.store().fileStore().info("evil.bin")).isEmpty();
        assertThat(tasksLeft()).isZero();
        assertThat(acs.raw().count("devices")).isEqualTo(2);
        assertThat(device(north).tags()).containsExactly("north");

        Page regional = browser.page(pageErrors);
        login(regional, "northops", PASSWORD);
        regional.navigate(base() + "#/devices");
        assertThat(heading(regional, "Devices")).isVisible();
        assertThat(regional.locator("p.total")).containsText("1 device");
        assertThat(regional.locator("table.devices tbody")).containsText("NORTH1");
        assertThat(regional.locator("table.devices tbody")).not().containsText("SOUTH1");
        UiBrowser.screenshot(regional, "role-filtered-by-tag");
        assertThat(api(regional, "GET", "/api/devices/" + RunningAcs.id(south), null).status()).isEqualTo(404);
        assertThat(api(regional, "POST", "/api/devices/" + RunningAcs.id(south) + "/tasks", "[{\"name\": \"reboot\"}]")
                .status()).isEqualTo(404);
        assertThat(api(regional, "GET", "/api/devices", null).text()).contains("NORTH1").doesNotContain("SOUTH1");
        regional.navigate(base() + "#/devices/" + RunningAcs.id(north));
        assertThat(heading(regional, RunningAcs.id(north))).isVisible();
        button(regional, "Reboot").click();
        assertThat(regional.locator("#main p.status")).containsText("Reboot: Done");
    }

    @Test
    void aPresetMadeInThePagesActsInTheNextSessionAndAFileIsPushed() throws Exception {
        acs = RunningAcs.start(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN, "ACS_PRESETS_REFRESH", "0"));
        firstAdmin(false);
        SimulatedCpe cpe = onlineCpe("PRESET1");
        Page page = browser.page(pageErrors);
        login(page, ADMIN, PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Provisions").setExact(true)).click();
        button(page, "New").click();
        page.getByLabel("Name").fill("set-ntp");
        page.getByLabel("Script (JavaScript)").fill("declare(\"" + NTP + "\", {value: 1}, {value: \"ntp.preset.example\"});");
        button(page, "Save").click();
        assertThat(page.locator("table")).containsText("set-ntp");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Presets").setExact(true)).click();
        button(page, "New").click();
        page.getByLabel("Name").fill("ntp");
        page.getByLabel("Precondition").fill("DeviceID.SerialNumber = 'PRESET1");
        page.getByLabel("Provision", new Page.GetByLabelOptions().setExact(true)).fill("set-ntp");
        button(page, "Save").click();
        assertThat(page.locator("#toast")).containsText("precondition");
        // the form comes back with what was typed, to be corrected
        page.getByLabel("Name").fill("ntp");
        page.getByLabel("Precondition").fill("DeviceID.SerialNumber = 'PRESET1'");
        page.getByLabel("Provision", new Page.GetByLabelOptions().setExact(true)).fill("set-ntp");
        button(page, "Save").click();
        assertThat(page.locator("table")).containsText("set-ntp");
        UiBrowser.screenshot(page, "presets");
        Document stored = acs.raw().all("presets").get(0);
        assertThat(stored.getString("precondition")).isEqualTo("DeviceID.SerialNumber = 'PRESET1'");

        session(cpe);
        assertThat(cpe.model().get(NTP).orElseThrow().value()).as("the preset acted in the next session")
                .isEqualTo("ntp.preset.example");

        java.nio.file.Path firmware = dataDir.resolveSibling("fw-1.2.bin");
        byte[] bytes = new byte[300_000];
        new java.util.Random(7).nextBytes(bytes);
        java.nio.file.Files.write(firmware, bytes);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Files").setExact(true)).click();
        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(firmware);
        page.getByLabel("Version").fill("1.2");
        button(page, "Upload").click();
        assertThat(page.locator("table")).containsText("fw-1.2.bin");
        assertThat(page.locator("table")).containsText("1 Firmware Upgrade Image");
        assertThat(acs.server.store().fileStore().info("fw-1.2.bin").orElseThrow().metadata())
                .containsEntry("version", "1.2");
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download fw-1.2.bin")).click());
        assertThat(java.nio.file.Files.readAllBytes(download.path())).as("downloaded as uploaded").isEqualTo(bytes);
        UiBrowser.screenshot(page, "files");
        page.navigate(base() + "#/devices/" + RunningAcs.id(cpe));
        assertThat(heading(page, RunningAcs.id(cpe))).isVisible();
        button(page, "Push file").click();
        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).selectOption("fw-1.2.bin");
        button(page, "Push").click();
        assertThat(page.locator("#main p.status")).containsText("Push fw-1.2.bin:");
        assertThat(cpe.lastSessionRequests()).as("the simulator received the Download")
                .anyMatch(r -> r.contains("<cwmp:Download>") && r.contains("fw-1.2.bin"));
    }

    @Test
    void aGenieAcsDatabasesUiConfigIsHonoured() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN));
        firstAdmin(false);
        for (String[] c : new String[][] {{"ui.filters.0.label", "'SN'"}, {"ui.filters.0.parameter", "DeviceID.SerialNumber"},
                {"ui.filters.0.type", "'string'"}, {"ui.index.0.type", "'device-link'"}, {"ui.index.0.label", "'Serial'"},
                {"ui.index.0.parameter", "DeviceID.SerialNumber"}, {"ui.index.1.label", "'Firmware'"},
                {"ui.index.1.parameter", "InternetGatewayDevice.DeviceInfo.SoftwareVersion"}, {"ui.pageSize", "1"},
                {"ui.overview.charts.fw.label", "'Firmware'"},
                {"ui.overview.charts.fw.slices.a.label", "'Any'"}, {"ui.overview.charts.fw.slices.a.color", "'#336699'"},
                {"ui.overview.charts.fw.slices.a.filter", "DeviceID.SerialNumber IS NOT NULL"}}) {
            acs.raw().insert("config", new Document("_id", c[0]).append("value", c[1]));
        }
        for (String serial : new String[] {"CFG1", "CFG2"}) {
            session(cpe(tree(NbiCompatibilityTest.BM632W).copyWithSerial(serial), SimulatedCpe.Options.DEFAULT),
                    "0 BOOTSTRAP", "1 BOOT");
        }
        Page page = browser.page(pageErrors);
        login(page, ADMIN, PASSWORD);
        assertThat(page.getByRole(AriaRole.FIGURE)).containsText("Firmware (2)");
        page.locator("ul.legend").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Any: 2")).click();
        assertThat(page.locator("p.total")).containsText("2 devices match; 1 shown");
        assertThat(page.locator("table.devices thead")).containsText("Firmware");
        assertThat(page.locator("table.devices thead")).not().containsText("Product class");
        button(page, "Show more").click();
        assertThat(page.locator("table.devices tbody tr")).hasCount(2);
        page.getByLabel("Filter").fill("SN: cfg2");
        page.getByLabel("Filter").press("Enter");
        assertThat(page.locator("p.total")).containsText("1 device match");
        UiBrowser.screenshot(page, "genieacs-ui-config");
    }

    @Test
    void aQueuedTaskLeavesThePageWhenTheDeviceRunsIt() throws Exception {
        acs = RunningAcs.withoutDiscovery(dataDir, Map.of("ACS_UI_SETUP_TOKEN", TOKEN));
        firstAdmin(false);
        SimulatedCpe cpe = cpe(tree(NbiCompatibilityTest.BM632W).copyWithSerial("LATER1"), SimulatedCpe.Options.DEFAULT);
        session(cpe, "0 BOOTSTRAP", "1 BOOT");
        Page page = browser.page(pageErrors);
        login(page, ADMIN, PASSWORD);
        page.navigate(base() + "#/devices/" + RunningAcs.id(cpe));
        assertThat(heading(page, RunningAcs.id(cpe))).isVisible();
        // nothing listens for its connection request: the reboot waits for the next session
        button(page, "Reboot").click();
        assertThat(page.locator("#main p.status")).containsText("Reboot: Queued for the next session");
        Locator queue = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Queued tasks"));
        assertThat(queue).containsText("reboot");
        session(cpe);
        assertThat(cpe.lastSessionRequests()).anyMatch(r -> r.contains("<cwmp:Reboot>"));
        assertThat(queue.or(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Queued tasks"))))
                .containsText("None: every task has run.", new com.microsoft.playwright.assertions.LocatorAssertions
                        .ContainsTextOptions().setTimeout(15_000));
        UiBrowser.screenshot(page, "task-queue");
    }
}
