package org.cwmpacs.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The NBI's plain Java values and the stores' BSON values: dates are {@link Instant}s outside and
 * {@link Date}s inside, task ids hex outside and ObjectIds inside, binary base64 outside.
 */
final class BsonValues {
    private BsonValues() {
    }

    static Document toBson(String collection, Map<String, Object> map) {
        return (Document) toBson(collection, map, false);
    }

    /** @param objectId whether a hex string here is a task's ObjectId */
    @SuppressWarnings("unchecked")
    private static Object toBson(String collection, Object value, boolean objectId) {
        if (value instanceof Instant) {
            return Date.from((Instant) value);
        }
        if (value instanceof BigInteger) {
            // JSON integers beyond 64 bits: BSON has no such integer
            BigInteger big = (BigInteger) value;
            return big.bitLength() < 64 ? (Object) big.longValue() : new Decimal128(new BigDecimal(big));
        }
        if (value instanceof BigDecimal) {
            return new Decimal128((BigDecimal) value);
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

    static Map<String, Object> fromBson(Map<String, ?> doc) {
        Map<String, Object> map = new LinkedHashMap<>();
        doc.forEach((k, v) -> map.put(k, fromBson(v)));
        return map;
    }

    @SuppressWarnings("unchecked")
    static Object fromBson(Object value) {
        if (value instanceof Map) {
            return fromBson((Map<String, ?>) value);
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
        if (value instanceof BsonRegularExpression) {
            BsonRegularExpression re = (BsonRegularExpression) value;
            return "/" + re.getPattern() + "/" + re.getOptions();
        }
        return value;
    }
}
