package org.cwmpacs.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same contract against a real MongoDB 7; skipped where no Docker engine runs (as on the dev machines). */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoStoreTest extends StoreContractTest {
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private MongoStore store;

    @BeforeEach
    void connect() {
        store = MongoStore.connect(MONGO.getConnectionString() + "/acs_test_" + System.nanoTime());
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    @Override
    MongoStore store() {
        return store;
    }

    @Override
    org.bson.Document raw(String collection, Object id) {
        return store.database().getCollection(collection).find(new org.bson.Document("_id", id)).first();
    }

    @Override
    long rawCount(String collection) {
        return store.database().getCollection(collection).countDocuments();
    }

    @Override
    long storedContents() {
        return rawCount("fs.chunks");
    }

    @Override
    long contentsOf(long length) {
        return (length + 255 * 1024 - 1) / (255 * 1024);
    }
}
