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

    boolean idleLongerThan(Duration limit, long nowNanos) {
        return nowNanos - lastActivityNanos > limit.toNanos();
    }

    @Override
    public String toString() {
        return "session " + id + " of " + deviceId + " (" + state + ")";
    }
}
