package org.cwmpacs.store.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class BsonTest {
    private static Document everyType() {
        return new Document("_id", new ObjectId())
                .append("s", "text é ✓ 𝄞")
                .append("i", 42)
                .append("l", 1L << 40)
                .append("d", 2.5)
                .append("b", true)
                .append("n", null)
                .append("t", new Date(1_700_000_000_123L))
                .append("bin", new Binary((byte) 0, new byte[] {1, 2, 3}))
                .append("dec", new Decimal128(new BigDecimal("12345678901234567890.5")))
                .append("re", new BsonRegularExpression("^a.*", "i"))
                .append("ts", new BsonTimestamp(5, 6))
                .append("min", new MinKey())
                .append("max", new MaxKey())
                .append("arr", List.of(1, "two", new Document("three", 3), List.of(4)))
                .append("doc", new Document("a", new Document("b", new Document("c", "deep"))));
    }

    @Test
    void everyTypeComesBackAsWrittenAndAsTheDriverReadsIt() {
        Document doc = everyType();
        byte[] bson = Bson.encode(doc);
        assertThat(Bson.decode(bson)).isEqualTo(doc);
        // the bytes are BSON as MongoDB's own driver reads it
        assertThat(new RawBsonDocument(bson).toJson()).contains("\"three\": 3");
        assertThat(new RawBsonDocument(bson).getString("s").getValue()).isEqualTo("text é ✓ 𝄞");
        assertThat(new RawBsonDocument(bson).getInt64("l").getValue()).isEqualTo(1L << 40);
    }

    @Test
    void aLazyDocumentReadsFieldsInPlace() {
        Document doc = everyType();
        LazyDocument lazy = LazyDocument.of(Bson.encode(doc));
        assertThat(lazy.get("s")).isEqualTo("text é ✓ 𝄞");
        assertThat(lazy.lookup("absent")).isSameAs(Docs.MISSING);
        assertThat(lazy.lookup("n")).isNull();
        assertThat(lazy.containsKey("n")).isTrue();
        assertThat(Docs.at(lazy, "doc.a.b.c")).isEqualTo("deep");
        assertThat(Docs.at(lazy, "arr.2.three")).isEqualTo(3);
        assertThat(lazy.get("doc")).isInstanceOf(LazyDocument.class);
        assertThat(lazy.keySet()).containsExactlyElementsOf(doc.keySet());
        assertThat(lazy.materialize()).isEqualTo(doc);
        assertThat(Values.equal(lazy, doc)).isTrue();
        // a lazy document encodes as its stored bytes
        assertThat(Bson.encode(new Document("copy", lazy.get("doc"))))
                .isEqualTo(Bson.encode(new Document("copy", doc.get("doc"))));
    }

    @Test
    void oneLevelReadInOnePassAnswersAsLookupsDo() {
        Document node = new Document("_object", false).append("_value", "v").append("child", new Document("_value", 1))
                .append("_type", "xsd:string").append("_timestamp", new java.util.Date(5)).append("x_y", 2);
        LazyDocument lazy = LazyDocument.of(Bson.encode(node));
        java.util.Map<String, Object> underscore = lazy.fieldsStartingWith('_');
        assertThat(underscore).containsOnlyKeys("_object", "_value", "_type", "_timestamp");
        underscore.forEach((k, v) -> assertThat(v).isEqualTo(lazy.get(k)));

        // with pending changes over it: the stored level in one pass, the overlay's values over it
        java.util.TreeMap<String, Object> sets = new java.util.TreeMap<>();
        sets.put("_value", "new");
        sets.put("child._value", 7);
        sets.put("added", "a");
        OverlayDocument overlaid = new OverlayDocument(lazy, "", Overlay.EMPTY.plus(sets));
        java.util.Map<String, Object> level = new java.util.LinkedHashMap<>();
        overlaid.entrySet().forEach(e -> level.put(e.getKey(), e.getValue()));
        assertThat(level.keySet()).containsExactly("_object", "_value", "child", "_type", "_timestamp", "x_y", "added");
        level.forEach((k, v) -> {
            if (!(v instanceof java.util.Map)) {
                assertThat(v).as(k).isEqualTo(overlaid.lookup(k));
            }
        });
        assertThat(level.get("_value")).isEqualTo("new");
        assertThat(((java.util.Map<?, ?>) level.get("child")).get("_value")).isEqualTo(7);
        assertThat(overlaid.fieldsStartingWith('_')).containsEntry("_value", "new").doesNotContainKey("child");
    }

    @Test
    void patternsAndJavaValuesAreStoredInBsonForm() {
        Document back = Bson.decode(Bson.encode(new Document("p", Pattern.compile("x+", Pattern.CASE_INSENSITIVE))
                .append("instant", java.time.Instant.ofEpochMilli(5)).append("bytes", new byte[] {9})));
        assertThat(back.get("p")).isEqualTo(new BsonRegularExpression("x+", "i"));
        assertThat(back.get("instant")).isEqualTo(new Date(5));
        assertThat(back.get("bytes")).isEqualTo(new Binary(new byte[] {9}));
    }

    private static Document nested(int levels) {
        Document top = new Document();
        Document d = top;
        for (int i = 1; i < levels; i++) {
            Document next = new Document();
            d.put("x", next);
            d = next;
        }
        return top;
    }

    @Test
    void depthIsLimitedWithoutRecursingIntoTheExcess() {
        assertThat(Bson.decode(Bson.encode(nested(Limits.MAX_DEPTH)))).isEqualTo(nested(Limits.MAX_DEPTH));
        assertThatThrownBy(() -> Bson.encode(nested(Limits.MAX_DEPTH + 1)))
                .isInstanceOf(DocumentRefusedException.class).hasMessageContaining("deeper than 100 levels");
        // far beyond the thread's stack: refused all the same, at level 101
        assertThatThrownBy(() -> Bson.encode(nested(200_000))).isInstanceOf(DocumentRefusedException.class);
        List<Object> list = new ArrayList<>();
        List<Object> l = list;
        for (int i = 0; i < 150; i++) {
            List<Object> next = new ArrayList<>();
            l.add(next);
            l = next;
        }
        assertThatThrownBy(() -> Bson.encode(new Document("a", list))).isInstanceOf(DocumentRefusedException.class);
    }

    @Test
    void keysAndTextBsonCannotHoldAreRefusedByName() {
        assertThatThrownBy(() -> Bson.encode(new Document("a\u0000b", 1)))
                .isInstanceOf(DocumentRefusedException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> Bson.encode(new Document("a", new Document("b", "x\ud800y"))))
                .isInstanceOf(DocumentRefusedException.class).hasMessageContaining("a.b")
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> Bson.encode(new Document("a", new Object())))
                .isInstanceOf(DocumentRefusedException.class).hasMessageContaining("cannot keep");
        // NUL inside a string value is fine in BSON
        assertThat(Bson.decode(Bson.encode(new Document("a", "x\u0000y"))).get("a")).isEqualTo("x\u0000y");
        // odd but legal keys
        Document odd = new Document("$weird", 1).append("a.b", 2).append("", 3).append("ключ", 4);
        assertThat(Bson.decode(Bson.encode(odd))).isEqualTo(odd);
        assertThat(LazyDocument.of(Bson.encode(odd)).get("ключ")).isEqualTo(4);
    }

    @Test
    void sizeIsLimitedToSixteenMebibytes() {
        String mebibyte = "x".repeat(1 << 20);
        Document big = new Document();
        for (int i = 0; i < 17; i++) {
            big.put("k" + i, mebibyte);
        }
        assertThatThrownBy(() -> Bson.encode(big)).isInstanceOf(DocumentRefusedException.class)
                .hasMessageContaining("16 MiB");
        assertThatThrownBy(() -> Bson.encode(Map.of("s", "y".repeat(17 << 20))))
                .isInstanceOf(DocumentRefusedException.class);
    }
}
