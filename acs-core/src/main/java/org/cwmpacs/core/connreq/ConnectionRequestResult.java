package org.cwmpacs.core.connreq;

import java.util.Objects;

/**
 * How a connection request went: {@code ok}, or why not, in words an operator can act on: GenieACS's texts,
 * since its NBI puts them in the reason phrase and scripts may compare them.
 */
public record ConnectionRequestResult(boolean ok, String status) {
    public static final ConnectionRequestResult OK = new ConnectionRequestResult(true, "ok");
    public static final ConnectionRequestResult OFFLINE = new ConnectionRequestResult(false, "Device is offline");
    public static final ConnectionRequestResult BAD_CREDENTIALS = new ConnectionRequestResult(false,
            "Connection request error: Incorrect connection request credentials");

    public ConnectionRequestResult {
        Objects.requireNonNull(status, "status");
    }

    public static ConnectionRequestResult unexpectedStatus(int code) {
        return new ConnectionRequestResult(false, "Connection request error: Unexpected status code " + code);
    }

    public static ConnectionRequestResult invalid(String why) {
        return new ConnectionRequestResult(false, why);
    }
}
