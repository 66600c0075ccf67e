package org.cwmpacs.store;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.core.store.QueryControl;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.CountOptions;
import java.util.concurrent.TimeUnit;

/**
 * GenieACS's collections for the NBI, mapping between plain Java values and BSON: dates are
 * {@link Instant}s outside and {@link Date}s inside, and task ids are ObjectIds inside and hex outside.
 */
final class MongoDocumentStore implements DocumentStore {
    private final MongoDatabase database;

    MongoDocumentStore(MongoDatabase database) {
        this.database = database;
    }

    private MongoCollection<Document> collection(String name) {
        if (!COLLECTIONS.contains(name)) {
            throw new IllegalArgumentException("no collection " + name);
        }
        return database.getCollection("files".equals(name) ? "fs.files" : name);
    }

    @Override
    public long count(String collection, Map<String, Object> filter, QueryControl control) {
        CountOptions options = new CountOptions();
        if (control.remainingMillis() != Long.MAX_VALUE) {
            options.maxTime(control.remainingMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            return collection(collection).countDocuments(BsonValues.toBson(collection, filter), options);
        } catch (MongoExecutionTimeoutException e) {
            control.check();
            throw e;
        } catch (com.mongodb.MongoServerException e) {
            throw refusedQuery(e);
        }
    }

    @Override
    public void find(String collection, DocumentQuery query, QueryControl control,
                     Consumer<Map<String, Object>> each) {
        FindIterable<Document> found = collection(collection).find(BsonValues.toBson(collection, query.filter()));
        if (control.remainingMillis() != Long.MAX_VALUE) {
            found.maxTime(control.remainingMillis(), TimeUnit.MILLISECONDS);
        }
        if (!query.projection().isEmpty()) {
            Document projection = new Document();
            query.projection().forEach(p -> projection.append(p, 1));
            found.projection(projection);
        }
        if (!query.sort().isEmpty()) {
            found.sort(new Document(new LinkedHashMap<>(query.sort())));
        }
        if (query.skip() > 0) {
            found.skip(query.skip());
        }
        if (query.limit() > 0) {
            found.limit(query.limit());
        }
        try (MongoCursor<Document> cursor = found.batchSize(200).iterator()) {
            while (cursor.hasNext()) {
                Document doc = cursor.next();
                // a client gone or a time limit passed: closing the cursor stops the server's work too
                control.check();
                each.accept(BsonValues.fromBson(doc));
            }
        } catch (MongoExecutionTimeoutException e) {
            control.check();
            throw e;
        } catch (com.mongodb.MongoServerException e) {
            throw refusedQuery(e);
        }
    }

    /** MongoDB's error codes for a query it cannot run as written: the caller's mistake. */
    private static final java.util.Set<Integer> BAD_QUERY = java.util.Set.of(2, 9, 14, 51091, 51108);

    /**
     * A query MongoDB refuses (an unknown operator, an invalid regular expression or option) is the client's
     * mistake, told in MongoDB's own words without its host or stack (NBI: 400); anything else stays a failure.
     */
    private static RuntimeException refusedQuery(com.mongodb.MongoServerException e) {
        if (BAD_QUERY.contains(e.getCode())) {
            String message = e instanceof com.mongodb.MongoCommandException
                    ? ((com.mongodb.MongoCommandException) e).getErrorMessage() : e.getMessage();
            return new IllegalArgumentException("MongoDB refused the query: " + message);
        }
        return e;
    }

    @Override
    public void replace(String collection, String id, Map<String, Object> document) {
        Document doc = BsonValues.toBson(collection, document);
        doc.put("_id", id);
        collection(collection).replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean delete(String collection, String id) {
        return collection(collection).deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0;
    }
}
