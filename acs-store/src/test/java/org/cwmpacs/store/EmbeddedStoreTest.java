package org.cwmpacs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.soap.message.DeviceIdStruct;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded MongoDB-wire server with its H2 file, and persistence across restarts. */
class EmbeddedStoreTest extends StoreContractTest {
    @TempDir
    Path dataDir;
    private EmbeddedMongo embedded;
    private MongoStore store;

    @BeforeEach
    void start() {
        embedded = EmbeddedMongo.start(dataDir, 64);
        store = MongoStore.connect(embedded.connectionString(), true, java.time.Duration.ZERO);
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    MongoStore store() {
        return store;
    }

    @Test
    void unchangedInformValuesGetTheirTimestampsRewrittenAtMostEveryRefreshInterval() throws Exception {
        store.close();
        store = MongoStore.connect(embedded.connectionString(), true, java.time.Duration.ofSeconds(60));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        String sw = "Device.DeviceInfo.SoftwareVersion";
        for (int s = 0; s <= 90; s += 30) {
            store.devices().recordInform(new DeviceInform("00AABB-Box-R", new DeviceIdStruct("V", "00AABB", "Box", "R"),
                    List.of("2 PERIODIC"), List.of(ParameterValueStruct.ofString(sw, "1.0")), t0.plusSeconds(s))).get();
        }
        var device = store.devices().find("00AABB-Box-R").orElseThrow();
        assertThat(device.lastInform()).contains(t0.plusSeconds(90));
        assertThat(device.parameter(sw).orElseThrow().timestamp()).as("written at 0 and 60, not at 30 and 90")
                .contains(t0.plusSeconds(60));
        // a changed value is written at once, with its timestamp
        store.devices().recordInform(new DeviceInform("00AABB-Box-R", new DeviceIdStruct("V", "00AABB", "Box", "R"),
                List.of("2 PERIODIC"), List.of(ParameterValueStruct.ofString(sw, "2.0")), t0.plusSeconds(95))).get();
        var changed = store.devices().find("00AABB-Box-R").orElseThrow().parameter(sw).orElseThrow();
        assertThat(changed.value()).contains("2.0");
        assertThat(changed.timestamp()).contains(t0.plusSeconds(95));
    }

    @Test
    void devicesSurviveARestartOnTheSameDataDirectory() throws Exception {
        store.devices().recordInform(new DeviceInform("00259E-EG8145V5-P1", new DeviceIdStruct("Huawei", "00259E",
                "EG8145V5", "P1"), List.of("0 BOOTSTRAP"), List.of(ParameterValueStruct.ofString(
                "InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V5")), Instant.now())).get();
        stop();
        start();
        assertThat(store.devices().find("00259E-EG8145V5-P1").orElseThrow()
                .value("InternetGatewayDevice.DeviceInfo.SoftwareVersion")).contains("V5");
        assertThat(dataDir.resolve(EmbeddedMongo.FILE_NAME)).exists();
    }

    @Test
    void aDeviceWithoutTasksIsAnsweredWithoutReadingTheStore() throws Exception {
        Instant now = Instant.now();
        store.tasks().queue("HAS", new java.util.HashMap<>(java.util.Map.of("name", "reboot")), now);
        // the sole writer knows which devices have tasks: the answer for the others is ready at once
        assertThat(store.tasks().due("NONE", now).isDone()).isTrue();
        assertThat(store.tasks().due("HAS", now.plusMillis(1)).get()).hasSize(1);
    }
}
