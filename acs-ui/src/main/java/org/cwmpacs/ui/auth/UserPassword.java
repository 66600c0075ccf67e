package org.cwmpacs.ui.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A UI user's password as GenieACS stores it in its {@code users} collection, so that a migrated user logs in
 * with the same password: PBKDF2 with HMAC-SHA512, 10,000 iterations, a 128-byte key, written as hex; the
 * salt is 64 random bytes written as hex, and it is that hex text (its bytes) that salts the key. New
 * passwords are hashed the same way, so that a database stays readable by GenieACS.
 *
 * @param hash the key as hex (the document's {@code password})
 * @param salt the salt's hex text (the document's {@code salt})
 */
public record UserPassword(String hash, String salt) {
    static final int ITERATIONS = 10_000;
    static final int KEY_BYTES = 128;
    static final int SALT_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new password's hash, with a new salt. */
    public static UserPassword of(String password) {
        if (password.isEmpty()) {
            throw new IllegalArgumentException("a password cannot be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return new UserPassword(derive(password, saltHex), saltHex);
    }

    /**
     * Whether {@code password} is this one. An empty password never is (Java's PBKDF2 takes no empty key, and
     * an empty password should not open a session anyway).
     */
    public boolean matches(String password) {
        if (password.isEmpty() || hash.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(derive(password, salt).getBytes(StandardCharsets.US_ASCII),
                hash.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String derive(String password, String saltText) {
        try {
            // the password's characters are encoded as UTF-8, as Node.js encodes a string
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), saltText.getBytes(StandardCharsets.UTF_8),
                    ITERATIONS, KEY_BYTES * 8);
            return HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec)
                    .getEncoded());
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this Java runtime", e);
        }
    }
}
