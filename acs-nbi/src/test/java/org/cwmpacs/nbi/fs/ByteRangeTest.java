package org.cwmpacs.nbi.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static ByteRange.Outcome of(String header) {
        return ByteRange.of(Optional.ofNullable(header), 1000);
    }

    @Test
    void theThreeFormsOfOneRange() {
        assertThat(of("bytes=0-99")).isEqualTo(new ByteRange.Partial(new ByteRange(0, 99)));
        assertThat(of("bytes=900-")).isEqualTo(new ByteRange.Partial(new ByteRange(900, 999)));
        assertThat(of("bytes=-100")).isEqualTo(new ByteRange.Partial(new ByteRange(900, 999)));
        assertThat(of("bytes=-5000")).isEqualTo(new ByteRange.Partial(new ByteRange(0, 999)));
        assertThat(of("bytes=990-5000")).as("cut to the file").isEqualTo(new ByteRange.Partial(new ByteRange(990, 999)));
    }

    @Test
    void whatCannotBeServed() {
        assertThat(of(null)).isEqualTo(new ByteRange.Whole());
        assertThat(of("bytes=0-1,5-6")).as("several ranges: the whole file").isEqualTo(new ByteRange.Whole());
        assertThat(of("bytes=1000-")).isEqualTo(new ByteRange.Unsatisfiable());
        assertThat(of("bytes=-0")).isEqualTo(new ByteRange.Unsatisfiable());
        // RFC 9110 §14.2: an invalid range or an unknown unit is ignored, not refused
        assertThat(of("bytes=50-10")).isEqualTo(new ByteRange.Whole());
        assertThat(of("bytes=-")).isEqualTo(new ByteRange.Whole());
        assertThat(of("bytes=abc")).isEqualTo(new ByteRange.Whole());
        assertThat(of("items=0-1")).isEqualTo(new ByteRange.Whole());
        assertThat(of("bytes=99999999999999999999-")).isEqualTo(new ByteRange.Unsatisfiable());
    }

    @Test
    void entityTagsQuotedOrNotWeakOrStrong() {
        assertThat(Conditions.matches("\"abc\"", "abc")).isTrue();
        assertThat(Conditions.matches("\"abc\"", "W/\"abc\", \"def\"")).isTrue();
        assertThat(Conditions.matches("\"abc\"", "*")).isTrue();
        assertThat(Conditions.matches("\"abc\"", "\"abd\"")).isFalse();
    }
}
