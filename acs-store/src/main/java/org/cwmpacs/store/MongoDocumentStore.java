package org.cwmpacs.store;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.DocumentStore;

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
    public long count(String collection, Map<String, Object> filter) {
        return collection(collection).countDocuments(toBson(collection, filter));
    }

    @Override
    public void find(String collection, DocumentQuery query, Consumer<Map<String, Object>> each) {
        FindIterable<Document> found = collection(collection).find(toBson(collection, query.filter()));
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
        for (Document doc : found.batchSize(200)) {
            each.accept(fromBson(doc));
        }
    }

    @Override
    public void replace(String collection, String id, Map<String, Object> document) {
        Document doc = toBson(collection, document);
        doc.put("_id", id);
        collection(collection).replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean delete(String collection, String id) {
        return collection(collection).deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0;
    }

    private static Document toBson(String collection, Map<String, Object> map) {
        return (Document) toBson(collection, map, false);
    }

    /** @param objectId whether a hex string here is a task's ObjectId */
    @SuppressWarnings("unchecked")
    private static Object toBson(String collection, Object value, boolean objectId) {
        if (value instanceof Instant) {
            return Date.from((Instant) value);
        }
        if (value instanceof java.math.BigInteger) {
            // JSON integers beyond 64 bits: BSON has no such integer
            java.math.BigInteger big = (java.math.BigInteger) value;
            return big.bitLength() < 64 ? (Object) big.longValue() : new Decimal128(new java.math.BigDecimal(big));
        }
        if (value instanceof java.math.BigDecimal) {
            return new Decimal128((java.math.BigDecimal) value);
        }
        if (value instanceof String && objectId && ObjectId.isValid((String) value)) {
            return new ObjectId((String) value);
        }
        if (value instanceof Map) {
            Document doc = new Document();
            // operators under a task id ({"_id": {"$in": [...]}}) still compare ObjectIds
            ((Map<String, Object>) value).forEach((k, v) -> doc.append(k,
                    toBson(collection, v, objectId && k.startsWith("$") || "_id".equals(k) && "tasks".equals(collection))));
            return doc;
        }
        if (value instanceof List) {
            List<Object> list = new ArrayList<>();
            for (Object item : (List<Object>) value) {
                list.add(toBson(collection, item, objectId));
            }
            return list;
        }
        return value;
    }

    private static Map<String, Object> fromBson(Document doc) {
        Map<String, Object> map = new LinkedHashMap<>();
        doc.forEach((k, v) -> map.put(k, fromBson(v)));
        return map;
    }

    private static Object fromBson(Object value) {
        if (value instanceof Document) {
            return fromBson((Document) value);
        }
        if (value instanceof Date) {
            return ((Date) value).toInstant();
        }
        if (value instanceof ObjectId) {
            return ((ObjectId) value).toHexString();
        }
        if (value instanceof Binary) {
            return Base64.getEncoder().encodeToString(((Binary) value).getData());
        }
        if (value instanceof Decimal128) {
            return ((Decimal128) value).bigDecimalValue();
        }
        if (value instanceof List) {
            List<Object> list = new ArrayList<>();
            for (Object item : (List<?>) value) {
                list.add(fromBson(item));
            }
            return list;
        }
        if (value instanceof org.bson.BsonRegularExpression) {
            org.bson.BsonRegularExpression re = (org.bson.BsonRegularExpression) value;
            return "/" + re.getPattern() + "/" + re.getOptions();
        }
        return value;
    }
}
