package org.cwmpacs.ui.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.core.task.InvalidTaskException;
import org.cwmpacs.core.task.SessionWait;
import org.cwmpacs.core.task.Task;
import org.cwmpacs.core.task.TaskParser;
import org.cwmpacs.ui.UiServices;
import org.cwmpacs.ui.auth.Authorizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/devices/<id>/tasks} with an array of tasks, as GenieACS's UI commits them: queued under the
 * device's session lock (503 {@code Device is in session} when a session keeps it), the device woken, the answer
 * waiting for its session; then {@code [{_id, status}]} with {@code done}, {@code fault} or {@code pending}, and
 * the connection request's outcome in the {@code Connection-Request} header ({@code OK} or why not). Unlike
 * GenieACS, a task still pending stays queued for the device's next session (the device page lists it, to be
 * deleted there if unwanted).
 */
public final class DeviceTasksApi {
    private static final Logger LOG = LoggerFactory.getLogger("ui");
    /** Tasks one request may queue: GenieACS's UI queues at most 100 before a commit. */
    static final int MAX_TASKS = 100;
    static final String NO_CONTACT = "No contact from CPE";
    static final String TOO_LONG = "Session took too long to complete";

    private final UiServices services;
    private final SessionWait sessions;
    private final Executor executor;

    public DeviceTasksApi(UiServices services, Executor executor) {
        this.services = services;
        this.executor = executor;
        this.sessions = new SessionWait(services.locks(), services.devices(), services.timing(), executor);
    }

    @SuppressWarnings("unchecked")
    public void handle(Request request, Exchange exchange, Authorizer authorizer, Map<String, Object> device,
                       String username) {
        String deviceId = String.valueOf(device.get("_id"));
        List<Object> sent;
        try {
            sent = Json.parseArray(request.bodyText(), "the tasks");
        } catch (Json.InvalidJson e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        if (sent.isEmpty() || sent.size() > MAX_TASKS) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "send 1 to " + MAX_TASKS + " tasks, not " + sent.size());
            return;
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        // the device as the validate expressions read it (object.<parameter>), made once for all the tasks
        Map<String, Object> object = new java.util.HashMap<>();
        FlatDevice.of(device).forEach((path, attributes) -> object.put(path, valueOf(attributes)));
        for (Object t : sent) {
            if (!(t instanceof Map)) {
                exchange.error(HttpResponseStatus.BAD_REQUEST, "each task is a JSON object such as {\"name\": \"reboot\"}");
                return;
            }
            Map<String, Object> task = new LinkedHashMap<>((Map<String, Object>) t);
            task.remove("_id");
            task.put("device", deviceId);
            try {
                TaskParser.parse(task);
            } catch (InvalidTaskException e) {
                exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
                return;
            }
            if (!authorizer.validate("devices", "task", task, object, Map.of())) {
                LOG.warn("\"{}\": task {} on {} refused by the permissions' validate", username, task.get("name"),
                        deviceId);
                exchange.error(HttpResponseStatus.FORBIDDEN, "your permissions do not allow the task \""
                        + task.get("name") + "\" on this device");
                return;
            }
            tasks.add(task);
        }
        Instant informBefore = services.devices().lastInform(deviceId).orElse(Instant.EPOCH);
        String token = "ui_" + UUID.randomUUID();
        sessions.acquire(deviceId, token).thenAcceptAsync(locked -> {
            if (!locked) {
                exchange.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Device is in session");
                return;
            }
            List<Task> queued = new ArrayList<>();
            try {
                for (Map<String, Object> task : tasks) {
                    queued.add(services.tasks().queue(deviceId, task, services.clock().instant()));
                }
            } catch (InvalidTaskException e) {
                // checked above: only a store that changed its mind gets here; what was queued stays
                exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
                return;
            } finally {
                sessions.release(deviceId, token).join();
            }
            LOG.info("\"{}\" queued {} on {}", username, queued.stream().map(Task::name).toList(), deviceId);
            java.util.concurrent.atomic.AtomicReference<String> path = new java.util.concurrent.atomic.AtomicReference<>("");
            services.connectionRequests().wake(deviceId).thenCompose(result -> {
                path.set(result.path());
                if (!result.ok()) {
                    return CompletableFuture.completedFuture(Optional.of(result.status()));
                }
                return sessions.awaitStart(deviceId, informBefore, result.onlineThreshold()
                        .orElse(services.onlineThreshold())).thenCompose(started -> !started
                        ? CompletableFuture.completedFuture(Optional.of(NO_CONTACT))
                        : sessions.awaitEnd(deviceId).thenApply(ended -> ended ? Optional.<String>empty()
                        : Optional.of(TOO_LONG)));
            }).thenAcceptAsync(status -> {
                List<Map<String, Object>> statuses = new ArrayList<>();
                for (Task t : queued) {
                    String outcome = services.faults().exists(deviceId + ":task_" + t.id()) ? "fault"
                            : services.tasks().find(t.id()).isPresent() ? "pending" : "done";
                    statuses.add(Map.of("_id", t.id(), "name", t.name(), "status", outcome));
                }
                exchange.respond(HttpResponseStatus.OK, "application/json", Json.write(statuses),
                        Map.of("Connection-Request", status.orElse("OK"), "Connection-Request-Path", path.get()));
            }, executor).exceptionally(failure -> {
                exchange.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the tasks were queued, but waiting for the "
                        + "device failed: " + failure.getMessage());
                return null;
            });
        }, executor).exceptionally(failure -> {
            exchange.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, String.valueOf(failure.getMessage()));
            return null;
        });
    }

    /** A flattened parameter's value, as a validate expression reads {@code object.<path>}. */
    private static Object valueOf(Map<String, Object> flat) {
        Object value = flat.get("value");
        return value instanceof List<?> pair && !pair.isEmpty() && pair.get(0) != null ? pair.get(0) : "";
    }
}
