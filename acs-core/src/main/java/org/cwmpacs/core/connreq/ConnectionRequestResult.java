package org.cwmpacs.core.connreq;

import java.util.Objects;

/**
 * How a connection request went: {@code ok}, or why not, in words an operator can act on: GenieACS's texts,
 * since its NBI puts them in the reason phrase and scripts may compare them.
 *
 * @param path the way it went last: {@code HTTP}, {@code UDP} or {@code XMPP} ("" when none was tried)
 */
public record ConnectionRequestResult(boolean ok, String status, java.util.Optional<java.time.Duration> onlineThreshold,
                                      String path) {
    public static final ConnectionRequestResult OK = new ConnectionRequestResult(true, "ok");
    public static final ConnectionRequestResult OFFLINE = new ConnectionRequestResult(false, "Device is offline");
    public static final ConnectionRequestResult BAD_CREDENTIALS = new ConnectionRequestResult(false,
            "Connection request error: Incorrect connection request credentials");

    public ConnectionRequestResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(onlineThreshold, "onlineThreshold");
        Objects.requireNonNull(path, "path");
    }

    public ConnectionRequestResult(boolean ok, String status) {
        this(ok, status, java.util.Optional.empty(), "");
    }

    public ConnectionRequestResult(boolean ok, String status, java.util.Optional<java.time.Duration> onlineThreshold) {
        this(ok, status, onlineThreshold, "");
    }

    /** The same outcome, reached by {@code way}. */
    public ConnectionRequestResult via(String way) {
        return new ConnectionRequestResult(ok, status, onlineThreshold, way);
    }

    /** The device refused the credentials: no other path is tried. */
    public boolean badCredentials() {
        return status.equals(BAD_CREDENTIALS.status);
    }

    /**
     * With how long to wait for the woken device's session to start, when its {@code config} says
     * ({@code cwmp.deviceOnlineThreshold}).
     */
    public ConnectionRequestResult withOnlineThreshold(java.util.Optional<java.time.Duration> threshold) {
        return new ConnectionRequestResult(ok, status, threshold, path);
    }

    public static ConnectionRequestResult unexpectedStatus(int code) {
        return new ConnectionRequestResult(false, "Connection request error: Unexpected status code " + code);
    }

    public static ConnectionRequestResult invalid(String why) {
        return new ConnectionRequestResult(false, why);
    }
}
