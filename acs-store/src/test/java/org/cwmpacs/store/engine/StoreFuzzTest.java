package org.cwmpacs.store.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and hostile documents and updates thrown at the store: deep, wide, huge, odd keys ({@code $},
 * {@code .}, NUL, any Unicode, lone surrogates). Each write is either acknowledged, and then reads back
 * exactly (also after reopening, and from the files as a crash leaves them), or refused alone with a
 * {@link DocumentRefusedException} for a reason the test checks independently. The store never closes.
 */
class StoreFuzzTest {
    @TempDir
    Path dir;

    private static final String[] ODD_KEYS = {"$where", "$", "a.b", ".", "", "ключ", "𝄞", "\u0000", "x\u0000y",
        "\ud800", "_id.x", "$set", " ", "\t", "0", "99999999999"};

    @Test
    void hostileWritesAreAcknowledgedWholeOrRefusedAloneAndTheStoreStaysOpen() throws Exception {
        for (long seed : new long[] {1, 2, 3, System.nanoTime()}) {
            run(seed);
        }
    }

    private void run(long seed) throws Exception {
        Random random = new Random(seed);
        Path store = dir.resolve("store-" + seed);
        Map<Object, Document> acknowledged = new HashMap<>();
        int refused = 0;
        StoreEngine engine = StoreEngine.open(store, StoreEngine.Options.DEFAULT.withSegmentBytes(4 << 20)
                .withCompactionMinBytes(8 << 20));
        try {
            Table t = engine.table("fuzz");
            for (int i = 0; i < 1500; i++) {
                Object id = random.nextInt(4) == 0 ? new ObjectId() : "doc-" + random.nextInt(300);
                int kind = random.nextInt(10);
                try {
                    if (kind < 4) {
                        Document doc = randomDocument(random, id);
                        String reason = refusalReason(doc);
                        try {
                            t.replace(id, doc, true).join();
                        } catch (CompletionException e) {
                            if (!(e.getCause() instanceof DocumentRefusedException)) {
                                throw e;
                            }
                            assertThat(reason).as("seed %d: %s refused with '%s' for no reason found", seed, id,
                                    e.getCause().getMessage()).isNotNull();
                            refused++;
                            continue;
                        }
                        assertThat(reason).as("seed %d: acknowledged although %s", seed, reason).isNull();
                        Document back = t.get(id).orElseThrow();
                        assertThat(back).as("seed %d: %s reads back as the driver's codec reads it", seed, id)
                                .isEqualTo(driverRoundTrip(doc));
                        acknowledged.put(id, back);
                    } else if (kind < 8) {
                        Map<String, Object> set = new HashMap<>();
                        for (int k = random.nextInt(5); k >= 0; k--) {
                            set.put(randomPath(random), randomValue(random, 0));
                        }
                        try {
                            t.update(id, Update.set(set), random.nextBoolean()).join();
                        } catch (DocumentRefusedException | CompletionException e) {
                            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                            if (!(cause instanceof DocumentRefusedException)) {
                                throw e;
                            }
                            refused++;
                        }
                        t.get(id).ifPresentOrElse(doc -> acknowledged.put(id, doc), () -> acknowledged.remove(id));
                    } else if (kind == 8) {
                        t.delete(id).join();
                        acknowledged.remove(id);
                    } else if (random.nextInt(20) == 0) {
                        engine.close();
                        engine = StoreEngine.open(store, StoreEngine.Options.DEFAULT.withSegmentBytes(4 << 20)
                                .withCompactionMinBytes(8 << 20));
                        t = engine.table("fuzz");
                        assertAll(seed, t, acknowledged);
                    }
                } catch (StackOverflowError | OutOfMemoryError e) {
                    fail("seed " + seed + ": the store gave way: " + e);
                }
            }
            assertAll(seed, t, acknowledged);
            // the files as a crash would leave them hold every acknowledged document too
            Path crashed = copy(store);
            try (StoreEngine copy = StoreEngine.open(crashed, StoreEngine.Options.DEFAULT)) {
                assertAll(seed, copy.table("fuzz"), acknowledged);
            }
            assertThat(refused).as("seed %d: hostile input was tried", seed).isPositive();
        } finally {
            engine.close();
        }
        try (StoreEngine reopened = StoreEngine.open(store, StoreEngine.Options.DEFAULT)) {
            assertAll(seed, reopened.table("fuzz"), acknowledged);
        }
    }

    private static void assertAll(long seed, Table t, Map<Object, Document> acknowledged) {
        assertThat(t.count()).as("seed %d: documents held", seed).isEqualTo(acknowledged.size());
        acknowledged.forEach((id, doc) -> assertThat(t.get(id)).as("seed %d: %s", seed, id).contains(doc));
    }

