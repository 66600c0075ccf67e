package org.cwmpacs.core.session;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP answer to one POST.
 *
 * @param contentType the body's media type ("" for none)
 * @param setCookie a {@code session} cookie to set (only on the InformResponse)
 * @param retryAfterSeconds for 503
 * @param close close the connection after this answer
 * @param challenge the {@code WWW-Authenticate} of a 401
 */
public record CwmpReply(int status, byte[] body, String contentType, Optional<String> setCookie,
                        Optional<Integer> retryAfterSeconds, boolean close, Optional<String> challenge) {
    public static final String XML = "text/xml; charset=\"utf-8\"";

    public CwmpReply {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(setCookie, "setCookie");
        Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
        Objects.requireNonNull(challenge, "challenge");
    }

    public CwmpReply(int status, byte[] body, String contentType, Optional<String> setCookie,
                     Optional<Integer> retryAfterSeconds, boolean close) {
        this(status, body, contentType, setCookie, retryAfterSeconds, close, Optional.empty());
    }

    /** 401 with a challenge; {@code close} after repeated failures. */
    public static CwmpReply unauthorized(String challenge, boolean close) {
        return new CwmpReply(401, "Authentication required\n".getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8", Optional.empty(), Optional.empty(), close, Optional.of(challenge));
    }

    public static CwmpReply soap(byte[] envelope) {
        return new CwmpReply(200, envelope, XML, Optional.empty(), Optional.empty(), false);
    }

    /** Ends a session: CPEs treat 200 with an empty body as a failure (RDK-B), so it is 204. */
    public static CwmpReply noContent() {
        return new CwmpReply(204, new byte[0], "", Optional.empty(), Optional.empty(), false);
    }

    /** A client error with its reason as plain text; the connection is closed, as the session is. */
    public static CwmpReply badRequest(String message) {
        return new CwmpReply(400, (message + "\n").getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                Optional.empty(), Optional.empty(), true);
    }

    public static CwmpReply unavailable(String message, int retryAfterSeconds) {
        return new CwmpReply(503, (message + "\n").getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                Optional.empty(), Optional.of(retryAfterSeconds), true);
    }

    /** Our failure, not the CPE's: the CPE retries the session later. */
    public static CwmpReply serverError(String message) {
        return new CwmpReply(500, (message + "\n").getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                Optional.empty(), Optional.empty(), true);
    }

    /** The same answer, then the connection closed: after a fault that ends the session before it began. */
    public CwmpReply closing() {
        return new CwmpReply(status, body, contentType, setCookie, retryAfterSeconds, true, challenge);
    }

    public CwmpReply withCookie(String cookie) {
        return new CwmpReply(status, body, contentType, Optional.of(cookie), retryAfterSeconds, close);
    }
}
