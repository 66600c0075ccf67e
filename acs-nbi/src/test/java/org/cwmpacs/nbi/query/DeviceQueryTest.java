package org.cwmpacs.nbi.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DeviceQueryTest {
    private static final String SW = "InternetGatewayDevice.DeviceInfo.SoftwareVersion";

    @SuppressWarnings("unchecked")
    private static List<Object> or(Map<String, Object> expanded) {
        List<Object> and = (List<Object>) expanded.get("$and");
        return (List<Object>) ((Map<String, Object>) and.get(0)).get("$or");
    }

    @Test
    void parametersMatchTheirValueAndAttributesStayAsWritten() throws Exception {
        assertThat(DeviceQuery.expand(Map.of(SW, true))).isEqualTo(Map.of(SW + "._value", true));
        assertThat(DeviceQuery.expand(Map.of("_id", 5))).isEqualTo(Map.of("_id", 5));
        assertThat(DeviceQuery.expand(Map.of(SW + "._timestamp", 5))).isEqualTo(Map.of(SW + "._timestamp", 5));
        assertThat(DeviceQuery.expand(Map.of("_deviceId._SerialNumber", 5)))
                .isEqualTo(Map.of("_deviceId._SerialNumber", 5));
    }

    @Test
    void aPlainStringStaysOneCondition() throws Exception {
        assertThat(DeviceQuery.expand(Map.of("_tags", "lab"))).isEqualTo(Map.of("_tags", "lab"));
    }

    @Test
    void aNumericStringAlsoMatchesTheNumber() throws Exception {
        assertThat(or(DeviceQuery.expand(Map.of(SW, "600")))).containsExactly(Map.of(SW + "._value", "600"),
                Map.of(SW + "._value", 600));
        assertThat(or(DeviceQuery.expand(Map.of(SW, "1.5")))).contains(Map.of(SW + "._value", 1.5));
        assertThat(or(DeviceQuery.expand(Map.of(SW, "4294967296")))).contains(Map.of(SW + "._value", 4294967296L));
    }

    @Test
    void aDateStringAlsoMatchesTheDate() throws Exception {
        Map<String, Object> expanded = DeviceQuery.expand(Map.of("_lastInform",
                Map.of("$lt", "2017-12-11 13:16:23 +0000")));
        assertThat(or(expanded)).containsExactly(Map.of("_lastInform", Map.of("$lt", "2017-12-11 13:16:23 +0000")),
                Map.of("_lastInform", Map.of("$lt", Instant.parse("2017-12-11T13:16:23Z"))));
        assertThat(Operands.date("2017-12-11T13:16:23.5+01:00")).contains(Instant.parse("2017-12-11T12:16:23.500Z"));
        assertThat(Operands.date("Mon, 11 Dec 2017 13:16:23 GMT")).contains(Instant.parse("2017-12-11T13:16:23Z"));
        assertThat(Operands.alternatives("1983-01-01", false)).as("GenieACS's floor: no dates before 1984")
                .containsExactly("1983-01-01");
        assertThat(Operands.alternatives("2017", false)).as("too short for a date").containsExactly("2017", 2017);
    }

    @Test
    void wildcardsAndRegularExpressionsMatchOnlyWhereMongoDbMatchesPatterns() throws Exception {
        List<Object> alternatives = or(DeviceQuery.expand(Map.of(SW, "V1.*")));
        assertThat(alternatives).hasSize(2);
        Pattern wildcard = (Pattern) ((Map<?, ?>) alternatives.get(1)).get(SW + "._value");
        assertThat(wildcard.matcher("V1.2.3").find()).isTrue();
        assertThat(wildcard.matcher("V1x2").find()).as("the dot is literal").isFalse();
        assertThat(wildcard.matcher("xV1.2").find()).as("anchored at the start").isFalse();
        Pattern middle = Operands.wildcard("a*b*c");
        assertThat(middle.matcher("aXXbYc").matches()).isTrue();
        assertThat(middle.matcher("aXXbYcd").find()).isFalse();
        assertThat(Operands.wildcard("*end").matcher("the end").find()).isTrue();

        Pattern regex = (Pattern) ((Map<?, ?>) or(DeviceQuery.expand(Map.of(SW, "/^v2/i"))).get(1)).get(SW + "._value");
        assertThat(regex.matcher("V2.0").find()).isTrue();
        assertThat(DeviceQuery.expand(Map.of(SW, Map.of("$gt", "V1*")))).as("no pattern where it would be compared")
                .isEqualTo(Map.of(SW + "._value", Map.of("$gt", "V1*")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsGatherEveryMeaningOfEveryItem() throws Exception {
        Map<String, Object> expanded = DeviceQuery.expand(Map.of(SW, Map.of("$in", List.of("300", "a*"))));
        List<Object> in = (List<Object>) ((Map<String, Object>) expanded.get(SW + "._value")).get("$in");
        assertThat(in).hasSize(4).contains("300", 300, "a*");
        assertThat(in.get(3)).isInstanceOf(Pattern.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void negationsMustHoldForEveryMeaning() throws Exception {
        Map<String, Object> expanded = DeviceQuery.expand(Map.of(SW, Map.of("$ne", "600")));
        assertThat((List<Object>) expanded.get("$and")).containsExactly(Map.of(SW + "._value", Map.of("$ne", "600")),
                Map.of(SW + "._value", Map.of("$ne", 600)));
        assertThatThrownBy(() -> DeviceQuery.expand(Map.of(SW, Map.of("$ne", "600", "$gt", 1))))
                .isInstanceOf(InvalidQuery.class).hasMessageContaining("$ne");
    }

    @Test
    @SuppressWarnings("unchecked")
    void logicalOperatorsAreExpandedInside() throws Exception {
        Map<String, Object> expanded = DeviceQuery.expand(Map.of("$or", List.of(Map.of(SW, true), Map.of("_id", "x"))));
        assertThat((List<Object>) expanded.get("$or")).containsExactly(Map.of(SW + "._value", true),
                Map.of("_id", "x"));
        assertThatThrownBy(() -> DeviceQuery.expand(Map.of("$or", "x"))).isInstanceOf(InvalidQuery.class)
                .hasMessageContaining("list");
        assertThatThrownBy(() -> DeviceQuery.expand(Map.of("$where", "1"))).isInstanceOf(InvalidQuery.class);
        assertThatThrownBy(() -> Filters.checkSafe(Map.of("$and", List.of(Map.of("$where", "sleep(1)")))))
                .isInstanceOf(InvalidQuery.class).hasMessageContaining("$where");
    }

    @Test
    void projectionsDropPathsInsideOthersAndSortsTakeValues() throws Exception {
        assertThat(ResultShape.projection("a.b, a ,c,,a.b.c,c")).containsExactly("a", "c");
        assertThat(ResultShape.sort(Map.of(SW, -1), true)).isEqualTo(Map.of(SW + "._value", -1));
        assertThat(ResultShape.sort(Map.of("_lastInform", 1), true)).isEqualTo(Map.of("_lastInform", 1));
        assertThat(ResultShape.sort(Map.of("timestamp", 1), false)).isEqualTo(Map.of("timestamp", 1));
        assertThatThrownBy(() -> ResultShape.sort(Map.of("x", 2), true)).isInstanceOf(InvalidQuery.class);
    }

    @Test
    void taskAndFaultFieldsAreTyped() throws Exception {
        assertThat(TypedFields.apply(Map.of("timestamp", Map.of("$lt", 1000)), TypedFields.of("tasks")))
                .isEqualTo(Map.of("timestamp", Map.of("$lt", Instant.ofEpochMilli(1000))));
        assertThat(TypedFields.apply(Map.of("retries", "3"), TypedFields.of("faults"))).isEqualTo(Map.of("retries", 3));
        assertThat(TypedFields.apply(Map.of("retries", "3"), TypedFields.of("presets"))).isEqualTo(Map.of("retries", "3"));
        assertThatThrownBy(() -> TypedFields.apply(Map.of("timestamp", Map.of("$regex", "x")), TypedFields.of("tasks")))
                .isInstanceOf(InvalidQuery.class);
    }
}
