package org.cwmpacs.ui;

import java.time.Duration;
import java.util.Objects;

/**
 * The UI's listener.
 *
 * @param host {@code GENIEACS_UI_INTERFACE}
 * @param port {@code GENIEACS_UI_PORT} (3000)
 * @param sessionIdle a login ends after this long without a request ({@code ACS_UI_SESSION_IDLE})
 * @param tls with a context, the UI speaks HTTPS only ({@code GENIEACS_UI_SSL_CERT}/{@code _KEY}) and its session
 *     cookie is marked Secure
 * @param setupToken what first-run setup asks for ({@code ACS_UI_SETUP_TOKEN}); a random one, logged, if not set
 */
public record UiConfig(String host, int port, int maxBodyBytes, Duration requestTimeout, Duration sessionIdle,
                       java.util.Optional<io.netty.handler.ssl.SslContext> tls, java.util.Optional<String> setupToken) {
    public UiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(setupToken, "setupToken");
        Objects.requireNonNull(tls, "tls");
    }

    public UiConfig withHost(String other) {
        return new UiConfig(other, port, maxBodyBytes, requestTimeout, sessionIdle, tls, setupToken);
    }

    public boolean secureCookies() {
        return tls.isPresent();
    }
}
