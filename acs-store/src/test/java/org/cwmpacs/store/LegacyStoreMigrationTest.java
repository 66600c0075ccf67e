package org.cwmpacs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory of the earlier embedded store (one H2 file) is migrated at start-up, once. */
class LegacyStoreMigrationTest {
    @TempDir
    Path dataDir;

    /** Writes a data file as the earlier versions did: MongoDB's wire protocol onto H2. */
    private void writeLegacyStore(byte[] firmware) {
        MVStore mv = new MVStore.Builder().fileName(dataDir.resolve(LegacyStoreMigration.LEGACY_FILE).toString()).open();
        MongoServer server = new MongoServer(new H2Backend(mv));
        String url = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(url)) {
            MongoDatabase db = client.getDatabase("genieacs");
            db.getCollection("devices").insertOne(new Document("_id", "202BC1-BM632w-OLD")
                    .append("_lastInform", new Date(1_000))
                    .append("_deviceId", new Document("_OUI", "202BC1").append("_ProductClass", "BM632w")
                            .append("_SerialNumber", "OLD").append("_Manufacturer", "Broadcom"))
                    .append("InternetGatewayDevice", new Document("DeviceInfo", new Document("SoftwareVersion",
                            new Document("_value", "V9").append("_type", "xsd:string")))));
            ObjectId task = new ObjectId();
            db.getCollection("tasks").insertOne(new Document("_id", task).append("device", "202BC1-BM632w-OLD")
                    .append("name", "reboot").append("timestamp", new Date(2_000)));
            db.getCollection("presets").insertOne(new Document("_id", "inform").append("weight", 0));
            GridFSBucket bucket = GridFSBuckets.create(db, "fs");
            bucket.uploadFromStream(new BsonString("fw.bin"), "fw.bin", new ByteArrayInputStream(firmware),
                    new GridFSUploadOptions().chunkSizeBytes(1000).metadata(new Document("fileType",
                            "1 Firmware Upgrade Image")));
        } finally {
            server.shutdown();
        }
    }

    @Test
    void theOldFileIsMigratedOnceAndKeptAside() throws Exception {
        byte[] firmware = new byte[10_500];
        new java.util.Random(3).nextBytes(firmware);
        writeLegacyStore(firmware);
        try (EmbeddedStore store = EmbeddedStore.open(dataDir, Duration.ZERO)) {
            assertThat(store.devices().find("202BC1-BM632w-OLD").orElseThrow()
                    .value("InternetGatewayDevice.DeviceInfo.SoftwareVersion")).contains("V9");
            assertThat(store.tasks().due("202BC1-BM632w-OLD", Instant.now()).get()).singleElement()
                    .satisfies(t -> assertThat(t.name()).isEqualTo("reboot"));
            assertThat(store.documents().count("presets", Map.of())).isOne();
            assertThat(store.fileStore().info("fw.bin").orElseThrow().metadata("fileType"))
                    .contains("1 Firmware Upgrade Image");
            assertThat(store.fileStore().open("fw.bin", 0).readAllBytes()).isEqualTo(firmware);
            // and the migrated store takes writes
            store.documents().replace("presets", "second", Map.of("weight", 1));
        }
        assertThat(dataDir.resolve(LegacyStoreMigration.LEGACY_FILE)).doesNotExist();
        assertThat(dataDir.resolve(LegacyStoreMigration.LEGACY_FILE + ".migrated")).exists();
        try (EmbeddedStore again = EmbeddedStore.open(dataDir, Duration.ZERO)) {
            assertThat(again.documents().count("presets", Map.of())).isEqualTo(2);
        }
    }

    @Test
    void anUnreadableOldFileStopsTheStartWithWhatToDo() throws Exception {
        Files.write(dataDir.resolve(LegacyStoreMigration.LEGACY_FILE), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> EmbeddedStore.open(dataDir, Duration.ZERO)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot migrate").hasMessageContaining("move that file out of");
        assertThat(dataDir.resolve(EmbeddedStore.STORE_DIR)).doesNotExist();
    }
}
