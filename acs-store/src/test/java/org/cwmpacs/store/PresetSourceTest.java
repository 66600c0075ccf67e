package org.cwmpacs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.cwmpacs.core.preset.Preset;
import org.cwmpacs.core.preset.PresetSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presets read from the store as the NBI wrote them, and read again once the refresh interval has passed. */
class PresetSourceTest {
    @TempDir
    Path dataDir;
    private EmbeddedStore store;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @BeforeEach
    void open() throws Exception {
        store = EmbeddedStore.open(dataDir, Duration.ZERO);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void presetsAreReadAndAnEditIsSeenAfterTheRefreshInterval() throws Exception {
        store.documents().replace("presets", "inform", Map.of("weight", 0, "channel", "inform",
                "events", Map.of("Inform", true), "configurations", List.of(Map.of("type", "provision",
                        "name", "inform"))));
        store.documents().replace("presets", "legacy", Map.of("weight", 1,
                "precondition", "{\"_tags\": \"test\"}", "configurations", List.of(Map.of("type", "add_object",
                        "name", "WAN", "object", "wan"))));
        store.documents().replace("objects", "wan", Map.of("_keys", List.of("Name"), "Name", "internet"));
        store.documents().replace("presets", "broken", Map.of("precondition", "a = = b"));
        PresetSource source = new PresetSource(store.documents(), Document::parse, clock, Duration.ofSeconds(5),
                Executors.newSingleThreadExecutor());

        PresetSource.Snapshot first = source.snapshot().get();
        assertThat(first.presets()).extracting(Preset::id).containsExactlyInAnyOrder("inform", "legacy");
        assertThat(first.problems()).containsOnlyKeys("broken");
        assertThat(first.problems().get("broken")).contains("neither an expression");
        Preset legacy = first.presets().stream().filter(p -> p.id().equals("legacy")).findFirst().orElseThrow();
        assertThat(legacy.provisions().get(0).name()).isEqualTo("instances");

        // an edit: not seen within the interval, seen after it
        store.documents().replace("presets", "inform", Map.of("weight", 0, "channel", "changed"));
        assertThat(source.snapshot().get()).isSameAs(first);
        now.set(now.get().plusSeconds(6));
        PresetSource.Snapshot stale = source.snapshot().get();
        assertThat(stale).as("served while the next is read").isSameAs(first);
        PresetSource.Snapshot next = null;
        for (int i = 0; i < 100 && (next == null || next == first); i++) {
            Thread.sleep(20);
            next = source.snapshot().get();
        }
        assertThat(next).isNotSameAs(first);
        assertThat(next.presets()).filteredOn(p -> p.id().equals("inform")).extracting(Preset::channel)
                .containsExactly("changed");

        // no session for a long while: the first one waits for the fresh read rather than see an old edit
        store.documents().replace("presets", "inform", Map.of("weight", 0, "channel", "latest"));
        now.set(now.get().plusSeconds(60));
        assertThat(source.snapshot().get().presets()).filteredOn(p -> p.id().equals("inform"))
                .extracting(Preset::channel).containsExactly("latest");
    }
}
