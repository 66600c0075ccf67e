package org.cwmpacs.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same contract against a real MongoDB 7; skipped where no Docker engine runs (as on the dev machines). */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoStoreTest extends MongoStoreContractTest {
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
}
