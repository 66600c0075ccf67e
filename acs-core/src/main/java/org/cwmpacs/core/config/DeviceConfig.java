package org.cwmpacs.core.config;

import java.time.Duration;
import java.util.Optional;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.Values;

/**
 * The {@code config} collection's values for one device. A key that is absent, or whose value is not
 * usable (NULL, not a number where one is needed, negative), gives the environment option passed as the
 * fallback, so that the environment keeps working and a bad entry never stops a session.
 */
public final class DeviceConfig {
    public static final String SESSION_TIMEOUT = "cwmp.sessionTimeout";
    public static final String RETRY_DELAY = "cwmp.retryDelay";
    public static final String DOWNLOAD_TIMEOUT = "cwmp.downloadTimeout";
    public static final String CONNECTION_REQUEST_TIMEOUT = "cwmp.connectionRequestTimeout";
    public static final String CONNECTION_REQUEST_ALLOW_BASIC = "cwmp.connectionRequestAllowBasicAuth";
    public static final String CONNECTION_REQUEST_AUTH = "cwmp.connectionRequestAuth";
    public static final String AUTH = "cwmp.auth";
    public static final String MAX_COMMIT_ITERATIONS = "cwmp.maxCommitIterations";
    public static final String BOOLEAN_LITERAL = "cwmp.booleanLiteral";
    public static final String DEVICE_ONLINE_THRESHOLD = "cwmp.deviceOnlineThreshold";
    public static final String DOWNLOAD_SUCCESS_ON_TIMEOUT = "cwmp.downloadSuccessOnTimeout";
    public static final String COOKIES_PATH = "cwmp.cookiesPath";
    public static final String SKIP_WRITABLE_CHECK = "cwmp.skipWritableCheck";

    private final ConfigEntries entries;
    private final ConfigScope scope;
    /** Each key is evaluated once: a value may call an extension. */
    private final java.util.Map<String, Optional<Object>> values = new java.util.concurrent.ConcurrentHashMap<>();

    public DeviceConfig(ConfigEntries entries, ConfigScope scope) {
        this.entries = entries;
        this.scope = scope;
    }

    /** The key's value for this device; empty when the key is absent or its value NULL. */
    public Optional<Object> value(String key) {
        return values.computeIfAbsent(key, this::evaluate);
    }

    private Optional<Object> evaluate(String key) {
        Optional<Expr> e = entries.get(key);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        // AUTH() means nothing outside authentication: it stays unevaluated (NULL), as in GenieACS
        Object v = scope.evaluate(e.get(), Evaluator.Functions.NONE);
        return Values.isNull(v) ? Optional.empty() : Optional.of(v);
    }

    /** A number of seconds; zero is not usable (no time at all). */
    public Duration seconds(String key, Duration fallback) {
        return number(key).filter(n -> n > 0).map(n -> Duration.ofMillis(Math.round(n * 1000))).orElse(fallback);
    }

    /** A number of milliseconds; zero is not usable. */
    public Duration millis(String key, Duration fallback) {
        return number(key).filter(n -> n >= 1).map(n -> Duration.ofMillis(Math.round(n))).orElse(fallback);
    }

    public int integer(String key, int fallback) {
        return number(key).filter(n -> n <= Integer.MAX_VALUE).map(n -> (int) Math.floor(n)).orElse(fallback);
    }

    /** JavaScript's truthiness, as GenieACS's {@code !!value}. */
    public boolean flag(String key, boolean fallback) {
        return value(key).map(Values::truthy).orElse(fallback);
    }

    private Optional<Double> number(String key) {
        return value(key).map(Values::toNumber).filter(n -> !n.isNaN() && !n.isInfinite() && n >= 0);
    }
}
