package org.cwmpacs.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Device ids exactly as GenieACS makes them, so that an existing GenieACS database keeps matching. */
class DeviceIdTest {
    @Test
    void genieAcsDocumentedExample() {
        assertThat(DeviceId.of("00236a", "96318REF", "SR360NA0A4-0003196")).isEqualTo("00236a-96318REF-SR360NA0A4%2D0003196");
    }

    @Test
    void withoutProductClassTheIdHasTwoParts() {
        assertThat(DeviceId.of("202BC1", "", "8KA8WA1151100043")).isEqualTo("202BC1-8KA8WA1151100043");
    }

    @Test
    void everythingOutsideLettersDigitsAndUnderscoreIsEscapedByUtf8Byte() {
        assertThat(DeviceId.of("00AABB", "EC220 G5/v3", "S/N:1_2")).isEqualTo("00AABB-EC220%20G5%2Fv3-S%2FN%3A1_2");
        assertThat(DeviceId.of("00AABB", "Café", "1")).isEqualTo("00AABB-Caf%C3%A9-1");
        assertThat(DeviceId.of("00AABB", "a.b", "%")).isEqualTo("00AABB-a%2Eb-%25");
    }
}
