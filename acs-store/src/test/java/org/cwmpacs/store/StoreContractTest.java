package org.cwmpacs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.store.DeviceStore.InformRecorded;
import org.cwmpacs.core.store.Stores;
import org.cwmpacs.soap.message.DeviceIdStruct;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.junit.jupiter.api.Test;

/**
 * What the ACS relies on from its store, the same for every store: the embedded store
 * ({@link EmbeddedStoreTest}), GenieACS's MongoDB over the wire ({@link MongoWireStoreTest}, an in-memory
 * server) and a real MongoDB where Docker exists ({@link RealMongoStoreTest}).
 */
abstract class StoreContractTest {
    abstract Stores store();

    /** A stored document as the database holds it (BSON types: dates, ObjectIds), or null. */
    abstract Document raw(String collection, Object id);

    /** How many documents a collection holds. */
    abstract long rawCount(String collection);

    /** How many pieces of file contents are stored (GridFS chunks, or content files). */
    abstract long storedContents();

    /** How many pieces of contents a file of this size takes. */
    abstract long contentsOf(long length);

    private static DeviceInform inform(String serial, Instant time, List<String> events, ParameterValueStruct... params) {
        return new DeviceInform("202BC1-BM632w-" + serial, new DeviceIdStruct("Broadcom", "202BC1", "BM632w", serial),
                events, List.of(params), time);
    }

    @Test
    void firstContactRegistersAndLaterInformsUpdate() throws Exception {
        Instant t1 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InformRecorded first = store().devices().recordInform(inform("A1", t1, List.of("0 BOOTSTRAP", "1 BOOT"),
                ParameterValueStruct.ofString("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V1"),
                new ParameterValueStruct("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", "300",
                        "xsd:unsignedInt"),
                new ParameterValueStruct("InternetGatewayDevice.ManagementServer.PeriodicInformEnable", "true",
                        "xsd:boolean"))).get();
        assertThat(first.newDevice()).isTrue();
        Document doc = raw("devices", "202BC1-BM632w-A1");
        assertThat(doc.get("_registered", Date.class)).isEqualTo(Date.from(t1));
        assertThat(doc.get("_lastInform", Date.class)).isEqualTo(Date.from(t1));
        assertThat(doc.get("_lastBoot", Date.class)).isEqualTo(Date.from(t1));
        assertThat(doc.get("_lastBootstrap", Date.class)).isEqualTo(Date.from(t1));
        assertThat(doc.get("_deviceId", Document.class)).containsEntry("_OUI", "202BC1")
                .containsEntry("_SerialNumber", "A1").containsEntry("_ProductClass", "BM632w")
                .containsEntry("_Manufacturer", "Broadcom");
        Document sw = doc.getEmbedded(List.of("InternetGatewayDevice", "DeviceInfo", "SoftwareVersion"), Document.class);
        assertThat(sw).containsEntry("_value", "V1").containsEntry("_type", "xsd:string")
                .containsEntry("_object", false).containsEntry("_timestamp", Date.from(t1));
        // a number, as GenieACS stores unsignedInt (the embedded store hands every integer back as a long)
        assertThat(doc.getEmbedded(List.of("InternetGatewayDevice", "ManagementServer", "PeriodicInformInterval",
                "_value"), Number.class).longValue()).isEqualTo(300L);
        assertThat(doc.getEmbedded(List.of("InternetGatewayDevice", "ManagementServer", "PeriodicInformEnable",
                "_value"), Object.class)).isEqualTo(true);

        Instant t2 = t1.plusSeconds(300);
        InformRecorded second = store().devices().recordInform(inform("A1", t2, List.of("2 PERIODIC"),
                ParameterValueStruct.ofString("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V2"))).get();
        assertThat(second.newDevice()).isFalse();
        Device device = store().devices().find("202BC1-BM632w-A1").orElseThrow();
        assertThat(device.registered()).contains(t1);
        assertThat(device.lastInform()).contains(t2);
        assertThat(device.lastBoot()).contains(t1);
        assertThat(device.value("InternetGatewayDevice.DeviceInfo.SoftwareVersion")).contains("V2");
        assertThat(device.parameter("InternetGatewayDevice.DeviceInfo.SoftwareVersion").orElseThrow().timestamp())
                .contains(t2);

        // unchanged values: only timestamps move (and nothing else of the node is lost)
        Instant t3 = t2.plusSeconds(300);
        store().devices().recordInform(inform("A1", t3, List.of("2 PERIODIC"),
                ParameterValueStruct.ofString("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V2"))).get();
        Device third = store().devices().find("202BC1-BM632w-A1").orElseThrow();
        var sw3 = third.parameter("InternetGatewayDevice.DeviceInfo.SoftwareVersion").orElseThrow();
        assertThat(sw3.value()).contains("V2");
        assertThat(sw3.type()).contains("xsd:string");
        assertThat(sw3.object()).contains(false);
        assertThat(sw3.timestamp()).contains(t3);
        assertThat(third.lastInform()).contains(t3);
    }

