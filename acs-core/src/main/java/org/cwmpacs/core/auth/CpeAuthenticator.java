package org.cwmpacs.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the credentials a CPE sends with the Inform that opens a session. Over TLS the challenge is
 * Basic (Digest is accepted too); over plain HTTP only Digest is accepted, MD5 with {@code qop="auth"}.
 * Nonces carry their own time and a MAC, so that any connection (and any server instance with the same
 * secret) accepts them until they are {@link #NONCE_LIFETIME} old; a CPE that sends the same Authorization
 * header again (RDK-B does) is accepted again, but only for the device whose session it opened first
 * ({@link #verifyFor}), and only for the URI it was computed for.
 */
public final class CpeAuthenticator {
    public static final String REALM = "cwmpacs";
    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    /** Nonces that opened a session, and the device they serve; forgotten wholesale past this many. */
    static final int MAX_NONCES = 100_000;

    private final Clock clock;
    private final byte[] secret = new byte[32];
    private final java.util.Map<String, String> nonceOwners = new java.util.concurrent.ConcurrentHashMap<>();

    public CpeAuthenticator(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(secret);
    }

    /**
     * Whether the header carries credentials at all: some CPEs send {@code Authorization: Basic} with nothing
     * (or an empty user and password) before they have been challenged; that is no failed attempt.
     */
    public static boolean hasCredentials(Optional<String> authorization) {
        if (authorization.isEmpty() || authorization.get().isBlank()) {
            return false;
        }
        String header = authorization.get().strip();
        if (header.regionMatches(true, 0, "Basic", 0, 5)) {
            String token = header.substring(5).strip();
            return !token.isEmpty() && !token.equals("Og==") && !token.equals("Og");
        }
        return true;
    }

    /** The {@code WWW-Authenticate} value of a 401. */
    public String challenge(boolean tls) {
        if (tls) {
            return "Basic realm=\"" + REALM + "\"";
        }
        return "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\"" + newNonce() + "\", algorithm=MD5";
    }

    /** Whether {@code authorization} (the header, if sent) proves {@code expected} for a POST to {@code uri}. */
    public boolean verify(Optional<String> authorization, CpeCredentials expected, boolean tls, String uri) {
        return verify(authorization, expected, tls, "POST", uri);
    }

    /** As {@link #verify(Optional, CpeCredentials, boolean, String)}, for a request with another method. */
    public boolean verify(Optional<String> authorization, CpeCredentials expected, boolean tls, String method,
                          String uri) {
        if (authorization.isEmpty()) {
            return false;
        }
        String header = authorization.get().strip();
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            // a password in the clear only over TLS
            if (!tls) {
                return false;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                return constantTimeEquals(decoded, expected.username() + ":" + expected.password());
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        if (!header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> p = HttpDigest.params(header);
        String nonce = p.getOrDefault("nonce", "");
        if (!expected.username().equals(p.get("username")) || !REALM.equals(p.get("realm")) || !validNonce(nonce)) {
            return false;
        }
        String qop = p.getOrDefault("qop", "");
        if (!qop.isEmpty() && (!"auth".equals(qop) || p.get("nc") == null || p.get("cnonce") == null)) {
            return false;
        }
        String algorithm = p.getOrDefault("algorithm", "MD5");
        if (!"MD5".equalsIgnoreCase(algorithm)) {
            return false;
        }
        String digestUri = p.getOrDefault("uri", uri);
        if (!sameTarget(digestUri, uri)) {
            // a header computed for another resource is not a proof for this one
            return false;
        }
        String expectedResponse = HttpDigest.response(expected.username(), expected.password(), REALM, method,
                digestUri, nonce, p.get("nc"), p.get("cnonce"), qop);
        return constantTimeEquals(expectedResponse, p.getOrDefault("response", "").toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * As {@link #verify(Optional, CpeCredentials, boolean, String)} for the Inform of {@code deviceId}: a
     * Digest nonce, once it has opened a session, serves that device only (RDK-B sends the same header again
     * for its next sessions; another device, or a replay from elsewhere claiming another identity, is refused).
     */
    public boolean verifyFor(Optional<String> authorization, CpeCredentials expected, boolean tls, String uri,
                             String deviceId) {
        if (!verify(authorization, expected, tls, "POST", uri)) {
            return false;
        }
        String header = authorization.orElse("").strip();
        if (!header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return true;
        }
        String nonce = HttpDigest.params(header).getOrDefault("nonce", "");
        if (nonceOwners.size() >= MAX_NONCES) {
            nonceOwners.clear();
        }
        return deviceId.equals(nonceOwners.computeIfAbsent(nonce, n -> deviceId));
    }

    /** The Digest {@code uri} names the request's target: the same path, or an absolute URL with that path. */
    static boolean sameTarget(String digestUri, String requestUri) {
        if (digestUri.equals(requestUri)) {
            return true;
        }
        try {
            java.net.URI d = java.net.URI.create(digestUri);
            java.net.URI r = java.net.URI.create(requestUri);
            String dPath = d.getRawPath() == null || d.getRawPath().isEmpty() ? "/" : d.getRawPath();
            String rPath = r.getRawPath() == null || r.getRawPath().isEmpty() ? "/" : r.getRawPath();
            return dPath.equals(rPath) && java.util.Objects.equals(d.getRawQuery(), r.getRawQuery());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String newNonce() {
        String time = Long.toHexString(clock.millis());
        return time + "-" + mac(time);
    }

    private boolean validNonce(String nonce) {
        int dash = nonce.indexOf('-');
        if (dash < 1) {
            return false;
        }
        String time = nonce.substring(0, dash);
        if (!constantTimeEquals(mac(time), nonce.substring(dash + 1))) {
            return false;
        }
        try {
            long issued = Long.parseLong(time, 16);
            long age = clock.millis() - issued;
            return age >= -60_000 && age <= NONCE_LIFETIME.toMillis();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
