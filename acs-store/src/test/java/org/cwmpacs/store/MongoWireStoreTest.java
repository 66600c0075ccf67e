package org.cwmpacs.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract on the MongoDB side of the store (what runs with {@code GENIEACS_MONGODB_CONNECTION_URL}),
 * against an in-memory server speaking MongoDB's wire protocol, so that it is checked on every build, Docker
 * or not.
 */
class MongoWireStoreTest extends MongoStoreContractTest {
    private MongoServer server;
    private MongoStore store;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        String url = server.bindAndGetConnectionString();
        store = MongoStore.connect(url + "/genieacs", true, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        store.close();
        server.shutdown();
    }

    @Override
    MongoStore store() {
        return store;
    }

    @Test
    void sessionLocksAreGenieAcsLockDocuments() throws Exception {
        assertThat(store.sessionLocks().acquire("dev-L", "t2", Duration.ofSeconds(60)).get()).isTrue();
        Document lock = raw("locks", "cwmp_session_dev-L");
        assertThat(lock).containsEntry("value", "t2");
        assertThat(lock.get("expire", Date.class)).isAfter(new Date());
    }

    @Override
    boolean refusesBadQueries() {
        return false;
    }
}
