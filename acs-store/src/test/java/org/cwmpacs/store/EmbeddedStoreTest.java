package org.cwmpacs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.soap.message.DeviceIdStruct;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded store, and what only it does: persistence in its own files. */
class EmbeddedStoreTest extends StoreContractTest {
    @TempDir
    Path dataDir;
    private EmbeddedStore store;

    @BeforeEach
    void start() {
        store = EmbeddedStore.open(dataDir, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Override
    EmbeddedStore store() {
        return store;
    }

    @Override
    Document raw(String collection, Object id) {
        return store.engine().table(collection).get(id).orElse(null);
    }

    @Override
    long rawCount(String collection) {
        return store.engine().table(collection).count();
    }

    @Override
    long storedContents() {
        try (Stream<Path> files = Files.list(dataDir.resolve(EmbeddedStore.FILES_DIR))) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    long contentsOf(long length) {
        return 1;
    }

    private static DeviceInform inform(String serial, String version, Instant at, String... events) {
        return new DeviceInform("00AABB-Box-" + serial, new DeviceIdStruct("V", "00AABB", "Box", serial),
                List.of(events), List.of(ParameterValueStruct.ofString("Device.DeviceInfo.SoftwareVersion", version)), at);
    }

    @Test
    void unchangedInformValuesGetTheirTimestampsRewrittenAtMostEveryRefreshInterval() throws Exception {
        store.close();
        store = EmbeddedStore.open(dataDir, Duration.ofSeconds(60));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        String sw = "Device.DeviceInfo.SoftwareVersion";
        for (int s = 0; s <= 90; s += 30) {
            store.devices().recordInform(inform("R", "1.0", t0.plusSeconds(s), "2 PERIODIC")).get();
        }
        var device = store.devices().find("00AABB-Box-R").orElseThrow();
        assertThat(device.lastInform()).contains(t0.plusSeconds(90));
        assertThat(device.parameter(sw).orElseThrow().timestamp()).as("written at 0 and 60, not at 30 and 90")
                .contains(t0.plusSeconds(60));
        // a changed value is written at once, with its timestamp
        store.devices().recordInform(inform("R", "2.0", t0.plusSeconds(95), "2 PERIODIC")).get();
        var changed = store.devices().find("00AABB-Box-R").orElseThrow().parameter(sw).orElseThrow();
        assertThat(changed.value()).contains("2.0");
        assertThat(changed.timestamp()).contains(t0.plusSeconds(95));
    }

    @Test
    void everythingSurvivesARestartOnTheSameDataDirectory() throws Exception {
        store.devices().recordInform(inform("P1", "V5", Instant.now(), "0 BOOTSTRAP")).get();
        var task = store.tasks().queue("00AABB-Box-P1", Map.of("name", "reboot"), Instant.now());
        var upload = store.fileStore().upload("fw.bin", Map.of("fileType", "1 Firmware Upgrade Image"));
        upload.write(new byte[] {1, 2, 3}, 0, 3);
        upload.commit();
        store.documents().replace("presets", "p", Map.of("weight", 3));
        stop();
        start();
        assertThat(store.devices().find("00AABB-Box-P1").orElseThrow().value("Device.DeviceInfo.SoftwareVersion"))
                .contains("V5");
        assertThat(store.tasks().find(task.id())).isPresent();
        assertThat(store.fileStore().open("fw.bin", 1).readAllBytes()).containsExactly(2, 3);
        assertThat(store.documents().count("presets", Map.of())).isOne();
        assertThat(dataDir.resolve(EmbeddedStore.STORE_DIR).resolve("MANIFEST")).exists();
    }

    @Test
    void aDeviceWithoutTasksIsAnsweredWithoutReadingTheStore() throws Exception {
        Instant now = Instant.now();
        store.tasks().queue("HAS", new java.util.HashMap<>(Map.of("name", "reboot")), now);
        // the index of tasks by device answers from memory: the answer for the others is ready at once
        assertThat(store.tasks().due("NONE", now).isDone()).isTrue();
        assertThat(store.operations().forDevice("NONE").isDone()).isTrue();
        assertThat(store.faults().forDevice("NONE").isDone()).isTrue();
        assertThat(store.tasks().due("HAS", now.plusMillis(1)).get()).hasSize(1);
    }

    @Test
    void anUploadCutShortByACrashLeavesNothingThatBlocksTheName() throws Exception {
        var first = store.fileStore().upload("fw.bin", Map.of());
        first.write(new byte[] {1}, 0, 1);
        first.commit();
        // a crash mid-upload: the partial file stays behind, never named by the store
        var interrupted = store.fileStore().upload("fw.bin", Map.of());
        interrupted.write(new byte[1000], 0, 1000);
        stop();
        try (Stream<Path> partial = Files.list(dataDir.resolve(EmbeddedStore.FILES_DIR).resolve("tmp"))) {
            assertThat(partial.count()).isOne();
        }
        start();
        try (Stream<Path> partial = Files.list(dataDir.resolve(EmbeddedStore.FILES_DIR).resolve("tmp"))) {
            assertThat(partial.count()).as("removed at start-up").isZero();
        }
        assertThat(store.fileStore().open("fw.bin", 0).readAllBytes()).containsExactly(1);
        var again = store.fileStore().upload("fw.bin", Map.of());
        again.write(new byte[] {7, 7}, 0, 2);
        again.commit();
        assertThat(store.fileStore().open("fw.bin", 0).readAllBytes()).containsExactly(7, 7);
        assertThat(storedContents()).isOne();
    }
}
