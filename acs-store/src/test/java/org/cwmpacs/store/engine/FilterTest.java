package org.cwmpacs.store.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.cwmpacs.core.store.QueryControl;
import org.junit.jupiter.api.Test;

/** MongoDB's query semantics, on decoded and on stored (lazy) documents alike. */
class FilterTest {
    private static final Document DEVICE = Document.parse("""
            {"_id": "A-B-1", "_tags": ["lab", "north"],
             "_lastInform": {"$date": "2026-01-01T00:00:00Z"},
             "Device": {"DeviceInfo": {"SoftwareVersion": {"_value": "V1.2", "_type": "xsd:string"},
                                       "UpTime": {"_value": 3600}},
                        "WiFi": {"SSID": {"1": {"SSID": {"_value": "home"}}, "2": {"SSID": {"_value": "guest"}}}}},
             "hosts": [{"name": "a", "ip": 1}, {"name": "b", "ip": 2}],
             "empty": null, "n": 5.0}
            """);

    private static boolean matches(String json) {
        Filter f = Filter.compile(Document.parse(json));
        boolean onDecoded = f.matches(DEVICE, QueryControl.NONE);
        boolean onStored = f.matches(LazyDocument.of(Bson.encode(DEVICE)), QueryControl.NONE);
        assertThat(onStored).as("same answer on the stored document for " + json).isEqualTo(onDecoded);
        return onDecoded;
    }

    @Test
    void equalityAndComparisonsMatchSameKindOnly() {
        assertThat(matches("{\"Device.DeviceInfo.SoftwareVersion._value\": \"V1.2\"}")).isTrue();
        assertThat(matches("{\"Device.DeviceInfo.UpTime._value\": 3600.0}")).as("numbers equal across types").isTrue();
        assertThat(matches("{\"Device.DeviceInfo.UpTime._value\": {\"$gt\": 100}}")).isTrue();
        assertThat(matches("{\"Device.DeviceInfo.UpTime._value\": {\"$gt\": \"100\"}}")).as("text vs number").isFalse();
        assertThat(matches("{\"Device.DeviceInfo.UpTime._value\": {\"$gte\": 3600, \"$lt\": 3601}}")).isTrue();
        assertThat(matches("{\"_lastInform\": {\"$lt\": {\"$date\": \"2026-06-01T00:00:00Z\"}}}")).isTrue();
        assertThat(matches("{\"n\": {\"$lte\": 5}}")).isTrue();
        assertThat(matches("{\"Device.DeviceInfo\": {\"UpTime\": {\"_value\": 3600}}}")).as("whole document, exact")
                .isFalse();
    }

    @Test
    void nullMissingAndExists() {
        assertThat(matches("{\"absent\": null}")).isTrue();
        assertThat(matches("{\"empty\": null}")).isTrue();
        assertThat(matches("{\"empty\": {\"$exists\": true}}")).isTrue();
        assertThat(matches("{\"absent\": {\"$exists\": false}}")).isTrue();
        assertThat(matches("{\"absent\": {\"$ne\": null}}")).isFalse();
        assertThat(matches("{\"n\": {\"$ne\": null}}")).isTrue();
        assertThat(matches("{\"absent\": {\"$ne\": 5}}")).as("$ne matches a missing field").isTrue();
        assertThat(matches("{\"absent\": {\"$in\": [1, null]}}")).isTrue();
        assertThat(matches("{\"absent\": {\"$nin\": [1]}}")).isTrue();
    }

    @Test
    void arraysMatchByElementAndWhole() {
        assertThat(matches("{\"_tags\": \"lab\"}")).isTrue();
        assertThat(matches("{\"_tags\": [\"lab\", \"north\"]}")).isTrue();
        assertThat(matches("{\"_tags\": [\"north\", \"lab\"]}")).isFalse();
        assertThat(matches("{\"_tags\": {\"$ne\": \"lab\"}}")).isFalse();
        assertThat(matches("{\"_tags\": {\"$all\": [\"north\", \"lab\"]}}")).isTrue();
        assertThat(matches("{\"_tags\": {\"$size\": 2}}")).isTrue();
        assertThat(matches("{\"hosts.name\": \"b\"}")).as("a field across an array of documents").isTrue();
        assertThat(matches("{\"hosts.1.name\": \"b\"}")).isTrue();
        assertThat(matches("{\"hosts\": {\"$elemMatch\": {\"name\": \"a\", \"ip\": 2}}}")).isFalse();
        assertThat(matches("{\"hosts\": {\"$elemMatch\": {\"name\": \"b\", \"ip\": {\"$gte\": 2}}}}")).isTrue();
        assertThat(matches("{\"_tags\": {\"$type\": \"array\"}}")).isTrue();
        assertThat(matches("{\"_tags\": {\"$type\": \"string\"}}")).isTrue();
    }