    @Test
    void bootstrapForgetsTheCachedTree() throws Exception {
        Instant t1 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store().devices().recordInform(inform("B1", t1, List.of("2 PERIODIC"),
                ParameterValueStruct.ofString("InternetGatewayDevice.LANDevice.1.X", "old"),
                ParameterValueStruct.ofString("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V1"))).get();
        store().devices().recordInform(inform("B1", t1.plusSeconds(1), List.of("0 BOOTSTRAP"),
                ParameterValueStruct.ofString("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V1"))).get();
        Device device = store().devices().find("202BC1-BM632w-B1").orElseThrow();
        assertThat(device.parameter("InternetGatewayDevice.LANDevice.1.X")).isEmpty();
        assertThat(device.value("InternetGatewayDevice.DeviceInfo.SoftwareVersion")).contains("V1");
        assertThat(device.lastBootstrap()).contains(t1.plusSeconds(1));
        assertThat(device.registered()).contains(t1);
    }

    @Test
    void oddParameterNamesAreSkippedNotFatal() throws Exception {
        InformRecorded recorded = store().devices().recordInform(inform("C1", Instant.now(), List.of("2 PERIODIC"),
                ParameterValueStruct.ofString("Device.$where", "x"),
                ParameterValueStruct.ofString("Device.Partial.", "x"),
                ParameterValueStruct.ofString("Device.A", "leaf and parent"),
                ParameterValueStruct.ofString("Device.A.B", "deeper"),
                ParameterValueStruct.ofString("Device.DeviceInfo.SoftwareVersion", "ok"))).get();
        assertThat(recorded.newDevice()).isTrue();
        Device device = store().devices().find("202BC1-BM632w-C1").orElseThrow();
        assertThat(device.value("Device.DeviceInfo.SoftwareVersion")).contains("ok");
        assertThat(device.value("Device.A.B")).contains("deeper");
        assertThat(device.parameters().keySet()).noneMatch(p -> p.contains("$"));
    }

    @Test
    void oneSessionPerDeviceAtATime() throws Exception {
        var locks = store().sessionLocks();
        assertThat(locks.acquire("dev-L", "t1", Duration.ofSeconds(60)).get()).isTrue();
        assertThat(locks.acquire("dev-L", "t2", Duration.ofSeconds(60)).get()).isFalse();
        assertThat(locks.acquire("dev-L", "t1", Duration.ofSeconds(60)).get()).as("refresh by the holder").isTrue();
        assertThat(locks.acquire("dev-other", "t2", Duration.ofSeconds(60)).get()).isTrue();
        locks.release("dev-L", "t1").get();
        assertThat(locks.acquire("dev-L", "t2", Duration.ofSeconds(60)).get()).isTrue();
    }

    @Test
    void aLapsedLockIsTakenOver() throws Exception {
        var locks = store().sessionLocks();
        assertThat(locks.acquire("dev-X", "crashed", Duration.ofSeconds(-1)).get()).isTrue();
        assertThat(locks.acquire("dev-X", "next", Duration.ofSeconds(60)).get()).isTrue();
        locks.release("dev-X", "crashed").get();
        assertThat(locks.acquire("dev-X", "third", Duration.ofSeconds(60)).get()).as("release by a former holder is void")
                .isFalse();
    }

