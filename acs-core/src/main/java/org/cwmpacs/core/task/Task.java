package org.cwmpacs.core.task;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A queued task, as the {@code tasks} collection holds it.
 *
 * @param id the document's ObjectId, as 24 hex digits
 * @param timestamp when it was queued; a task is due once this has passed
 * @param expiry after this the task is dropped unrun
 * @param fields the document's other fields as the caller gave them (kept so that the task can be shown as sent)
 */
public record Task(String id, String deviceId, Instant timestamp, Optional<Instant> expiry, TaskSpec spec,
                   Map<String, Object> fields) {
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(spec, "spec");
        fields = Map.copyOf(fields);
    }

    public String name() {
        return spec.name();
    }

    /** The fault channel of this task: faults are stored as {@code <deviceId>:task_<id>}. */
    public String channel() {
        return "task_" + id;
    }

    public boolean expired(Instant now) {
        return expiry.map(now::isAfter).orElse(false);
    }
}
