package org.cwmpacs.core.session;

import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP POST of a CPE, as the session layer sees it.
 *
 * @param charset the {@code charset} of the Content-Type, if any
 * @param sessionCookie the value of the {@code session} cookie, if sent
 * @param authorization the Authorization header, if sent
 * @param tls whether the request came over TLS
 * @param uri the request's path, which Digest credentials cover
 * @param host the Host header: the file server's URL in Downloads uses it
 * @param connection identifies the TCP connection (CPEs that never echo the cookie are followed by it)
 */
public record CwmpRequest(byte[] body, Optional<String> charset, Optional<String> sessionCookie, Object connection,
                          String remoteAddress, Optional<String> host, Optional<String> authorization, boolean tls,
                          String uri) {
    public CwmpRequest(byte[] body, Optional<String> charset, Optional<String> sessionCookie, Object connection,
                       String remoteAddress) {
        this(body, charset, sessionCookie, connection, remoteAddress, Optional.empty(), Optional.empty(), false, "/");
    }

    public CwmpRequest {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(sessionCookie, "sessionCookie");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(uri, "uri");
    }
}
