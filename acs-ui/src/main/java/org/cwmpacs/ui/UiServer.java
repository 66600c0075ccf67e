package org.cwmpacs.ui;

import io.netty.channel.ChannelHandler;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.cwmpacs.core.auth.FailedAttempts;
import org.cwmpacs.core.http.HttpListener;
import org.cwmpacs.core.http.SelectiveAggregator;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.ui.auth.Accounts;
import org.cwmpacs.ui.auth.UiSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI's listener (port 3000): HTTP codec, aggregation, one handler; store work on the listener's
 * worker threads (docs/ui.md).
 */
public final class UiServer {
    private static final Logger LOG = LoggerFactory.getLogger("ui");

    private UiServer() {
    }

    /** What every connection's handler shares. */
    record Shared(Accounts accounts, UiSessions sessions, FailedAttempts failedLogins, String setupToken,
                  UiConfig config, UiApi api, StaticFiles assets, DocumentStore documents, UiServices services) {
    }

    public static HttpListener listener(UiServices services, UiConfig config) {
        ExecutorService workers = HttpListener.workers("ui-work");
        DocumentStore documents = services.documents();
        Accounts accounts = new Accounts(documents);
        String setupToken = config.setupToken().orElseGet(UiServer::setupToken);
        if (config.setupToken().isEmpty() && !accounts.anyUser()) {
            // whoever reaches the port before the operator must not become its administrator
            LOG.warn("UI: no users yet. Open the UI and create the first administrator with this setup token: {}",
                    setupToken);
        }
        UiSessions sessions = new UiSessions(Clock.systemUTC(), config.sessionIdle());
        Shared shared = new Shared(accounts, sessions, new FailedAttempts(Clock.systemUTC(), Duration.ofMinutes(1), 10),
                setupToken, config, new UiApi(services, accounts, sessions, workers), new StaticFiles(), documents, services);
        // the permissions an upload's start is checked against, on the event loop
        accounts.permissions();
        return new HttpListener(config.host(), config.port(), workers, () -> List.<ChannelHandler>of(
                new SelectiveAggregator(config.maxBodyBytes(), UiHandler::isUpload),
                new UiHandler(shared, workers)), config.requestTimeout(), "ACS_NBI_REQUEST_TIMEOUT", UiHandler::isUpload)
                .tls(config.tls());
    }

    private static String setupToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
