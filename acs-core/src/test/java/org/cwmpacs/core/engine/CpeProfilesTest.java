package org.cwmpacs.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.cwmpacs.core.store.ProfileMemory;
import org.junit.jupiter.api.Test;

/** What kinds of CPE taught, kept across restarts, and ACS_PARTIAL_PATHS=off over it. */
class CpeProfilesTest {
    /** A memory in a map, as the store keeps it. */
    private static final class MapMemory implements ProfileMemory {
        final Map<String, String> saved = new ConcurrentHashMap<>();

        @Override
        public CompletableFuture<Optional<String>> load(String kind) {
            return CompletableFuture.completedFuture(Optional.ofNullable(saved.get(kind)));
        }

        @Override
        public void save(String kind, String profile) {
            saved.put(kind, profile);
        }
    }

    @Test
    void whatAKindTaughtIsReadBackByTheNextProcess() {
        MapMemory memory = new MapMemory();
        CpeProfile first = new CpeProfiles(127, memory).of("00AABB", "Box").join();
        first.partialPaths = false;
        first.changed();
        assertThat(new CpeProfiles(127, memory).of("00AABB", "Box").join().partialPaths()).isFalse();
    }

    @Test
    void partialPathsOffAsksByNameWithoutOverwritingWhatTheKindTaught() {
        MapMemory memory = new MapMemory();
        memory.save("00AABB-Box", "maxValues=500;partialPaths=true;maxSetEntries=127;rootListingRefused=false");
        CpeProfile off = new CpeProfiles(127, memory, false).of("00AABB", "Box").join();
        assertThat(off.partialPaths()).as("names only").isFalse();
        off.maxSetEntries = 60;
        off.changed();
        assertThat(memory.saved.get("00AABB-Box")).contains("partialPaths=true").contains("maxSetEntries=60");
        assertThat(new CpeProfiles(127, memory, true).of("00AABB", "Box").join().partialPaths())
                .as("with partial paths allowed again, the kind uses them").isTrue();
    }
}