    @Test
    void manyConcurrentInformsAreAllRecorded() throws Exception {
        Instant now = Instant.now();
        var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<InformRecorded>>();
        for (int i = 0; i < 300; i++) {
            futures.add(store().devices().recordInform(inform("M" + i, now, List.of("2 PERIODIC"),
                    ParameterValueStruct.ofString("Device.DeviceInfo.SoftwareVersion", "v" + i))));
        }
        for (var f : futures) {
            assertThat(f.get().newDevice()).isTrue();
        }
        assertThat(store().documents().count("devices", java.util.Map.of("_id",
                java.util.regex.Pattern.compile("^202BC1-BM632w-M")))).isEqualTo(300);
    }

    /** Whether the store behind refuses queries MongoDB refuses (mongo-java-server runs some of them). */
    boolean refusesBadQueries() {
        return true;
    }

    @Test
    void aQueryTheStoreCannotRunIsTheCallersMistakeNamedInOneLine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(refusesBadQueries(),
                "mongo-java-server runs queries MongoDB refuses; RealMongoStoreTest checks this against MongoDB");
        for (java.util.Map<String, Object> filter : List.<java.util.Map<String, Object>>of(
                java.util.Map.of("_id", java.util.Map.of("$unknownOperator", 1)),
                java.util.Map.of("_id", java.util.Map.of("$regex", "(")),
                java.util.Map.of("_id", java.util.Map.of("$regex", "a", "$options", "zq")))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store().documents().count("devices", filter))
                    .as("%s", filter).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("localhost"));
        }
    }

    @Test
    void tasksAreQueuedDueOldestFirstAndDeleted() throws Exception {
        Instant now = Instant.now();
        var older = store().tasks().queue("T1", new java.util.HashMap<>(java.util.Map.of("name", "reboot",
                "timestamp", now.minusSeconds(10).toString())), now);
        var newer = store().tasks().queue("T1", new java.util.HashMap<>(java.util.Map.of("name", "factoryReset")), now);
        store().tasks().queue("T1", new java.util.HashMap<>(java.util.Map.of("name", "reboot",
                "timestamp", now.plusSeconds(3600).toString())), now);
        store().tasks().queue("T2", new java.util.HashMap<>(java.util.Map.of("name", "reboot")), now);
        assertThat(store().tasks().due("T1", now.plusMillis(1)).get()).extracting(t -> t.id())
                .containsExactly(older.id(), newer.id());
        var stored = raw("tasks", new org.bson.types.ObjectId(older.id()));
        assertThat(stored.get("device")).isEqualTo("T1");
        assertThat(stored.get("name")).isEqualTo("reboot");
        assertThat(stored.get("timestamp")).isInstanceOf(java.util.Date.class);
        store().tasks().delete(older.id()).get();
        assertThat(store().tasks().due("T1", now.plusMillis(1)).get()).extracting(t -> t.id()).containsExactly(newer.id());
        assertThat(store().tasks().due("T3", now).get()).isEmpty();
    }

    @Test
    void treeChangesRemoveThenSetInGenieAcsShape() throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String c1 = "202BC1-BM632w-C1";
        store().devices().recordInform(inform("C1", t, List.of("0 BOOTSTRAP"))).get();
        assertThat(store().devices().discovered(c1).get()).isFalse();
        java.util.TreeMap<String, org.cwmpacs.core.device.ParameterAttributes> set = new java.util.TreeMap<>();
        set.put("Device.WiFi", org.cwmpacs.core.device.ParameterAttributes.NONE.withObject(true).withWritable(false));
        set.put("Device.WiFi.SSID", org.cwmpacs.core.device.ParameterAttributes.NONE.withWritable(true)
                .withValue("net", "xsd:string", t));
        set.put("", org.cwmpacs.core.device.ParameterAttributes.NONE.withTimestamp(t));
        store().devices().apply(c1, new org.cwmpacs.core.device.TreeChanges(set, java.util.Set.of())).get();
        var doc = raw("devices", c1);
        var ssid = doc.get("Device", org.bson.Document.class).get("WiFi", org.bson.Document.class)
                .get("SSID", org.bson.Document.class);
        assertThat(ssid.get("_value")).isEqualTo("net");
        assertThat(ssid.get("_writable")).isEqualTo(true);
        assertThat(ssid.get("_object")).isEqualTo(false);
        assertThat(doc.get("_timestamp")).isInstanceOf(java.util.Date.class);
        assertThat(store().devices().discovered(c1).get()).isTrue();

        java.util.TreeMap<String, org.cwmpacs.core.device.ParameterAttributes> again = new java.util.TreeMap<>();
        again.put("Device.WiFi.Radio", org.cwmpacs.core.device.ParameterAttributes.NONE.withObject(true));
        store().devices().apply(c1, new org.cwmpacs.core.device.TreeChanges(again, java.util.Set.of("Device.WiFi.SSID")))
                .get();
        var wifi = raw("devices", c1).get("Device", org.bson.Document.class)
                .get("WiFi", org.bson.Document.class);
        assertThat(wifi).doesNotContainKey("SSID").containsKey("Radio");
    }

    private static byte[] bytes(int size, int seed) {
        byte[] data = new byte[size];
        new java.util.Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] read(java.io.InputStream in) throws java.io.IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void filesAreStoredUnderTheirNameReplacedWholeAndReadFromAnyOffset() throws Exception {
        byte[] v1 = bytes(700_000, 1);
        org.cwmpacs.core.store.FileStore.Upload upload = store().fileStore().upload("fw.bin",
                java.util.Map.of("fileType", "1 Firmware Upgrade Image", "version", "1.0"));
        upload.write(v1, 0, 300_000);
        upload.write(v1, 300_000, v1.length - 300_000);
        org.cwmpacs.core.store.FileStore.FileInfo info = upload.commit();
        assertThat(info.name()).isEqualTo("fw.bin");
        assertThat(info.length()).isEqualTo(v1.length);
        Document stored = raw("fs.files", "fw.bin");
        assertThat(stored).as("GenieACS's shape: _id = file name").isNotNull();
        assertThat(stored.getString("filename")).isEqualTo("fw.bin");
        assertThat(stored.get("metadata", Document.class)).containsEntry("fileType", "1 Firmware Upgrade Image");
        assertThat(read(store().fileStore().open("fw.bin", 0))).isEqualTo(v1);
        assertThat(read(store().fileStore().open("fw.bin", 500_000)))
                .isEqualTo(java.util.Arrays.copyOfRange(v1, 500_000, v1.length));

        // a replacement that never completes leaves the old file as it was
        byte[] v2 = bytes(400_000, 2);
        org.cwmpacs.core.store.FileStore.Upload broken = store().fileStore().upload("fw.bin", java.util.Map.of());
        broken.write(v2, 0, 300_000);
        broken.abort();
        assertThat(read(store().fileStore().open("fw.bin", 0))).isEqualTo(v1);
        org.cwmpacs.core.store.FileStore.Upload replacement = store().fileStore().upload("fw.bin",
                java.util.Map.of("version", "2.0"));
        replacement.write(v2, 0, v2.length);
        replacement.commit();
        assertThat(read(store().fileStore().open("fw.bin", 0))).isEqualTo(v2);
        assertThat(store().fileStore().info("fw.bin").orElseThrow().metadata("version")).contains("2.0");
        assertThat(rawCount("fs.files")).isEqualTo(1);
        assertThat(storedContents()).as("nothing of the old or the aborted file is left")
                .isEqualTo(contentsOf(v2.length));

        assertThat(store().files().find("fw.bin").get().orElseThrow().length()).isEqualTo(v2.length);
        assertThat(store().fileStore().delete("fw.bin")).isTrue();
        assertThat(store().fileStore().delete("fw.bin")).isFalse();
        assertThat(store().fileStore().info("fw.bin")).isEmpty();
        assertThat(storedContents()).isZero();
    }

    @Test
    void documentsAreQueriedWithPlainJavaValuesAndComeBackAsPlainJava() throws Exception {
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        store().devices().recordInform(inform("Q1", t1, List.of("1 BOOT"),
                ParameterValueStruct.ofString("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V1"))).get();
        store().devices().recordInform(inform("Q2", t1.plusSeconds(60), List.of("1 BOOT"),
                ParameterValueStruct.ofString("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V2"))).get();
        org.cwmpacs.core.store.DocumentStore docs = store().documents();
        java.util.Map<String, Object> later = java.util.Map.of("_lastInform", java.util.Map.of("$gt", t1));
        assertThat(docs.count("devices", later)).isEqualTo(1);
        List<java.util.Map<String, Object>> found = new java.util.ArrayList<>();
        docs.find("devices", new org.cwmpacs.core.store.DocumentQuery(java.util.Map.of(
                "InternetGatewayDevice.DeviceInfo.SoftwareVersion._value", java.util.regex.Pattern.compile("^V")),
                List.of("_lastInform"), java.util.Map.of("_lastInform", -1), 0, 0), found::add);
        assertThat(found).extracting(d -> d.get("_id")).containsExactly("202BC1-BM632w-Q2", "202BC1-BM632w-Q1");
        assertThat(found.get(0)).containsOnlyKeys("_id", "_lastInform")
                .containsEntry("_lastInform", t1.plusSeconds(60));

        var task = store().tasks().queue("202BC1-BM632w-Q1", java.util.Map.of("name", "reboot"), t1);
        List<java.util.Map<String, Object>> tasks = new java.util.ArrayList<>();
        docs.find("tasks", org.cwmpacs.core.store.DocumentQuery.all(java.util.Map.of("_id", task.id())), tasks::add);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0)).as("an ObjectId comes back as its hex").containsEntry("_id", task.id())
                .containsEntry("timestamp", t1);
        assertThat(docs.count("tasks", java.util.Map.of("_id", java.util.Map.of("$in", List.of(task.id())))))
                .isEqualTo(1);

        docs.replace("presets", "inform", java.util.Map.of("weight", 0, "precondition", "{}"));
        docs.replace("presets", "inform", java.util.Map.of("weight", 1));
        List<java.util.Map<String, Object>> presets = new java.util.ArrayList<>();
        docs.find("presets", org.cwmpacs.core.store.DocumentQuery.all(java.util.Map.of()), presets::add);
        assertThat(presets).hasSize(1);
        assertThat(presets.get(0)).containsOnlyKeys("_id", "weight");
        assertThat(((Number) presets.get(0).get("weight")).intValue()).isEqualTo(1);
        assertThat(docs.delete("presets", "inform")).isTrue();
        assertThat(docs.delete("presets", "inform")).isFalse();
    }

    @Test
    void aDeletedDeviceIsForgottenAndRegistersAgainWhole() throws Exception {
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        String id = "202BC1-BM632w-D1";
        ParameterValueStruct sw = ParameterValueStruct.ofString("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V1");
        store().devices().recordInform(inform("D1", t1, List.of("1 BOOT"), sw)).get();
        assertThat(store().devices().tag(id, "lab", true)).isTrue();
        assertThat(store().devices().tag("nobody", "lab", true)).isFalse();
        assertThat(raw("devices", id).getList("_tags", String.class)).containsExactly("lab");
        assertThat(store().devices().lastInform(id)).contains(t1);

        store().devices().delete(id);
        assertThat(store().devices().lastInform(id)).isEmpty();
        // the same values again: a new device, every value written (nothing assumed from before)
        assertThat(store().devices().recordInform(inform("D1", t1.plusSeconds(5), List.of("2 PERIODIC"), sw)).get()
                .newDevice()).isTrue();
        assertThat(store().devices().find(id).orElseThrow().value("InternetGatewayDevice.DeviceInfo.SoftwareVersion"))
                .contains("V1");
    }
}
