package org.cwmpacs.ui;

import java.time.Duration;
import java.util.Objects;

/**
 * The UI's listener.
 *
 * @param host {@code GENIEACS_UI_INTERFACE}
 * @param port {@code GENIEACS_UI_PORT} (3000)
 * @param sessionIdle a login ends after this long without a request ({@code ACS_UI_SESSION_IDLE})
 * @param secureCookies the session cookie is sent over TLS only
 * @param setupToken what first-run setup asks for ({@code ACS_UI_SETUP_TOKEN}); a random one, logged, if not set
 */
public record UiConfig(String host, int port, int maxBodyBytes, Duration requestTimeout, Duration sessionIdle,
                       boolean secureCookies, java.util.Optional<String> setupToken) {
    public UiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(setupToken, "setupToken");
    }

    public UiConfig withHost(String other) {
        return new UiConfig(other, port, maxBodyBytes, requestTimeout, sessionIdle, secureCookies, setupToken);
    }
}
