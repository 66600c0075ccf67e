package org.cwmpacs.store;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.cwmpacs.core.task.InvalidTaskException;
import org.cwmpacs.core.task.Task;
import org.cwmpacs.core.task.TaskParser;
import org.cwmpacs.core.task.TaskSpec;

/**
 * GenieACS's {@code tasks} document: {@code {_id: ObjectId, device, name, timestamp, expiry?, uniqueKey?,
 * ...the task's fields}}, the same whatever store keeps it.
 */
final class TaskDocuments {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskDocuments.class);

    private TaskDocuments() {
    }

    /** A new task's document, checked ({@link InvalidTaskException} names the bad field). */
    static Document create(String deviceId, Map<String, Object> fields, Instant now) throws InvalidTaskException {
        TaskSpec spec = TaskParser.parse(fields);
        Instant timestamp = TaskParser.timestamp(fields, now);
        Optional<Instant> expiry = TaskParser.expiry(fields, timestamp);
        Document doc = new Document("_id", new ObjectId());
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!TaskParser.ENVELOPE.contains(e.getKey()) && e.getValue() != null) {
                doc.put(e.getKey(), e.getValue());
            }
        }
        doc.put("name", spec.name());
        doc.put("device", deviceId);
        doc.put("timestamp", Date.from(timestamp));
        expiry.ifPresent(t -> doc.put("expiry", Date.from(t)));
        Object uniqueKey = fields.get("uniqueKey");
        if (uniqueKey != null) {
            // GenieACS: a task with a unique key replaces the device's other tasks with that key
            doc.put("uniqueKey", uniqueKey);
        }
        return doc;
    }

    /**
     * The device's tasks among {@code stored} (oldest first) that are due at {@code now}; a stored task that
     * no longer parses is left out, and reported, rather than stopping the device's other tasks.
     */
    static java.util.List<Task> due(String deviceId, Iterable<Document> stored, Instant now) {
        java.util.List<Task> due = new java.util.ArrayList<>();
        for (Document doc : stored) {
            Date timestamp = doc.getDate("timestamp");
            if (timestamp != null && timestamp.toInstant().isAfter(now)) {
                continue;
            }
            try {
                due.add(toTask(doc));
            } catch (InvalidTaskException | RuntimeException e) {
                LOG.warn("{}: stored task {} cannot run and is skipped: {}; delete it through the NBI", deviceId,
                        doc.get("_id"), e.getMessage());
            }
        }
        return due;
    }

    /** The stored task, or empty when it no longer parses (it cannot be run, only deleted). */
    static Optional<Task> parse(Document doc) {
        try {
            return Optional.of(toTask(doc));
        } catch (InvalidTaskException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Task toTask(Document doc) throws InvalidTaskException {
        TaskSpec spec = TaskParser.parse(doc);
        Date timestamp = doc.getDate("timestamp");
        Instant at = timestamp == null ? Instant.EPOCH : timestamp.toInstant();
        Map<String, Object> fields = new LinkedHashMap<>();
        doc.forEach((k, v) -> {
            if (v != null && !"_id".equals(k)) {
                fields.put(k, v);
            }
        });
        Object expiry = doc.get("expiry");
        return new Task(String.valueOf(doc.get("_id")), doc.getString("device"), at,
                expiry instanceof Date ? Optional.of(((Date) expiry).toInstant()) : Optional.empty(), spec, fields);
    }
}
