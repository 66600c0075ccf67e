package org.cwmpacs.ui.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.MongoQuery;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.task.DeviceLock;
import org.cwmpacs.ui.UiServices;
import org.cwmpacs.ui.auth.Authorizer;
import org.cwmpacs.ui.auth.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device: {@code GET|HEAD /api/devices/<id>} (flattened), {@code DELETE} (with its tasks, faults and
 * transfers), {@code POST .../tags} ({@code {"tag": true|false}}), {@code POST .../tasks}, {@code GET .../sessions}
 * (its last CWMP sessions as this process recorded them, secrets hidden). The device must be
 * within the user's filter at the level asked; one outside it answers as one that does not exist.
 */
public final class DeviceApi {
    private static final Logger LOG = LoggerFactory.getLogger("ui");
    private static final int MAX_TAG_CHANGES = 100;

    private final UiServices services;
    private final DeviceTasksApi tasks;
    private final DeviceLock lock;

    public DeviceApi(UiServices services, Executor executor) {
        this.services = services;
        this.tasks = new DeviceTasksApi(services, executor);
        this.lock = new DeviceLock(services.locks(), "ui");
    }

    public void handle(Request request, Exchange exchange, Authorizer authorizer, String id, String action,
                       String username) {
        handle(request, exchange, authorizer, id, action, Optional.empty(), username);
    }

    /**
     * @param item what the action names below the device: a task's id for {@code DELETE .../tasks/<id>}
     */
    public void handle(Request request, Exchange exchange, Authorizer authorizer, String id, String action,
                       Optional<String> item, String username) {
        HttpMethod method = request.method();
        boolean read = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
        if (action.equals("csv") && method.equals(HttpMethod.GET)) {
            Optional<Map<String, Object>> device = find(authorizer, id, Permission.READ);
            if (device.isEmpty()) {
                exchange.error(HttpResponseStatus.NOT_FOUND, "no device \"" + id + "\" that you may see");
            } else {
                csv(exchange, id, FlatDevice.of(device.get()));
            }
            return;
        }
        if (action.equals("tasks") && (read || item.isPresent())) {
            deviceTasks(exchange, authorizer, id, item, method, username);
            return;
        }
        boolean sessions = action.equals("sessions");
        if (action.isEmpty() && !read && !method.equals(HttpMethod.DELETE)
                || sessions && !method.equals(HttpMethod.GET)
                || !action.isEmpty() && !sessions && !method.equals(HttpMethod.POST)) {
            exchange.methodNotAllowed(action.isEmpty() ? "GET, HEAD, DELETE" : sessions ? "GET" : "POST");
            return;
        }
        if (!read && !authorizer.hasAccess("devices", Permission.WRITE)) {
            exchange.error(HttpResponseStatus.FORBIDDEN, "your roles may not change devices");
            return;
        }
        int level = method.equals(HttpMethod.HEAD) ? Permission.COUNT : read ? Permission.READ : Permission.WRITE;
        Optional<Map<String, Object>> device = find(authorizer, id, level);
        if (device.isEmpty()) {
            exchange.error(HttpResponseStatus.NOT_FOUND, "no device \"" + id + "\" that you may "
                    + (read ? "see" : "change"));
            return;
        }
        if (sessions) {
            exchange.json(HttpResponseStatus.OK, TranscriptView.of(services.transcripts().sessions(id)));
            return;
        }
        if (read) {
            if (method.equals(HttpMethod.HEAD)) {
                exchange.respond(HttpResponseStatus.OK, "application/json", new byte[0], Map.of());
            } else {
                exchange.json(HttpResponseStatus.OK, FlatDevice.of(device.get()));
            }
            return;
        }
        switch (action) {
            case "":
                if (!authorizer.validate("devices", "delete", Map.of(), Map.of(), Map.of())) {
                    exchange.error(HttpResponseStatus.FORBIDDEN, "your permissions do not allow deleting devices");
                    return;
                }
                boolean done = lock.run(id, () -> {
                    services.devices().delete(id);
                    services.tasks().deleteForDevice(id);
                    services.faults().deleteForDevice(id);
                    services.operations().deleteForDevice(id);
                });
                if (done) {
                    LOG.info("\"{}\" deleted device {}", username, id);
                    exchange.respond(HttpResponseStatus.OK);
                } else {
                    exchange.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Device is in session");
                }
                break;
            case "tags":
                tags(request, exchange, authorizer, id, username);
                break;
            case "tasks":
                tasks.handle(request, exchange, authorizer, device.get(), username);
                break;
            default:
                exchange.error(HttpResponseStatus.NOT_FOUND, "no such API: /api/devices/<id>/" + action);
        }
    }

