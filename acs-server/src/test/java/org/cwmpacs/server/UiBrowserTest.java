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
        UiBrowser.screenshot(page, "device-after-set");

        button(page, "Reboot").click();
        assertThat(page.locator("#main p.status")).containsText("Reboot: Done");
        assertThat(cpe.lastSessionRequests()).as("the simulator received the Reboot")
                .anyMatch(r -> r.contains("<cwmp:Reboot>"));

        page.getByLabel("New tag").fill("lab");
        button(page, "Add tag").click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Tags"))).containsText("lab");
        assertThat(device(cpe).tags()).contains("lab");
    }
}