    /** What MongoDB's own Java driver makes of the document: the reference for what the store must hand back. */
    private static Document driverRoundTrip(Document doc) {
        RawBsonDocument raw = new RawBsonDocument(doc, new DocumentCodec());
        return new DocumentCodec().decode(new org.bson.BsonBinaryReader(raw.getByteBuffer().asNIO()),
                org.bson.codecs.DecoderContext.builder().build());
    }

    /** Why the store must refuse the document, found without the store's own code; null if it must take it. */
    private static String refusalReason(Object value) {
        long[] size = {0};
        String reason = scan(value, 1, size);
        if (reason == null && size[0] > Limits.MAX_DOCUMENT_BYTES - 1024) {
            return "larger than 16 MiB";
        }
        return reason;
    }

    private static String scan(Object v, int depth, long[] size) {
        if (v instanceof Map || v instanceof List) {
            if (depth > Limits.MAX_DEPTH) {
                return "deeper than 100";
            }
            Iterable<?> values = v instanceof Map ? ((Map<?, ?>) v).values() : (List<?>) v;
            if (v instanceof Map) {
                for (Object key : ((Map<?, ?>) v).keySet()) {
                    String k = (String) key;
                    size[0] += k.length() + 2;
                    if (k.indexOf(0) >= 0 || hasLoneSurrogate(k)) {
                        return "key " + k;
                    }
                }
            }
            for (Object item : values) {
                size[0] += 8;
                String reason = scan(item, depth + 1, size);
                if (reason != null) {
                    return reason;
                }
            }
            return null;
        }
        if (v instanceof String) {
            size[0] += ((String) v).length();
            return hasLoneSurrogate((String) v) ? "lone surrogate" : null;
        }
        size[0] += 16;
        return null;
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static Document randomDocument(Random random, Object id) {
        Document doc = new Document("_id", id);
        switch (random.nextInt(12)) {
            case 0 -> {
                // deep: sometimes within the limit, sometimes far past it
                int levels = random.nextBoolean() ? 90 + random.nextInt(20) : 500 + random.nextInt(2000);
                Document d = doc;
                for (int i = 0; i < levels; i++) {
                    Document next = new Document();
                    d.put("n", random.nextInt(3) == 0 ? List.of(next) : next);
                    d = next;
                }
            }
            case 1 -> {
                // wide
                for (int i = 0; i < 5000 + random.nextInt(20_000); i++) {
                    doc.put("k" + i, i);
                }
            }
            case 2 -> doc.put("big", "x".repeat(random.nextBoolean() ? 5 << 20 : 17 << 20));
            default -> {
                for (int i = random.nextInt(8); i >= 0; i--) {
                    doc.put(randomKey(random), randomValue(random, 0));
                }
            }
        }
        return doc;
    }

    private static String randomKey(Random random) {
        if (random.nextInt(4) == 0) {
            return ODD_KEYS[random.nextInt(ODD_KEYS.length)];
        }
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(12); i >= 0; i--) {
            sb.append(random.nextInt(10) == 0 ? (char) (0x80 + random.nextInt(0xD000)) : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private static String randomPath(Random random) {
        List<String> segments = new ArrayList<>();
        int depth = random.nextInt(10) == 0 ? 150 : 1 + random.nextInt(6);
        for (int i = 0; i < depth; i++) {
            String key = randomKey(random);
            segments.add(key.equals("_id.x") ? "ok" : key);
        }
        return String.join(".", segments);
    }

    private static Object randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 9 : 12)) {
            case 0: return null;
            case 1: return random.nextInt();
            case 2: return random.nextLong();
            case 3: return random.nextDouble();
            case 4: return random.nextBoolean();
            case 5: return new Date(random.nextInt());
            case 6: return randomKey(random);
            case 7: return new Binary(new byte[random.nextInt(100)]);
            case 8: return new Decimal128(random.nextInt());
            case 9: {
                Document d = new Document();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    d.put(randomKey(random), randomValue(random, depth + 1));
                }
                return d;
            }
            case 10: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
            default: return "text " + "é".repeat(random.nextInt(50)) + (random.nextInt(20) == 0 ? "\udc00" : "");
        }
    }

    /**
     * The files as a crash would leave them, copied while the engine runs. A compaction finishing meanwhile
     * replaces files under the copy; then it is taken again.
     */
    static Path copy(Path store) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path copy = store.resolveSibling(store.getFileName() + "-crashed-" + attempt);
            Files.createDirectories(copy);
            byte[] manifest = Files.readAllBytes(store.resolve("MANIFEST"));
            try (Stream<Path> files = Files.list(store)) {
                for (Path p : files.toList()) {
                    if (!p.getFileName().toString().equals("LOCK")) {
                        Files.copy(p, copy.resolve(p.getFileName()));
                    }
                }
            } catch (java.nio.file.NoSuchFileException vanished) {
                continue;
            }
            if (java.util.Arrays.equals(manifest, Files.readAllBytes(store.resolve("MANIFEST")))) {
                Files.write(copy.resolve("MANIFEST"), manifest);
                return copy;
            }
        }
    }
}
