package org.cwmpacs.core.connreq;

import java.util.Objects;

/**
 * How a connection request went: {@code ok}, or why not, in words an operator (and GenieACS's NBI, which
 * puts them in its reason phrase) can act on.
 */
public record ConnectionRequestResult(boolean ok, String status) {
    public static final ConnectionRequestResult OK = new ConnectionRequestResult(true, "ok");
    public static final ConnectionRequestResult OFFLINE = new ConnectionRequestResult(false, "device offline");
    public static final ConnectionRequestResult BAD_CREDENTIALS = new ConnectionRequestResult(false, "bad credentials");

    public ConnectionRequestResult {
        Objects.requireNonNull(status, "status");
    }

    public static ConnectionRequestResult unexpectedStatus(int code) {
        return new ConnectionRequestResult(false, "unexpected status " + code);
    }

    public static ConnectionRequestResult invalid(String why) {
        return new ConnectionRequestResult(false, why);
    }
}
