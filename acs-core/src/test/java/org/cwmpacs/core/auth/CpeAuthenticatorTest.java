package org.cwmpacs.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpeAuthenticatorTest {
    private final CpeCredentials box = new CpeCredentials("box", "pw");

    private static String digest(String challenge, String user, String pass) {
        return HttpDigest.authorization(challenge, user, pass, "POST", "/", "0a4f113b");
    }

    @Test
    void digestWithTheRightPasswordPassesAndWithAnotherFails() {
        CpeAuthenticator auth = new CpeAuthenticator(Clock.systemUTC());
        String challenge = auth.challenge(false);
        assertThat(auth.verify(Optional.of(digest(challenge, "box", "pw")), box, false, "/")).isTrue();
        assertThat(auth.verify(Optional.of(digest(challenge, "box", "px")), box, false, "/")).isFalse();
        assertThat(auth.verify(Optional.of(digest(challenge, "other", "pw")), box, false, "/")).isFalse();
        assertThat(auth.verify(Optional.empty(), box, false, "/")).isFalse();
    }

    @Test
    void aNonceOfAnotherServerOrTooOldIsRefused() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        CpeAuthenticator auth = new CpeAuthenticator(Clock.fixed(start, ZoneOffset.UTC));
        String challenge = auth.challenge(false);
        CpeAuthenticator other = new CpeAuthenticator(Clock.fixed(start, ZoneOffset.UTC));
        assertThat(other.verify(Optional.of(digest(challenge, "box", "pw")), box, false, "/")).isFalse();
        CpeAuthenticator later = new CpeAuthenticator(Clock.fixed(start.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
        Map<String, String> p = HttpDigest.params(challenge);
        assertThat(p.get("nonce")).isNotEmpty();
        assertThat(later.verify(Optional.of(digest(challenge, "box", "pw")), box, false, "/")).isFalse();
        String forged = challenge.replace(p.get("nonce"), Long.toHexString(start.toEpochMilli()) + "-00");
        assertThat(auth.verify(Optional.of(digest(forged, "box", "pw")), box, false, "/")).isFalse();
    }

    @Test
    void basicOnlyOverTls() {
        CpeAuthenticator auth = new CpeAuthenticator(Clock.systemUTC());
        String basic = "Basic " + Base64.getEncoder().encodeToString("box:pw".getBytes(StandardCharsets.UTF_8));
        assertThat(auth.challenge(true)).startsWith("Basic realm=");
        assertThat(auth.verify(Optional.of(basic), box, true, "/")).isTrue();
        assertThat(auth.verify(Optional.of(basic), box, false, "/")).as("a clear-text password over HTTP").isFalse();
        assertThat(auth.verify(Optional.of("Basic !!!"), box, true, "/")).isFalse();
    }

    @Test
    void aDigestForAnotherUriIsRefused() {
        CpeAuthenticator auth = new CpeAuthenticator(Clock.systemUTC());
        String header = HttpDigest.authorization(auth.challenge(false), "box", "pw", "POST", "/other", "c1");
        assertThat(auth.verify(Optional.of(header), box, false, "/")).isFalse();
        String absolute = HttpDigest.authorization(auth.challenge(false), "box", "pw", "POST",
                "http://acs.example:7547/", "c2");
        assertThat(auth.verify(Optional.of(absolute), box, false, "/")).as("the same target, absolute").isTrue();
    }

    @Test
    void aNonceThatOpenedADevicesSessionServesThatDeviceOnly() {
        CpeAuthenticator auth = new CpeAuthenticator(Clock.systemUTC());
        String header = digest(auth.challenge(false), "box", "pw");
        assertThat(auth.verifyFor(Optional.of(header), box, false, "/", "DEV-1")).isTrue();
        assertThat(auth.verifyFor(Optional.of(header), box, false, "/", "DEV-1")).as("RDK-B sends it again").isTrue();
        assertThat(auth.verifyFor(Optional.of(header), box, false, "/", "DEV-2")).as("replayed for another").isFalse();
    }

    @Test
    void anEmptyBasicHeaderIsNoCredentials() {
        assertThat(CpeAuthenticator.hasCredentials(Optional.of("Basic"))).isFalse();
        assertThat(CpeAuthenticator.hasCredentials(Optional.of("Basic Og=="))).isFalse();
        assertThat(CpeAuthenticator.hasCredentials(Optional.of("Basic eDp5"))).isTrue();
        assertThat(CpeAuthenticator.hasCredentials(Optional.empty())).isFalse();
    }
}