    @Test
    void logicalOperatorsAndRegularExpressions() {
        assertThat(matches("{\"$or\": [{\"_id\": \"x\"}, {\"_tags\": \"north\"}]}")).isTrue();
        assertThat(matches("{\"$and\": [{\"_id\": \"A-B-1\"}, {\"_tags\": \"south\"}]}")).isFalse();
        assertThat(matches("{\"$nor\": [{\"_id\": \"x\"}, {\"_tags\": \"south\"}]}")).isTrue();
        assertThat(matches("{\"Device.WiFi.SSID.1.SSID._value\": {\"$regex\": \"^HO\", \"$options\": \"i\"}}")).isTrue();
        assertThat(matches("{\"_id\": {\"$not\": {\"$regex\": \"^A-\"}}}")).isFalse();
        Filter in = Filter.compile(new Document("Device.WiFi.SSID.2.SSID._value",
                new Document("$in", List.of(Pattern.compile("^gu"), "other"))));
        assertThat(in.matches(DEVICE, QueryControl.NONE)).isTrue();
        assertThat(matches("{\"n\": {\"$mod\": [2, 1]}}")).isTrue();
    }

    @Test
    void unknownOperatorsAreRefusedByName() {
        assertThatThrownBy(() -> Filter.compile(Document.parse("{\"a\": {\"$near\": 1}}")))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining("$near");
        assertThatThrownBy(() -> Filter.compile(Document.parse("{\"$where\": \"1\"}")))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining("$where");
        assertThatThrownBy(() -> Filter.compile(Document.parse("{\"a\": {\"$regex\": \"(\"}}")))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining("invalid regular expression");
        assertThatThrownBy(() -> Filter.compile(Document.parse("{\"$or\": []}")))
                .isInstanceOf(QueryRefusedException.class);
    }

    @Test
    void aCatastrophicRegularExpressionStopsAtTheTimeLimit() {
        // a backreference defeats the JDK's protection against nested quantifiers: minutes for 40 characters
        Document doc = new Document("v", "a".repeat(40) + "!");
        Filter evil = Filter.compile(new Document("v", Pattern.compile("^(a+)+\\1$")));
        QueryControl control = QueryControl.withTimeout(Duration.ofMillis(200), "TEST_LIMIT");
        long start = System.nanoTime();
        assertThatThrownBy(() -> evil.matches(doc, control)).isInstanceOf(QueryControl.QueryAbortedException.class)
                .hasMessageContaining("TEST_LIMIT");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        QueryControl cancelled = QueryControl.withTimeout(Duration.ofHours(1), "X");
        cancelled.cancel();
        assertThatThrownBy(() -> evil.matches(doc, cancelled)).isInstanceOf(QueryControl.QueryAbortedException.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    void valuesOrderAsMongoDbOrdersThem() {
        List<Object> ordered = List.of(new org.bson.types.MinKey(), "", 1, "a", new Document("a", 1), List.of(1),
                new ObjectId(), false, new Date(0));
        List<Object> expected = List.of(new org.bson.types.MinKey(), 1, "", "a", new Document("a", 1), List.of(1),
                ordered.get(6), false, new Date(0));
        List<Object> sorted = new java.util.ArrayList<>(ordered);
        sorted.sort(Values::compare);
        assertThat(sorted).usingElementComparator((a, b) -> Values.compare(a, b)).containsExactlyElementsOf(expected);
        assertThat(Values.compare(1, 1.5)).isNegative();
        assertThat(Values.compare(Long.MAX_VALUE, (double) Long.MAX_VALUE)).isNegative();
        assertThat(Values.compare(Double.NaN, -1e300)).isNegative();
        assertThat(Values.compare("é", "z")).isPositive();
        assertThat(Values.equal(Map.of("a", 1), new Document("a", 1L))).isTrue();
    }
}
