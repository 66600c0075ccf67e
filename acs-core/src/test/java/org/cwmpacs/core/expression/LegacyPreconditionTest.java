package org.cwmpacs.core.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Old JSON preconditions of a GenieACS database, turned into expressions as GenieACS turns them. */
class LegacyPreconditionTest {
    private static boolean holds(Map<String, ?> query, Map<String, Object> device) {
        return new Evaluator(device::get, 0).holds(LegacyPrecondition.convert(query));
    }

    @Test
    void tagsParametersAndOperators() {
        Map<String, Object> device = new HashMap<>(Map.of("Tags.office", true, "Tags.my0x20tag", true,
                "InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V2", "X.n", 5.0));
        assertThat(holds(Map.of("_tags", "office"), device)).isTrue();
        assertThat(holds(Map.of("_tags", "my tag"), device)).as("tags are encoded as GenieACS encodes them").isTrue();
        assertThat(holds(Map.of("_tags", Map.of("$ne", "office")), device)).isFalse();
        assertThat(holds(Map.of("Tags.lab", false), device)).isTrue();
        assertThat(holds(Map.of("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V2"), device)).isTrue();
        assertThat(holds(Map.of("InternetGatewayDevice.DeviceInfo.SoftwareVersion", Map.of("$ne", "V2")), device))
                .isFalse();
        assertThat(holds(Map.of("Missing.Param", Map.of("$ne", "V2")), device)).as("$ne holds when absent").isTrue();
        assertThat(holds(Map.of("X.n", Map.of("$gt", 3, "$lte", 5)), device)).isTrue();
        assertThat(holds(Map.of("$or", List.of(Map.of("X.n", 1), Map.of("_tags", "office"))), device)).isTrue();
        assertThat(holds(Map.of(), device)).as("empty: every device").isTrue();
    }

    @Test
    void whatGenieAcsRefusesIsRefusedNamingIt() {
        assertThatThrownBy(() -> LegacyPrecondition.convert(Map.of("$where", "1"))).hasMessageContaining("$where");
        assertThatThrownBy(() -> LegacyPrecondition.convert(Map.of("a", Map.of("$regex", "x"))))
                .hasMessageContaining("$regex");
        assertThatThrownBy(() -> LegacyPrecondition.convert(Map.of("_tags", 5))).hasMessageContaining("_tags");
    }

    @Test
    void tagNamesRoundTrip() {
        for (String tag : List.of("office", "my tag", "a.b", "0x41", "ünï", "x(1)!")) {
            assertThat(TagNames.decode(TagNames.encode(tag))).isEqualTo(tag);
        }
        assertThat(TagNames.encode("my tag")).isEqualTo("my0x20tag");
        assertThat(TagNames.encode("a.b")).isEqualTo("a0x2Eb");
        assertThat(TagNames.encode("0x41")).isEqualTo("00x7841");
    }
}
