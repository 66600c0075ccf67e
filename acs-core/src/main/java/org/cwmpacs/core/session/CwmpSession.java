package org.cwmpacs.core.session;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** One CWMP session of one device: from its Inform to the 204 (or a timeout). */
final class CwmpSession {
    final String id;
    final String deviceId;
    final String cwmpNamespace;
    final String remoteAddress;
    /** The CPE's SessionTimeout header, else {@code cwmp.sessionTimeout} or the configured one. */
    volatile Duration timeout;
    /** How its requests are written ({@code cwmp.booleanLiteral} may differ per device). */
    volatile org.cwmpacs.soap.EncodeOptions encodeOptions = org.cwmpacs.soap.EncodeOptions.DEFAULT;
    /** The session cookie's {@code Path} ({@code cwmp.cookiesPath}). */
    volatile String cookiePath = "/";
    final String lockToken;
    final AtomicBoolean ended = new AtomicBoolean();
    volatile Object connection;
    volatile SessionState state = SessionState.AWAITING_INFORM;
    volatile long lastActivityNanos;
    volatile long lockRefreshedNanos;
    volatile boolean lockHeld;
    /** The cwmp:ID of the ACS's outstanding request. */
    volatile String requestId;
    /** The Inform registered the device. */
    volatile boolean newDevice;
    /** The connection of the session's last request closed (the session may go on by cookie on another). */
    volatile boolean connectionLost;
    /** The CPE sent something after the InformResponse. */
    volatile boolean provedCpe;
    /** The ACS's side of the session; set when the session starts. */
    volatile org.cwmpacs.core.engine.SessionDriver driver;

    CwmpSession(String id, String deviceId, String cwmpNamespace, String remoteAddress, Duration timeout,
                Object connection, long nowNanos) {
        this.id = id;
        this.deviceId = deviceId;
        this.cwmpNamespace = cwmpNamespace;
        this.remoteAddress = remoteAddress;
        this.timeout = timeout;
        this.lockToken = "cwmp_session_" + id;
        this.connection = connection;
        this.lastActivityNanos = nowNanos;
        this.lockRefreshedNanos = nowNanos;
    }

    /** As GENIEACS_SESSION_TIMEOUT: a day at most, so that a dead session cannot hold its lock for longer. */
    private static final Duration MAX_TIMEOUT = Duration.ofDays(1);

    /**
     * The {@code config} collection's values for this session: {@code cwmp.sessionTimeout} (unless the CPE
     * gave its own), {@code cwmp.cookiesPath}, {@code cwmp.booleanLiteral} (over the configured encoding).
     */
    void apply(org.cwmpacs.core.config.DeviceConfig values, boolean cpeTimeout, org.cwmpacs.soap.EncodeOptions encoding) {
        if (!cpeTimeout) {
            Duration configured = values.seconds(org.cwmpacs.core.config.DeviceConfig.SESSION_TIMEOUT, timeout);
            timeout = configured.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : configured;
        }
        values.value(org.cwmpacs.core.config.DeviceConfig.COOKIES_PATH)
                .map(org.cwmpacs.core.expression.Values::toText)
                // a path is one attribute value: nothing that would end it or start another
                .filter(p -> p.startsWith("/") && p.length() <= 1024 && p.chars().noneMatch(c -> c < 0x21 || c == ';'
                        || c == ',' || c > 0x7e))
                .ifPresent(p -> cookiePath = p);
        boolean literal = values.flag(org.cwmpacs.core.config.DeviceConfig.BOOLEAN_LITERAL, !encoding.numericBooleans());
        encodeOptions = literal == encoding.numericBooleans()
                ? new org.cwmpacs.soap.EncodeOptions(encoding.xmlDeclaration(), !literal) : encoding;
    }

    boolean idleLongerThan(Duration limit, long nowNanos) {
        return nowNanos - lastActivityNanos > limit.toNanos();
    }

    @Override
    public String toString() {
        return "session " + id + " of " + deviceId + " (" + state + ")";
    }
}