    private void tags(Request request, Exchange exchange, Authorizer authorizer, String id, String username) {
        Map<String, Object> changes;
        try {
            changes = Json.parseObject(request.bodyText(), "the tags");
        } catch (Json.InvalidJson e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        if (changes.isEmpty() || changes.size() > MAX_TAG_CHANGES
                || !changes.values().stream().allMatch(v -> v instanceof Boolean)) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "send {\"<tag>\": true} to tag, {\"<tag>\": false} to untag "
                    + "(1 to " + MAX_TAG_CHANGES + " tags)");
            return;
        }
        if (!authorizer.validate("devices", "tags", changes, Map.of(), Map.of())) {
            exchange.error(HttpResponseStatus.FORBIDDEN, "your permissions do not allow changing this device's tags");
            return;
        }
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            String tag = e.getKey().strip();
            if (tag.isEmpty() || tag.length() > 200) {
                exchange.error(HttpResponseStatus.BAD_REQUEST, "a tag has 1 to 200 characters");
                return;
            }
        }
        changes.forEach((tag, on) -> services.devices().tag(id, tag.strip(), (Boolean) on));
        LOG.info("\"{}\" changed tags of {}: {}", username, id, changes);
        exchange.respond(HttpResponseStatus.OK);
    }

    /**
     * {@code GET .../tasks}: the device's queued tasks (as the device page lists them, with a task's fault if it
     * has one), for whoever may read the device; {@code DELETE .../tasks/<task>}: one of them and its fault, for
     * whoever may change it.
     */
    private void deviceTasks(Exchange exchange, Authorizer authorizer, String id, Optional<String> task,
                             HttpMethod method, String username) {
        boolean delete = task.isPresent();
        if (delete != method.equals(HttpMethod.DELETE) || !delete && !method.equals(HttpMethod.GET)) {
            exchange.methodNotAllowed(delete ? "DELETE" : "GET");
            return;
        }
        if (delete && !authorizer.hasAccess("devices", Permission.WRITE)) {
            exchange.error(HttpResponseStatus.FORBIDDEN, "your roles may not change devices");
            return;
        }
        if (find(authorizer, id, delete ? Permission.WRITE : Permission.READ).isEmpty()) {
            exchange.error(HttpResponseStatus.NOT_FOUND, "no device \"" + id + "\" that you may "
                    + (delete ? "change" : "see"));
            return;
        }
        if (delete) {
            boolean ours = services.tasks().find(task.get()).map(t -> t.deviceId().equals(id)).orElse(false);
            if (!ours) {
                exchange.error(HttpResponseStatus.NOT_FOUND, "no task " + task.get() + " on this device");
                return;
            }
            boolean done = lock.run(id, () -> {
                services.tasks().delete(task.get()).join();
                services.faults().delete(id + ":task_" + task.get()).join();
            });
            if (done) {
                LOG.info("\"{}\" deleted task {} of {}", username, task.get(), id);
                exchange.respond(HttpResponseStatus.OK);
            } else {
                exchange.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Device is in session");
            }
            return;
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        services.documents().find("tasks", new DocumentQuery(Map.of("device", id), List.of(), Map.of("timestamp", 1), 0,
                1000), doc -> {
                    org.cwmpacs.core.task.TaskSecrets.hide(doc);
                    doc.put("fault", services.faults().exists(id + ":task_" + doc.get("_id")));
                    tasks.add(doc);
                });
        exchange.json(HttpResponseStatus.OK, tasks);
    }

    private static final List<String> CSV_COLUMNS = List.of("Parameter", "Object", "Object timestamp", "Writable",
            "Writable timestamp", "Value", "Value type", "Value timestamp", "Notification", "Notification timestamp",
            "Access list", "Access list timestamp");

    /** Every parameter of the device, a row each, with its attributes and their timestamps, as GenieACS's export. */
    private static void csv(Exchange exchange, String id, Map<String, Map<String, Object>> flat) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(DevicesCsv.row(CSV_COLUMNS));
        for (Map.Entry<String, Map<String, Object>> p : new java.util.TreeMap<>(flat).entrySet()) {
            Map<String, Object> a = p.getValue();
            List<?> value = a.get("value") instanceof List<?> v ? v : List.of();
            out.writeBytes(DevicesCsv.row(java.util.Arrays.asList(p.getKey(), text(a.get("object")),
                    time(a.get("objectTimestamp")), text(a.get("writable")), time(a.get("writableTimestamp")),
                    value.isEmpty() ? "" : text(value.get(0)), value.size() < 2 ? "" : text(value.get(1)),
                    time(a.get("valueTimestamp")), text(a.get("notification")), time(a.get("notificationTimestamp")),
                    text(a.get("accessList")), time(a.get("accessListTimestamp")))));
        }
        String file = id.replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv";
        exchange.respond(HttpResponseStatus.OK, "text/csv; charset=utf-8", out.toByteArray(),
                Map.of("Content-Disposition", "attachment; filename=\"" + file + "\""));
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                : String.valueOf(v);
    }

    private static String time(Object millis) {
        return millis instanceof Number n && n.longValue() > 0 ? java.time.Instant.ofEpochMilli(n.longValue()).toString()
                : "";
    }

    /** The stored device, if the user reaches it at {@code level}. */
    Optional<Map<String, Object>> find(Authorizer authorizer, String id, int level) {
        Optional<Expr> allowed = authorizer.filter("devices", level);
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> query = MongoQuery.devices(new Expr.Op("AND", List.of(allowed.get(),
                new Expr.Op("=", List.of(new Expr.Param(new Expr.Lit("DeviceID.ID")), new Expr.Lit(id))))),
                System.currentTimeMillis());
        List<Map<String, Object>> found = new ArrayList<>();
        services.documents().find("devices", new DocumentQuery(query, List.of(), Map.of(), 0, 1), found::add);
        return found.stream().findFirst();
    }
}
