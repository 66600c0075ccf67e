package org.cwmpacs.server;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.soap.message.DeviceIdStruct;
import org.cwmpacs.soap.message.ParameterValueStruct;

/**
 * The UI on a real fleet (docs/performance.md, "The web UI"): on a store prepared by {@link StoreBench}
 * ({@code --dir}, e.g. 10,000 learned devices), adds one device with a large tree ({@code --leaves}, 6,400),
 * then times the UI's API calls behind the device list, the overview and the device page, and, where
 * Chromium is installed, the pages themselves in the browser and the bytes the first page loads. Not a test:
 * {@code mvn -B -q -pl acs-server exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.cwmpacs.server.UiBench -Dexec.args="--dir /tmp/acs-10k"}.
 */
public final class UiBench {
    private static final String TOKEN = "ui-bench-setup-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private UiBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int leaves = 6_400;
        int runs = 15;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--leaves" -> leaves = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--dir <a store StoreBench prepared> is needed");
        }
        Map<String, String> env = new HashMap<>();
        env.put("ACS_DATA_DIR", dir.toString());
        for (String port : List.of("GENIEACS_CWMP_PORT", "GENIEACS_NBI_PORT", "GENIEACS_FS_PORT", "GENIEACS_UI_PORT")) {
            env.put(port, "0");
        }
        env.put("GENIEACS_UI_INTERFACE", "127.0.0.1");
        env.put("ACS_UI_SETUP_TOKEN", TOKEN);
        try (AcsServer server = AcsServer.start(AcsConfig.load(env))) {
            String big = storeBigDevice(server, leaves);
            String base = "http://127.0.0.1:" + server.uiPort();
            if (server.store().documents().count("users", Map.of("_id", "bench")) == 0) {
                send(base, "POST", "/init", "{\"username\": \"bench\", \"password\": \"bench password\", \"token\": \""
                        + TOKEN + "\", \"seed\": true}", null);
            }
            HttpResponse<String> login = send(base, "POST", "/login", "{\"username\": \"bench\", \"password\": "
                    + "\"bench password\"}", null);
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            long total = Long.parseLong(send(base, "HEAD", "/api/devices", null, cookie).headers()
                    .firstValue("X-Total-Count").orElseThrow());
            System.out.printf("%,d devices stored; one of %,d leaves: %s%n", total, leaves, big);

            String columns = "&projection=" + q("Tags,DeviceID.SerialNumber,DeviceID.ProductClass,"
                    + "InternetGatewayDevice.DeviceInfo.SoftwareVersion,InternetGatewayDevice.WANDevice.1."
                    + "WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress,InternetGatewayDevice.LANDevice.1."
                    + "WLANConfiguration.1.SSID,Events.Inform");
            time(runs, "device list, first 10 with the default columns (as the page asks)", () -> send(base, "GET",
                    "/api/devices?limit=10" + columns, null, cookie));
            time(runs, "device list, first 10 whole devices (no projection)", () -> send(base, "GET",
                    "/api/devices?limit=10", null, cookie));
            time(runs, "device list sorted by serial number, first 10", () -> send(base, "GET",
                    "/api/devices?limit=10&sort=" + q("{\"DeviceID.SerialNumber\": -1}") + columns, null, cookie));
            time(runs, "device list, smart search \"Serial number: 00001\"", () -> send(base, "GET",
                    "/api/devices?limit=10&filter=" + q("LOWER(DeviceID.SerialNumber) LIKE '%00001%'") + columns, null,
                    cookie));
            time(runs, "overview: the 3 slices of the online chart (counts)", () -> {
                for (String f : List.of("Events.Inform > NOW() - 300000",
                        "Events.Inform > NOW() - 300000 - 86400000 AND Events.Inform < NOW() - 300000",
                        "Events.Inform < NOW() - 300000 - 86400000")) {
                    send(base, "HEAD", "/api/devices?filter=" + q(f), null, cookie);
                }
            });
            AtomicLong bytes = new AtomicLong();
            time(Math.min(runs, 5), "CSV export of every device, the default columns", () -> bytes.set(send(base, "GET",
                    "/api/devices.csv?columns=" + q("{\"Serial number\": \"DeviceID.SerialNumber\", \"Product class\": "
                    + "\"DeviceID.ProductClass\", \"Software version\": \"InternetGatewayDevice.DeviceInfo.SoftwareVersion\", "
                    + "\"Last inform\": \"Events.Inform\"}"), null, cookie).body().length()));
            System.out.printf("  (%,d characters)%n", bytes.get());
            time(runs, "the large device, flattened", () -> bytes.set(send(base, "GET", "/api/devices/" + q(big), null,
                    cookie).body().length()));
            System.out.printf("  (%,d characters of JSON)%n", bytes.get());
            if (Files.isExecutable(UiBrowser.CHROMIUM)) {
                inBrowser(base, big, runs);
            } else {
                System.out.println("no Chromium at " + UiBrowser.CHROMIUM + ": the pages are not timed");
            }
        }
    }

    private static void inBrowser(String base, String big, int runs) throws Exception {
        try (UiBrowser browser = UiBrowser.start()) {
            List<String> errors = new ArrayList<>();
            Page page = browser.page(errors);
            AtomicLong loaded = new AtomicLong();
            page.onResponse(r -> {
                try {
                    loaded.addAndGet(r.body().length);
                } catch (RuntimeException e) {
                    // a response without a body (304, HEAD)
                }
            });
            page.navigate(base + "/");
            page.getByLabel("Username").fill("bench");
            page.getByLabel("Password").fill("bench password");
            loaded.set(0);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Log in")).click();
            page.locator("figure.chart").first().waitFor();
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            long overview = loaded.get();
            Page fresh = browser.page(errors);
            AtomicLong first = new AtomicLong();
            fresh.onResponse(r -> {
                try {
                    first.addAndGet(r.body().length);
                } catch (RuntimeException e) {
                    // no body
                }
            });
            fresh.navigate(base + "/");
            fresh.getByLabel("Username").waitFor();
            fresh.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            System.out.printf("first page (login, cold cache): %,d bytes; after login, the overview's calls: %,d bytes%n",
                    first.get(), overview);
            Step toOverview = () -> {
                page.navigate(base + "/#/overview");
                page.locator("figure.chart").first().waitFor();
            };
            time(runs, "page: device list shown (navigation to the rows drawn)", toOverview, () -> {
                page.navigate(base + "/#/devices");
                page.locator("table.devices tbody tr").first().waitFor();
            });
            time(runs, "page: the large device usable (navigation to its parameters listed)", toOverview, () -> {
                page.navigate(base + "/#/devices/" + URLEncoder.encode(big, StandardCharsets.UTF_8));
                page.locator("#parameter-count").waitFor();
            });
            com.microsoft.playwright.Locator count = page.locator("#parameter-count");
            time(runs, "page: searching the large device's parameters (typing to the rows redrawn)", () -> {
                page.getByLabel("Search parameters").fill("");
                count.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(
                        java.util.regex.Pattern.compile("^\\d{4,} of"))).waitFor();
            }, () -> {
                page.getByLabel("Search parameters").fill("X_SIM_Table.123.");
                count.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(
                        java.util.regex.Pattern.compile("^10 of"))).waitFor();
            });
            if (!errors.isEmpty()) {
                System.out.println("script errors: " + errors);
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void time(int runs, String what, Step step) throws Exception {
        time(runs, what, () -> { }, step);
    }

    /** {@code setup} runs before each run, untimed. */
    private static void time(int runs, String what, Step setup, Step step) throws Exception {
        setup.run();
        step.run();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            setup.run();
            long t = System.nanoTime();
            step.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-70s median %6.0f ms, max %6.0f ms (%d runs)%n", what, ms.get(ms.size() / 2),
                ms.get(ms.size() - 1), runs);
    }

    private static String storeBigDevice(AcsServer server, int leaves) {
        DataModel tree = DataModel.generate("00B16B", "BigTree", "BIG0001", leaves);
        Instant now = Instant.now();
        String id = "00B16B-BigTree-BIG0001";
        DeviceInform inform = new DeviceInform(id, new DeviceIdStruct("Bench", "00B16B", "BigTree", "BIG0001"),
                List.of("0 BOOTSTRAP", "1 BOOT"), List.of(ParameterValueStruct.ofString(
                "Device.DeviceInfo.SoftwareVersion", "1.0")), now);
        server.store().devices().recordInform(inform).thenCompose(r -> server.store().devices().apply(id,
                StoreBench.learned(tree, now))).join();
        return id;
    }

    private static HttpResponse<String> send(String base, String method, String path, String body, String cookie)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
