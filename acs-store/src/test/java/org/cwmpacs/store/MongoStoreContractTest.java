package org.cwmpacs.store;

import com.mongodb.client.model.Filters;
import org.bson.Document;

/** The store contract on the MongoDB side of the store: documents and GridFS chunks read through the driver. */
abstract class MongoStoreContractTest extends StoreContractTest {
    private static final int CHUNK = 255 * 1024;

    @Override
    abstract MongoStore store();

    @Override
    Document raw(String collection, Object id) {
        return store().database().getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    @Override
    long rawCount(String collection) {
        return store().database().getCollection(collection).countDocuments();
    }

    @Override
    long storedContents() {
        return rawCount("fs.chunks");
    }

    @Override
    long contentsOf(long length) {
        return (length + CHUNK - 1) / CHUNK;
    }
}
