package org.cwmpacs.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Values are stored with the BSON types GenieACS gives them. */
class ParameterValuesTest {
    @Test
    void numbersBooleansAndDatesAreTyped() {
        assertThat(ParameterValues.typed("300", "xsd:unsignedInt")).isEqualTo(300);
        assertThat(ParameterValues.typed("-5", "xsd:int")).isEqualTo(-5);
        assertThat(ParameterValues.typed("4294967295", "xsd:unsignedInt")).isEqualTo(4294967295.0);
        assertThat(ParameterValues.typed("1", "xsd:boolean")).isEqualTo(true);
        assertThat(ParameterValues.typed("2026-01-01T00:00:00Z", "xsd:dateTime"))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(ParameterValues.typed("abc", "xsd:unsignedInt")).as("not a number: kept as text").isEqualTo("abc");
        assertThat(ParameterValues.typed("12", "xsd:long")).as("GenieACS keeps long as text").isEqualTo("12");
    }

    @Test
    void desiredValuesCompareAsTheirType() {
        assertThat(ParameterValues.sameValue(true, true, "xsd:boolean")).isTrue();
        assertThat(ParameterValues.sameValue("1", true, "xsd:boolean")).isTrue();
        assertThat(ParameterValues.sameValue(300L, 300, "xsd:unsignedInt")).isTrue();
        assertThat(ParameterValues.sameValue(301L, 300, "xsd:unsignedInt")).isFalse();
        assertThat(ParameterValues.sameValue("a", "b", "xsd:string")).isFalse();
    }
}
