package org.cwmpacs.store.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.bson.Document;
import org.cwmpacs.core.store.QueryControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreEngineTest {
    @TempDir
    Path dir;
    private StoreEngine engine;

    private StoreEngine open() throws IOException {
        return open(StoreEngine.Options.DEFAULT.withSegmentBytes(1 << 20));
    }

    private StoreEngine open(StoreEngine.Options options) throws IOException {
        engine = StoreEngine.open(dir.resolve("store"), options);
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /** A device-like document large enough to take overlays. */
    private static Document device(String id, int parameters) {
        Document doc = new Document("_id", id).append("_lastInform", new Date(0));
        Document root = new Document();
        for (int i = 0; i < parameters; i++) {
            root.put("P" + i, new Document("_value", "value " + i).append("_type", "xsd:string")
                    .append("_timestamp", new Date(i)).append("_writable", true));
        }
        doc.put("Device", root);
        return doc;
    }

    @Test
    void writesAreReadBackAndSurviveReopening() throws Exception {
        open();
        Table presets = engine.table("presets");
        presets.insert(new Document("_id", "p1").append("weight", 1)).join();
        assertThat(presets.replace("p2", new Document("weight", 2), true).join()).isFalse();
        assertThat(presets.replace("p2", new Document("weight", 3), true).join()).isTrue();
        assertThat(presets.delete("p1").join()).isTrue();
        assertThat(presets.delete("p1").join()).isFalse();
        assertThat(presets.get("p2").orElseThrow()).isEqualTo(new Document("_id", "p2").append("weight", 3));
        engine.close();
        open();
        assertThat(engine.table("presets").count()).isEqualTo(1);
        assertThat(engine.table("presets").get("p2").orElseThrow().get("weight")).isEqualTo(3);
        assertThat(engine.table("presets").get("p1")).isEmpty();
    }

    @Test
    void insertsOfATakenIdFailAlone() throws Exception {
        open();
        Table t = engine.table("tasks");
        t.insert(new Document("_id", "a").append("device", "D")).join();
        CompletableFuture<Object> dup = t.insert(new Document("_id", "a").append("device", "E"));
        CompletableFuture<Object> other = t.insert(new Document("_id", "b").append("device", "E"));
        assertThatThrownBy(dup::join).hasCauseInstanceOf(WriteOp.DuplicateKeyException.class);
        other.join();
        assertThat(t.get("a").orElseThrow().get("device")).isEqualTo("D");
        assertThat(t.count()).isEqualTo(2);
    }

    @Test
    void atomicWritesApplyAllOrNone() throws Exception {
        open();
        Table t = engine.table("x");
        t.insert(new Document("_id", 1)).join();
        CompletableFuture<List<Object>> failing = engine.writeAll(List.of(
                new WriteOp.Insert("x", new Document("_id", 2)),
                new WriteOp.Insert("x", new Document("_id", 1))));
        assertThatThrownBy(failing::join).isInstanceOf(CompletionException.class);
        assertThat(t.contains(2)).isFalse();
        engine.writeAll(List.of(new WriteOp.Insert("x", new Document("_id", 2)), new WriteOp.Delete("x", 1))).join();
        engine.close();
        open();
        assertThat(engine.table("x").contains(1)).isFalse();
        assertThat(engine.table("x").contains(2)).isTrue();
    }

    @Test
    void smallSetsOnALargeDocumentAreOverlaidAndReadThrough() throws Exception {
        open();
        Table devices = engine.table("devices");
        devices.insert(device("D1", 300)).join();
        long logged = engine.stats().logBytes();
        for (int i = 1; i <= 50; i++) {
            devices.update("D1", Update.set(Map.of("_lastInform", new Date(i * 1000L), "Device.P7._value", "v" + i,
                    "Device.New.Leaf._value", i)), false).join();
        }
        // fifty updates of a ~25 KB document logged in far less than one copy of it
        assertThat(engine.stats().logBytes() - logged).isLessThan(15_000);
        Document d = devices.get("D1").orElseThrow();
        assertThat(d.get("_lastInform")).isEqualTo(new Date(50_000));
        assertThat(Docs.at(d, "Device.P7._value")).isEqualTo("v50");
        assertThat(Docs.at(d, "Device.P7._type")).isEqualTo("xsd:string");
        assertThat(Docs.at(d, "Device.New.Leaf._value")).isEqualTo(50);
        assertThat(devices.count(Filter.compile(new Document("Device.P7._value", "v50")), QueryControl.NONE)).isOne();
        assertThat(devices.count(Filter.compile(new Document("Device.New.Leaf._value", 50)), QueryControl.NONE)).isOne();
        assertThat(devices.findAll(Filter.ALL, Projection.including(List.of("Device.New", "_lastInform")), Sort.NONE,
                0, 0)).containsExactly(new Document("_id", "D1").append("_lastInform", new Date(50_000))
                .append("Device", new Document("New", new Document("Leaf", new Document("_value", 50)))));
        engine.close();
        open();
        Document reopened = engine.table("devices").get("D1").orElseThrow();
        assertThat(reopened).isEqualTo(d);
    }

    @Test
    void anUpdateThatContradictsTheDocumentIsRefusedAndChangesNothing() throws Exception {
        open();
        Table devices = engine.table("devices");
        devices.insert(device("D1", 300)).join();
        assertThatThrownBy(() -> devices.update("D1", Update.set(Map.of("Device.P1._value.x", 1)), false).join())
                .hasCauseInstanceOf(DocumentRefusedException.class).hasMessageContaining("holds a value");
        assertThatThrownBy(() -> Update.set(Map.of("a", 1, "a.b", 2))).isInstanceOf(DocumentRefusedException.class)
                .hasMessageContaining("conflict");
        assertThatThrownBy(() -> Update.set(Map.of("a..b", 1))).isInstanceOf(DocumentRefusedException.class);
        assertThat(Docs.at(devices.get("D1").orElseThrow(), "Device.P1._value")).isEqualTo("value 1");
    }

    @Test
    void upsertsUnsetsAndArrayOperators() throws Exception {
        open();
        Table t = engine.table("devices");
        WriteOp.UpdateResult created = t.update("X", Update.parse(new Document("$set", new Document("a.b", 1))
                .append("$setOnInsert", new Document("_registered", new Date(5)))), true).join();
        assertThat(created.upserted()).isTrue();
        WriteOp.UpdateResult second = t.update("X", Update.parse(new Document("$set", new Document("a.c", 2))
                .append("$setOnInsert", new Document("_registered", new Date(9)))), true).join();
        assertThat(second.upserted()).isFalse();
        t.update("X", Update.parse(new Document("$addToSet", new Document("_tags", "t1"))), false).join();
        t.update("X", Update.parse(new Document("$addToSet", new Document("_tags", "t1"))), false).join();
        t.update("X", Update.parse(new Document("$addToSet", new Document("_tags", "t2"))), false).join();
        t.update("X", Update.parse(new Document("$pull", new Document("_tags", "t1"))
                .append("$unset", new Document("a.b", ""))), false).join();
        assertThat(t.get("X").orElseThrow()).isEqualTo(new Document("_id", "X").append("a", new Document("c", 2))
                .append("_registered", new Date(5)).append("_tags", List.of("t2")));
        assertThat(t.update("missing", Update.set(Map.of("a", 1)), false).join().matched()).isFalse();
        assertThat(t.contains("missing")).isFalse();
    }

    @Test
    void queriesFilterSortProjectSkipAndLimit() throws Exception {
        open();
        Table t = engine.table("faults");
        for (int i = 0; i < 50; i++) {
            t.insert(new Document("_id", "d" + i + ":c").append("device", "d" + (i % 5)).append("retries", i % 7)
                    .append("code", "cwmp." + (9000 + i % 3))).join();
        }
        Filter byDevice = Filter.compile(new Document("device", "d3"));
        assertThat(t.count(byDevice, QueryControl.NONE)).isEqualTo(10);
        List<Document> page = t.findAll(Filter.compile(new Document("retries", new Document("$gte", 2))),
                Projection.including(List.of("retries")), Sort.compile(new Document("retries", -1).append("_id", 1)),
                3, 4);
        assertThat(page).hasSize(4).allMatch(d -> d.keySet().equals(java.util.Set.of("_id", "retries")));
        assertThat(page.get(0).get("retries")).isEqualTo(6);
        assertThat(t.idsWithPrefix("d1")).hasSize(11);
        assertThat(t.deleteWhere(Filter.compile(new Document("device", "d3"))).join()).isEqualTo(10);
        assertThat(t.count(byDevice, QueryControl.NONE)).isZero();
        assertThat(t.count()).isEqualTo(40);
    }

    @Test
    void whatAcrashLeavesOnTheDiskOpensWithEveryAcknowledgedWrite() throws Exception {
        open();
        Table t = engine.table("devices");
        List<CompletableFuture<?>> acked = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            acked.add(t.insert(device("D" + i, i % 3 == 0 ? 200 : 2)));
        }
        CompletableFuture.allOf(acked.toArray(CompletableFuture[]::new)).join();
        for (int i = 0; i < 200; i += 3) {
            t.update("D" + i, Update.set(Map.of("_lastInform", new Date(i))), false).join();
        }
        // the files as a kill -9 would leave them: copied while the engine runs
        Path crashed = copyOfStore();
        // plus half a record that the crash cut short
        Path last = lastLog(crashed);
        long end = validEnd(last);
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ByteBuffer torn = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            torn.putInt(5000).putInt(1234).put((byte) 1).put(new byte[20]).flip();
            ch.write(torn, end);
        }
        try (StoreEngine reopened = StoreEngine.open(crashed, StoreEngine.Options.DEFAULT)) {
            Table r = reopened.table("devices");
            assertThat(r.count()).isEqualTo(200);
            for (int i = 0; i < 200; i += 3) {
                assertThat(r.get("D" + i).orElseThrow().get("_lastInform")).isEqualTo(new Date(i));
            }
            // and it takes new writes after the cut-off record
            r.insert(new Document("_id", "after")).join();
        }
        try (StoreEngine again = StoreEngine.open(crashed, StoreEngine.Options.DEFAULT)) {
            assertThat(again.table("devices").count()).isEqualTo(201);
        }
    }

    @Test
    void aDamagedRecordInsideTheLogIsReportedNotSkipped() throws Exception {
        open(StoreEngine.Options.DEFAULT.withSegmentBytes(64 * 1024));
        Table t = engine.table("presets");
        for (int i = 0; i < 100; i++) {
            t.insert(new Document("_id", "p" + i).append("pad", "x".repeat(2000))).join();
        }
        Path crashed = copyOfStore();
        Path first;
        try (Stream<Path> files = Files.list(crashed)) {
            first = files.filter(p -> p.getFileName().toString().startsWith("log-")).sorted().findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(first, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x55, 0x55}), 200);
        }
        assertThatThrownBy(() -> StoreEngine.open(crashed, StoreEngine.Options.DEFAULT))
                .isInstanceOf(StoreCorruptedException.class).hasMessageContaining(first.getFileName().toString())
                .hasMessageContaining("damaged");
    }

    @Test
    void compactionRewritesTheLiveDocumentsAndDropsTheOldFiles() throws Exception {
        open(StoreEngine.Options.DEFAULT.withSegmentBytes(256 * 1024).withCompactionMinBytes(Long.MAX_VALUE));
        Table t = engine.table("devices");
        for (int i = 0; i < 20; i++) {
            t.insert(device("D" + i, 100)).join();
        }
        for (int round = 0; round < 30; round++) {
            for (int i = 0; i < 20; i++) {
                t.update("D" + i, Update.set(Map.of("_lastInform", new Date(round), "Device.P3._value", "r" + round)),
                        false).join();
            }
            t.replace("D19", device("D19", 100 + round), true).join();
        }
        t.delete("D0").join();
        Document before = t.get("D5").orElseThrow();
        long logBefore = engine.stats().logBytes();
        engine.compactNow().join();
        // a write during and after the compaction lands on top of it
        t.update("D5", Update.set(Map.of("Device.P4._value", "after")), false).join();
        assertThat(engine.stats().generation()).isEqualTo(1);
        assertThat(engine.stats().logBytes()).isLessThan(logBefore);
        assertThat(t.get("D5").orElseThrow().get("Device", Document.class).get("P3")).isEqualTo(
                before.get("Device", Document.class).get("P3"));
        engine.close();
        open();
        Table r = engine.table("devices");
        assertThat(r.count()).isEqualTo(19);
        assertThat(Docs.at(r.get("D5").orElseThrow(), "Device.P3._value")).isEqualTo("r29");
        assertThat(Docs.at(r.get("D5").orElseThrow(), "Device.P4._value")).isEqualTo("after");
        assertThat(r.get("D19").orElseThrow().get("Device", Document.class)).hasSize(129);
        try (Stream<Path> files = Files.list(dir.resolve("store"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("snap-")))
                    .allMatch(n -> n.startsWith("snap-00000001-"));
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameStore() throws Exception {
        open();
        assertThatThrownBy(() -> StoreEngine.open(dir.resolve("store"), StoreEngine.Options.DEFAULT))
                .isInstanceOf(IOException.class).hasMessageContaining("in use");
    }

    private Path copyOfStore() throws IOException {
        return StoreFuzzTest.copy(dir.resolve("store"));
    }

    private static Path lastLog(Path store) throws IOException {
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(p -> p.getFileName().toString().startsWith("log-")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
    }

    private static long validEnd(Path log) throws IOException {
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
            ByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            return Records.scan(map, Segment.HEADER_BYTES, null).end();
        }
    }
}
