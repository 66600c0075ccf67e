package org.cwmpacs.core.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.Values;
import org.junit.jupiter.api.Test;

/** A GenieACS database's presets, read as GenieACS reads them, and which of them apply to a session. */
class PresetsTest {
    /** JSON as the store hands it over; a tiny reader is enough for these preconditions. */
    private static final Function<String, Object> JSON = text -> {
        if (text.equals("{\"_tags\":\"test\"}")) {
            return Map.of("_tags", "test");
        }
        throw new IllegalArgumentException("not JSON: " + text);
    };

    private static Map<String, Object> doc(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Preset read(Map<String, Object> doc) {
        return Presets.read(doc, JSON, Map.of());
    }

    @Test
    void genieAcsWizardPresets() {
        Preset bootstrap = read(doc("_id", "bootstrap", "weight", 0, "channel", "bootstrap", "events",
                Map.of("0 BOOTSTRAP", true), "precondition", "", "configurations",
                List.of(Map.of("type", "provision", "name", "bootstrap"))));
        Preset inform = read(doc("_id", "inform", "weight", 0, "channel", "inform", "events", Map.of("Inform", true),
                "configurations", List.of(Map.of("type", "provision", "name", "inform"))));
        Preset defaults = read(doc("_id", "default", "weight", 0, "channel", "", "configurations",
                List.of(Map.of("type", "provision", "name", "default"))));
        assertThat(defaults.channel()).isEqualTo("default");
        assertThat(bootstrap.events()).containsEntry("0_BOOTSTRAP", true);
        assertThat(bootstrap.provisions()).containsExactly(new Preset.Provision("bootstrap", List.of()));
        List<Preset> all = List.of(inform, bootstrap, defaults);
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        assertThat(Presets.applicable(all, Set.of("Inform", "2_PERIODIC"), now, c -> true))
                .extracting(Preset::id).containsExactly("default", "inform");
        assertThat(Presets.applicable(all, Set.of("Inform", "0_BOOTSTRAP", "1_BOOT"), now, c -> true))
                .extracting(Preset::id).containsExactly("bootstrap", "default", "inform");
        assertThat(Presets.applicable(all, Set.of("Inform"), now, c -> !c.equals("inform")))
                .as("a faulted channel is held back").extracting(Preset::id).containsExactly("default");
    }

    @Test
    void weightOrdersThenIdAndAFalseEventMustBeAbsent() {
        Preset heavy = read(doc("_id", "a", "weight", 10, "events", Map.of("1 BOOT", false)));
        Preset light = read(doc("_id", "z", "weight", -1));
        Preset same = read(doc("_id", "b", "weight", 10));
        Instant now = Instant.now();
        assertThat(Presets.applicable(List.of(heavy, light, same), Set.of("Inform"), now, c -> true))
                .extracting(Preset::id).containsExactly("z", "a", "b");
        assertThat(Presets.applicable(List.of(heavy), Set.of("Inform", "1_BOOT"), now, c -> true)).isEmpty();
    }

    @Test
    void preconditionsInBothForms() {
        Preset expression = read(doc("_id", "p", "precondition",
                "DeviceID.ProductClass = \"HG8245H\" AND Tags.test IS NOT NULL"));
        Preset legacy = read(doc("_id", "q", "precondition", "{\"_tags\":\"test\"}"));
        Map<String, Object> device = Map.of("DeviceID.ProductClass", "HG8245H", "Tags.test", true);
        Evaluator evaluator = new Evaluator(p -> device.getOrDefault(p, Values.NULL), 0);
        assertThat(evaluator.holds(expression.precondition())).isTrue();
        assertThat(evaluator.holds(legacy.precondition())).isTrue();
        assertThatThrownBy(() -> read(doc("_id", "bad", "precondition", "a = = b")))
                .isInstanceOf(Presets.InvalidPreset.class).hasMessageContaining("preset bad")
                .hasMessageContaining("neither an expression");
    }

    @Test
    void schedules() {
        Preset weekdayMornings = read(doc("_id", "s", "schedule", "3600 0 3 * * 1-5"));
        Preset.Schedule schedule = weekdayMornings.schedule().orElseThrow();
        assertThat(schedule.active(Instant.parse("2026-12-02T03:30:00Z"))).as("Wednesday 03:30").isTrue();
        assertThat(schedule.active(Instant.parse("2026-12-02T04:00:00Z"))).as("the hour is over").isFalse();
        assertThat(schedule.active(Instant.parse("2026-12-05T03:30:00Z"))).as("Saturday").isFalse();
        Preset broken = read(doc("_id", "t", "schedule", "soon 0 3 * * *"));
        assertThat(broken.schedule().orElseThrow().problem()).hasValueSatisfying(p -> assertThat(p).contains("soon"));
        assertThat(Presets.applicable(List.of(broken), Set.of("Inform"), Instant.now(), c -> true))
                .as("an unreadable schedule never applies").isEmpty();
    }

    @Test
    void legacyConfigurationsBecomeProvisions() {
        Map<String, Map<String, ?>> objects = Map.of("wan", Map.of("_id", "wan", "_keys", List.of("Name"),
                "Name", "internet", "Enable", true));
        Preset legacy = Presets.read(doc("_id", "old", "configurations", List.of(
                Map.of("type", "value", "name", "A.B", "value", "x"),
                Map.of("type", "age", "name", "A.C", "age", "3600"),
                Map.of("type", "add_tag", "tag", "t"),
                Map.of("type", "delete_tag", "tag", "u"),
                Map.of("type", "provision", "name", "mine", "args", List.of("a", 2, List.of("PARAM", "DeviceID.ID"),
                        List.of("FUNC", "NOW"))),
                Map.of("type", "add_object", "name", "WAN", "object", "wan"))), JSON, objects);
        List<Preset.Provision> p = legacy.provisions();
        assertThat(p.get(0)).isEqualTo(new Preset.Provision("value", List.of(new Expr.Lit("A.B"), new Expr.Lit("x"))));
        assertThat(p.get(1)).isEqualTo(new Preset.Provision("refresh", List.of(new Expr.Lit("A.C"),
                new Expr.Lit(3600.0))));
        assertThat(p.get(2).args()).containsExactly(new Expr.Lit("t"), new Expr.Lit(true));
        assertThat(p.get(3).args()).containsExactly(new Expr.Lit("u"), new Expr.Lit(false));
        assertThat(p.get(4).name()).isEqualTo("mine");
        assertThat(p.get(4).args()).containsExactly(new Expr.Lit("a"), new Expr.Lit(2.0),
                new Expr.Param(new Expr.Lit("DeviceID.ID")), new Expr.Fn("NOW", List.of()));
        assertThat(p.get(5)).isEqualTo(new Preset.Provision("instances", List.of(
                new Expr.Lit("WAN.[Name:\"internet\"]"), new Expr.Lit(1.0))));
        assertThat(p.get(6)).isEqualTo(new Preset.Provision("value", List.of(
                new Expr.Lit("WAN.[Name:\"internet\"].Enable"), new Expr.Lit(true))));
        assertThatThrownBy(() -> read(doc("_id", "x", "configurations", List.of(Map.of("type", "teleport")))))
                .hasMessageContaining("unknown configuration type \"teleport\"");
    }
}
