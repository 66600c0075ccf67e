package org.cwmpacs.nbi.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Who may use the NBI: callers presenting an API key ({@code X-API-Key} or {@code Authorization: Bearer})
 * or a username and password (HTTP Basic). Only hashes are held: SHA-256 for keys (long random strings),
 * salted PBKDF2 for passwords. Configured entries may be given hashed already ({@code sha256:<hex>},
 * {@code <user>:pbkdf2-sha512:<iterations>:<salt hex>:<hash hex>}), so that the configuration file need not
 * hold a secret.
 */
public final class NbiAuth {
    /** What the caller may do. */
    public enum Caller {
        /** Presented valid credentials. */
        AUTHORISED,
        /** No credentials are configured: allowed, but not to read users, permissions or configuration. */
        ANONYMOUS,
        /** Credentials are configured and the caller did not present valid ones. */
        REFUSED
    }

    public static final String REALM = "cwmpacs-nbi";
    private static final int ITERATIONS = 10_000;
    private static final int HASH_BYTES = 64;

    private record PasswordHash(int iterations, byte[] salt, byte[] hash) {
    }

    /** Checked against when the user is unknown; no password hashes to it. */
    private static final PasswordHash UNKNOWN_USER = new PasswordHash(ITERATIONS, new byte[16], new byte[HASH_BYTES]);

    private final List<byte[]> keyHashes;
    private final Map<String, PasswordHash> users;
    /** Basic headers already verified (by their SHA-256), so that PBKDF2 runs once per caller, not per request. */
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    private NbiAuth(List<byte[]> keyHashes, Map<String, PasswordHash> users) {
        this.keyHashes = keyHashes;
        this.users = users;
    }

    public static final NbiAuth NONE = new NbiAuth(List.of(), Map.of());

    /**
     * @param apiKeys keys, plain or {@code sha256:<64 hex digits>}
     * @param users {@code name:password} or {@code name:pbkdf2-sha512:<iterations>:<salt hex>:<hash hex>}
     * @throws IllegalArgumentException naming the entry that cannot be used
     */
    public static NbiAuth of(List<String> apiKeys, List<String> users) {
        List<byte[]> hashes = new ArrayList<>();
        for (String key : apiKeys) {
            if (key.startsWith("sha256:")) {
                String hex = key.substring(7);
                if (!hex.matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalArgumentException("an API key given as sha256: needs 64 hexadecimal digits");
                }
                hashes.add(HexFormat.of().parseHex(hex));
            } else {
                if (key.length() < 16) {
                    throw new IllegalArgumentException("API keys must be at least 16 characters long; "
                            + "make one with: openssl rand -hex 32");
                }
                hashes.add(sha256(key));
            }
        }
        Map<String, PasswordHash> accounts = new LinkedHashMap<>();
        for (String entry : users) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("an NBI user must be given as name:password, not '"
                        + entry.replaceAll(".", "*") + "'");
            }
            String name = entry.substring(0, colon);
            String secret = entry.substring(colon + 1);
            accounts.put(name, secret.startsWith("pbkdf2-sha512:") ? parseHash(name, secret) : newHash(secret));
        }
        return new NbiAuth(List.copyOf(hashes), Map.copyOf(accounts));
    }

    public boolean hasCredentials() {
        return !keyHashes.isEmpty() || !users.isEmpty();
    }

    /** The {@code WWW-Authenticate} of a 401. */
    public String challenge() {
        return users.isEmpty() ? "Bearer realm=\"" + REALM + "\"" : "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    }

    public Caller check(Optional<String> authorization, Optional<String> apiKey) {
        if (!hasCredentials()) {
            return Caller.ANONYMOUS;
        }
        Optional<String> key = apiKey.map(String::strip).filter(k -> !k.isEmpty());
        String header = authorization.map(String::strip).orElse("");
        if (key.isEmpty() && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = Optional.of(header.substring(7).strip());
        }
        if (key.isPresent()) {
            return knownKey(key.get()) ? Caller.AUTHORISED : Caller.REFUSED;
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(header.substring(6).strip()) ? Caller.AUTHORISED : Caller.REFUSED;
        }
        return Caller.REFUSED;
    }

    private boolean knownKey(String key) {
        byte[] hash = sha256(key);
        boolean found = false;
        for (byte[] known : keyHashes) {
            // no early exit: the time taken does not tell which key came close
            found |= MessageDigest.isEqual(known, hash);
        }
        return found;
    }

    private boolean basic(String encoded) {
        String cacheKey = HexFormat.of().formatHex(sha256(encoded));
        if (verified.containsKey(cacheKey)) {
            return true;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        PasswordHash account = colon < 0 ? null : users.get(decoded.substring(0, colon));
        // an unknown user costs the same hashing as a known one: the answer's time does not tell which exist
        PasswordHash checked = account != null ? account : UNKNOWN_USER;
        boolean ok = MessageDigest.isEqual(checked.hash(),
                pbkdf2(colon < 0 ? decoded : decoded.substring(colon + 1), checked.salt(), checked.iterations()))
                && account != null;
        if (ok) {
            if (verified.size() > 10_000) {
                verified.clear();
            }
            verified.put(cacheKey, true);
        }
        return ok;
    }

    /** {@code sha256:<hex>}: an API key as the configuration may hold it. */
    public static String hashKey(String key) {
        return "sha256:" + HexFormat.of().formatHex(sha256(key));
    }

    /** {@code pbkdf2-sha512:<iterations>:<salt>:<hash>}: a password as the configuration may hold it. */
    public static String hashPassword(String password) {
        PasswordHash h = newHash(password);
        return "pbkdf2-sha512:" + h.iterations() + ":" + HexFormat.of().formatHex(h.salt()) + ":"
                + HexFormat.of().formatHex(h.hash());
    }

    private static PasswordHash newHash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(ITERATIONS, salt, pbkdf2(password, salt, ITERATIONS));
    }

    private static PasswordHash parseHash(String user, String text) {
        String[] parts = text.split(":");
        try {
            if (parts.length != 4) {
                throw new IllegalArgumentException();
            }
            return new PasswordHash(Integer.parseInt(parts[1]), HexFormat.of().parseHex(parts[2]),
                    HexFormat.of().parseHex(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("NBI user " + user + ": a hashed password must read "
                    + "pbkdf2-sha512:<iterations>:<salt hex>:<hash hex> (make one with: java -jar acs-server.jar "
                    + "hash-password)");
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this Java runtime", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
