package org.cwmpacs.store;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.cwmpacs.core.fault.Fault;

/**
 * GenieACS's {@code faults} document: {@code {_id: "<deviceId>:<channel>", device, channel, timestamp, code,
 * message, detail, retries, provisions, expiry?}}.
 */
final class FaultDocuments {
    private FaultDocuments() {
    }

    static Document toDocument(Fault fault) {
        Document doc = new Document("_id", fault.id()).append("device", fault.deviceId())
                .append("channel", fault.channel()).append("timestamp", Date.from(fault.timestamp()))
                .append("code", fault.code()).append("message", fault.message())
                .append("detail", new Document(fault.detail())).append("retries", fault.retries())
                // GenieACS keeps the pending provisions here; a task's work is its task document
                .append("provisions", "[]");
        fault.expiry().ifPresent(t -> doc.append("expiry", Date.from(t)));
        return doc;
    }

    static Fault fromDocument(Document doc) {
        Object detail = doc.get("detail");
        Date timestamp = doc.getDate("timestamp");
        Object expiry = doc.get("expiry");
        Object retries = doc.get("retries");
        return new Fault(String.valueOf(doc.get("device")), String.valueOf(doc.get("channel")),
                timestamp == null ? Instant.EPOCH : timestamp.toInstant(), String.valueOf(doc.get("code")),
                String.valueOf(doc.get("message")), detail instanceof Map ? copy((Map<?, ?>) detail) : Map.of(),
                retries instanceof Number ? ((Number) retries).intValue() : 0,
                expiry instanceof Date ? Optional.of(((Date) expiry).toInstant()) : Optional.empty());
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                result.put(String.valueOf(k), v);
            }
        });
        return result;
    }
}
