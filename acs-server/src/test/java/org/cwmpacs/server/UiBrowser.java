package org.cwmpacs.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, for the UI's browser tests. Where Chromium is missing the tests are
 * skipped with how to run them, except when {@code ACS_REQUIRE_BROWSER=1} (CI sets it): then they fail.
 */
final class UiBrowser implements AutoCloseable {
    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("ACS_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target", "ui-screenshots");

    final Playwright playwright;
    final Browser browser;

    private UiBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static UiBrowser start() {
        if (!Files.isExecutable(CHROMIUM)) {
            String how = "no Chromium at " + CHROMIUM + ": the UI's browser tests need it (apt-get install chromium, "
                    + "or ACS_CHROMIUM=<path to a Chromium>)";
            if ("1".equals(System.getenv("ACS_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(how + "; ACS_REQUIRE_BROWSER=1 makes them mandatory");
            }
            Assumptions.abort(how);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking", "--disable-component-update",
                            "--disable-sync")));
            return new UiBrowser(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh page (its own cookies), failing on any script error the page raises. */
    Page page(List<String> errors) {
        Page page = browser.newContext().newPage();
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().contains("the server responded with a status of")) {
                errors.add(m.text());
            }
        });
        page.onDialog(d -> d.accept());
        page.setDefaultTimeout(20_000);
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
