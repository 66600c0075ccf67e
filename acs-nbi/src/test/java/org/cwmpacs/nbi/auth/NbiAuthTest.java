package org.cwmpacs.nbi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NbiAuthTest {
    private static final String KEY = "k3y-of-at-least-sixteen";

    private static Optional<String> basic(String user, String password) {
        return Optional.of("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void withoutCredentialsEveryoneIsAnonymous() {
        assertThat(NbiAuth.NONE.hasCredentials()).isFalse();
        assertThat(NbiAuth.NONE.check(Optional.empty(), Optional.empty())).isEqualTo(NbiAuth.Caller.ANONYMOUS);
    }

    @Test
    void keysAsHeaderOrBearerPlainOrHashed() {
        NbiAuth auth = NbiAuth.of(List.of(KEY, NbiAuth.hashKey("another-key-0123456")), List.of());
        assertThat(auth.check(Optional.empty(), Optional.of(KEY))).isEqualTo(NbiAuth.Caller.AUTHORISED);
        assertThat(auth.check(Optional.of("Bearer " + KEY), Optional.empty())).isEqualTo(NbiAuth.Caller.AUTHORISED);
        assertThat(auth.check(Optional.empty(), Optional.of("another-key-0123456"))).isEqualTo(NbiAuth.Caller.AUTHORISED);
        assertThat(auth.check(Optional.empty(), Optional.of(KEY + "x"))).isEqualTo(NbiAuth.Caller.REFUSED);
        assertThat(auth.check(Optional.empty(), Optional.empty())).isEqualTo(NbiAuth.Caller.REFUSED);
        assertThat(auth.check(basic("a", KEY), Optional.empty())).isEqualTo(NbiAuth.Caller.REFUSED);
        assertThat(auth.challenge()).startsWith("Bearer ");
        assertThat(NbiAuth.hashKey(KEY)).startsWith("sha256:").doesNotContain(KEY).hasSize(7 + 64);
    }

    @Test
    void usersWithPlainOrHashedPasswords() {
        NbiAuth auth = NbiAuth.of(List.of(), List.of("ops:pa:ss", "ro:" + NbiAuth.hashPassword("read-only")));
        assertThat(auth.check(basic("ops", "pa:ss"), Optional.empty())).isEqualTo(NbiAuth.Caller.AUTHORISED);
        assertThat(auth.check(basic("ops", "pa:ss"), Optional.empty())).as("again, from the cache")
                .isEqualTo(NbiAuth.Caller.AUTHORISED);
        assertThat(auth.check(basic("ro", "read-only"), Optional.empty())).isEqualTo(NbiAuth.Caller.AUTHORISED);
        assertThat(auth.check(basic("ro", "pa:ss"), Optional.empty())).isEqualTo(NbiAuth.Caller.REFUSED);
        assertThat(auth.check(basic("nobody", "pa:ss"), Optional.empty())).isEqualTo(NbiAuth.Caller.REFUSED);
        assertThat(auth.check(Optional.of("Basic !!!"), Optional.empty())).isEqualTo(NbiAuth.Caller.REFUSED);
        assertThat(auth.challenge()).startsWith("Basic ");
    }

    @Test
    void unusableEntriesAreNamed() {
        assertThatThrownBy(() -> NbiAuth.of(List.of("short"), List.of())).hasMessageContaining("16 characters");
        assertThatThrownBy(() -> NbiAuth.of(List.of("sha256:xyz"), List.of())).hasMessageContaining("64 hexadecimal");
        assertThatThrownBy(() -> NbiAuth.of(List.of(), List.of("secret"))).hasMessageContaining("name:password")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> NbiAuth.of(List.of(), List.of("u:pbkdf2-sha512:x"))).hasMessageContaining("u")
                .hasMessageContaining("hash-password");
    }
}
