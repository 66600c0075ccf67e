package org.cwmpacs.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cwmpacs.core.task.InvalidTaskException;
import org.cwmpacs.core.task.Task;

/** The {@code tasks} collection. */
public interface TaskStore {
    /**
     * Validates and queues a task for a device ({@code device}, {@code timestamp}, {@code _id} are set here).
     *
     * @throws InvalidTaskException naming the bad field; nothing is queued
     */
    Task queue(String deviceId, Map<String, Object> fields, Instant now) throws InvalidTaskException;

    /**
     * The device's tasks due at {@code now}, oldest first. A stored task that no longer parses is left out
     * (and reported) rather than stopping the device's other tasks.
     */
    CompletableFuture<List<Task>> due(String deviceId, Instant now);

    Optional<Task> find(String taskId);

    CompletableFuture<Void> delete(String taskId);

    /** Deletes every task of a device. Blocking. */
    void deleteForDevice(String deviceId);
}
