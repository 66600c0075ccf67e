package org.cwmpacs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's shortcut for $set by _id gives what MongoDB gives, and survives a restart. */
class FastUpdateH2BackendTest {
    @TempDir
    Path dir;
    private EmbeddedMongo embedded;
    private MongoClient client;
    private MongoCollection<Document> devices;

    @BeforeEach
    void start() {
        open();
    }

    private void open() {
        embedded = EmbeddedMongo.start(dir, 16);
        client = MongoClients.create(embedded.connectionString());
        devices = client.getDatabase("genieacs").getCollection("devices");
    }

    @AfterEach
    void stop() {
        client.close();
        embedded.close();
    }

    @Test
    void setsNestedPathsLeavingTheRestAlone() {
        devices.insertOne(new Document("_id", "d1").append("Device", new Document("A", new Document("_value", 1)))
                .append("_tags", List.of("x")));
        Date now = new Date();
        devices.updateOne(Filters.eq("_id", "d1"), new Document("$set", new Document("Device.A._value", 2)
                .append("Device.B.C._value", "new").append("_lastInform", now))
                .append("$setOnInsert", new Document("_registered", now)));
        Document doc = devices.find(Filters.eq("_id", "d1")).first();
        assertThat(doc.get("Device", Document.class).get("A", Document.class).get("_value")).isEqualTo(2);
        assertThat(doc.get("Device", Document.class).get("B", Document.class).get("C", Document.class).get("_value"))
                .isEqualTo("new");
        assertThat(doc.get("_lastInform")).isEqualTo(now);
        assertThat(doc).doesNotContainKey("_registered");
        assertThat(doc.getList("_tags", String.class)).containsExactly("x");
        assertThat(devices.countDocuments(Filters.eq("Device.B.C._value", "new"))).isOne();

        stop();
        open();
        Document reopened = devices.find(Filters.eq("_id", "d1")).first();
        assertThat(reopened.get("Device", Document.class).get("A", Document.class).get("_value")).isEqualTo(2);
    }

    @Test
    void whatTheShortcutDoesNotHandleTheLibraryDoes() {
        devices.insertOne(new Document("_id", "d2").append("list", List.of(new Document("v", 1))));
        devices.updateOne(Filters.eq("_id", "d2"), new Document("$set", new Document("list.0.v", 5)));
        assertThat(devices.find(Filters.eq("_id", "d2")).first().getList("list", Document.class).get(0).get("v"))
                .isEqualTo(5);
        // an upsert of a missing document
        devices.updateOne(Filters.eq("_id", "d3"), new Document("$set", new Document("a.b", 1)),
                new UpdateOptions().upsert(true));
        assertThat(devices.find(Filters.eq("_id", "d3")).first().get("a", Document.class).get("b")).isEqualTo(1);
        // _id cannot change
        assertThatThrownBy(() -> devices.updateOne(Filters.eq("_id", "d2"), new Document("$set",
                new Document("_id", "other")))).hasMessageContaining("_id");
    }
}
