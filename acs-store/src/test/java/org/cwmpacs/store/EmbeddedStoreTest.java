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
        store = MongoStore.connect(embedded.connectionString(), true);
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
}
