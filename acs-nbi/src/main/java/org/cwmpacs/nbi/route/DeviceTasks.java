package org.cwmpacs.nbi.route;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.cwmpacs.core.connreq.ConnectionRequestResult;
import org.cwmpacs.core.task.InvalidTaskException;
import org.cwmpacs.core.task.SessionWait;
import org.cwmpacs.core.task.Task;
import org.cwmpacs.core.task.TaskParser;
import org.cwmpacs.nbi.NbiConfig;
import org.cwmpacs.nbi.NbiServices;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.core.http.Json;

/**
 * {@code POST /devices/<id>/tasks[?connection_request][&timeout=<ms>]}, with GenieACS's answers:
 * <ul>
 * <li>a task alone is queued: 202 with the task;</li>
 * <li>{@code connection_request} alone wakes the device: 200, or 504 with why not;</li>
 * <li>both: the task is queued, the device woken, and the answer waits for the session: 200 with the task
 * when it ran, else 202 whose reason phrase says why ({@code Task queued but not processed},
 * {@code Task faulted}, or the connection request's failure).</li>
 * </ul>
 * The waiting never holds a thread ({@link SessionWait}).
 */
public final class DeviceTasks {
    static final String NOT_PROCESSED = "Task queued but not processed";
    static final String FAULTED = "Task faulted";

    private static final java.util.Set<String> ECHOED_AFTER = java.util.Set.of("device", "timestamp", "expiry", "_id");

    private final NbiServices services;
    private final NbiConfig config;
    private final Executor executor;
    private final SessionWait sessions;

    public DeviceTasks(NbiServices services, NbiConfig config, Executor executor) {
        this.services = services;
        this.config = config;
        this.executor = executor;
        this.sessions = new SessionWait(services.locks(), services.devices(), new SessionWait.Timing(config.lockWait(),
                config.sessionWait(), config.pollInterval()), executor);
    }

    public void handle(Request request, Exchange exchange, String deviceId) {
        if (!request.method().equals(HttpMethod.POST)) {
            exchange.methodNotAllowed("POST");
            return;
        }
        boolean wake = request.has("connection_request");
        Optional<Map<String, Object>> fields = Optional.empty();
        if (request.body().length > 0) {
            try {
                fields = Optional.of(Json.parseObject(request.bodyText(), "the task"));
            } catch (Json.InvalidJson e) {
                exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
                return;
            }
        }
        if (fields.isEmpty() && !wake) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "send a task as the JSON body, such as "
                    + "{\"name\": \"reboot\"}, or ?connection_request to wake the device");
            return;
        }
        Optional<Duration> requested;
        try {
            requested = timeout(request);
            if (fields.isPresent()) {
                TaskParser.parse(fields.get());
            }
        } catch (IllegalArgumentException | InvalidTaskException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        Optional<Instant> lastInform = services.devices().lastInform(deviceId);
        if (lastInform.isEmpty()) {
            exchange.text(HttpResponseStatus.NOT_FOUND, "No such device");
            return;
        }
        if (fields.isEmpty()) {
            wakeOnly(exchange, deviceId);
            return;
        }
        if (!wake) {
            Map<String, Object> sent = fields.get();
            Optional<Task> task = queue(exchange, deviceId, sent);
            task.ifPresent(t -> exchange.json(HttpResponseStatus.ACCEPTED, view(sent, t)));
            return;
        }
        Optional<Duration> timeout = requested;
        String token = "nbi_" + UUID.randomUUID();
        Map<String, Object> body = fields.get();
        Instant informBefore = lastInform.get();
        sessions.acquire(deviceId, token).thenAcceptAsync(locked -> {
            Optional<Task> task;
            try {
                task = queue(exchange, deviceId, body);
            } finally {
                if (locked) {
                    services.locks().release(deviceId, token).join();
                }
            }
            if (task.isEmpty()) {
                return;
            }
            Task queued = task.get();
            if (!locked) {
                // a session kept the device: the task waits for that session or the next
                answer(exchange, queued, body, Optional.of(NOT_PROCESSED));
                return;
            }
            services.connectionRequests().wake(deviceId).thenCompose(result -> {
                if (!result.ok()) {
                    return CompletableFuture.completedFuture(Optional.of(result.status()));
                }
                Duration within = timeout.or(result::onlineThreshold).orElse(config.onlineThreshold());
                return sessions.awaitStart(deviceId, informBefore, within).thenCompose(started -> {
                    if (!started) {
                        return CompletableFuture.completedFuture(Optional.of(NOT_PROCESSED));
                    }
                    return sessions.awaitEnd(deviceId)
                            .thenApplyAsync(ended -> !ended ? Optional.of(NOT_PROCESSED)
                                    : services.faults().exists(deviceId + ":task_" + queued.id())
                                    ? Optional.of(FAULTED) : Optional.<String>empty(), executor);
                });
            }).whenComplete((status, failure) -> {
                if (failure != null) {
                    exchange.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the task was queued, but waiting "
                            + "for the device failed: " + failure.getMessage());
                } else {
                    answer(exchange, queued, body, status);
                }
            });
        }, executor).exceptionally(failure -> {
            exchange.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, String.valueOf(failure.getMessage()));
            return null;
        });
    }

    private void wakeOnly(Exchange exchange, String deviceId) {
        ConnectionRequestResult result = services.connectionRequests().wake(deviceId).join();
        if (result.ok()) {
            // which way reached it (HTTP, UDP or XMPP): ours, GenieACS answers without
            exchange.respond(HttpResponseStatus.OK, "text/plain; charset=utf-8", new byte[0],
                    Map.of("Connection-Request-Path", result.path()));
        } else {
            exchange.text(Exchange.status(504, result.status()), result.status());
        }
    }

    private Optional<Task> queue(Exchange exchange, String deviceId, Map<String, Object> fields) {
        try {
            return Optional.of(services.tasks().queue(deviceId, fields, services.clock().instant()));
        } catch (InvalidTaskException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return Optional.empty();
        }
    }

    private static void answer(Exchange exchange, Task task, Map<String, Object> fields, Optional<String> status) {
        HttpResponseStatus code = status.map(reason -> Exchange.status(202, reason)).orElse(HttpResponseStatus.OK);
        exchange.json(code, view(fields, task));
    }

    /** The task as GenieACS echoes it: the fields sent, then {@code device}, {@code timestamp}, {@code _id}. */
    static Map<String, Object> view(Map<String, Object> fields, Task task) {
        Map<String, Object> view = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!ECHOED_AFTER.contains(k)) {
                view.put(k, v);
            }
        });
        view.put("device", task.deviceId());
        view.put("timestamp", task.timestamp());
        task.expiry().ifPresent(e -> view.put("expiry", e));
        view.put("_id", task.id());
        return view;
    }

    private static Optional<Duration> timeout(Request request) {
        Optional<String> text = request.param("timeout");
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        try {
            long ms = Long.parseLong(text.get().strip());
            if (ms < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(Duration.ofMillis(ms));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timeout must be a whole number of milliseconds, not '"
                    + text.get() + "'");
        }
    }
}
