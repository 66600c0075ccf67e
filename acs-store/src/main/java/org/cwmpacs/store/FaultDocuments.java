package org.cwmpacs.store;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
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
                // GenieACS keeps the channel's provisions here, as JSON text
                .append("provisions", json(fault.provisions()));
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

    /** As JavaScript's {@code JSON.stringify} writes a list of provisions: no spaces, integral numbers bare. */
    static String json(List<List<Object>> provisions) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < provisions.size(); i++) {
            out.append(i == 0 ? "[" : ",[");
            List<Object> provision = provisions.get(i);
            for (int j = 0; j < provision.size(); j++) {
                if (j > 0) {
                    out.append(',');
                }
                value(out, provision.get(j));
            }
            out.append(']');
        }
        return out.append(']').toString();
    }

    private static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            out.append(v);
        } else if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            out.append(Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                    : Double.isFinite(d) ? Double.toString(d) : "null");
        } else {
            out.append('"');
            for (char c : String.valueOf(v).toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
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
