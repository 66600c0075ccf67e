package org.cwmpacs.nbi.route;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.script.ScriptSyntax;
import org.cwmpacs.core.task.DeviceLock;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.nbi.NbiServices;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.core.http.Json;

/**
 * The NBI's writes other than tasks and files: deleting tasks, faults and devices, retrying a task,
 * tagging, and storing presets, objects, provisions and virtual parameters.
 */
public final class Mutations {
    private static final String IN_SESSION = "Device is in session";

    private final NbiServices services;
    private final DeviceLock lock;

    public Mutations(NbiServices services) {
        this.services = services;
        this.lock = new DeviceLock(services.locks(), "nbi");
    }

    /** {@code PUT|DELETE /presets/<name>} and {@code /objects/<name>}: JSON documents, stored as given. */
    public void jsonDocument(Request request, Exchange exchange, String collection, String name) {
        putOrDelete(request, exchange, collection, name, body -> {
            try {
                return Json.parseObject(body, collection.substring(0, collection.length() - 1));
            } catch (Json.InvalidJson e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        });
    }

    /** {@code PUT|DELETE /provisions/<name>} and {@code /virtual_parameters/<name>}: JavaScript, checked. */
    public void script(Request request, Exchange exchange, String collection, String name) {
        putOrDelete(request, exchange, collection, name, body -> {
            ScriptSyntax.check(body).ifPresent(error -> {
                throw new IllegalArgumentException(error);
            });
            return Map.of("script", body);
        });
    }

    /**
     * PUT stores the document {@code read} makes of the body (an IllegalArgumentException from it is the 400's
     * message); DELETE removes it, present or not.
     */
    private void putOrDelete(Request request, Exchange exchange, String collection, String name,
                             java.util.function.Function<String, Map<String, Object>> read) {
        if (request.method().equals(HttpMethod.PUT)) {
            Map<String, Object> document;
            try {
                document = read.apply(request.bodyText());
            } catch (IllegalArgumentException e) {
                exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
                return;
            }
            services.documents().replace(collection, name, document);
            exchange.respond(HttpResponseStatus.OK);
        } else if (request.method().equals(HttpMethod.DELETE)) {
            services.documents().delete(collection, name);
            exchange.respond(HttpResponseStatus.OK);
        } else {
            exchange.methodNotAllowed("PUT, DELETE");
        }
    }

    /** {@code POST|DELETE /devices/<id>/tags/<tag>}. */
    public void tag(Request request, Exchange exchange, String deviceId, String tag) {
        boolean add = request.method().equals(HttpMethod.POST);
        if (!add && !request.method().equals(HttpMethod.DELETE)) {
            exchange.methodNotAllowed("POST, DELETE");
            return;
        }
        if (!services.devices().tag(deviceId, tag, add)) {
            exchange.text(HttpResponseStatus.NOT_FOUND, "No such device");
            return;
        }
        exchange.respond(HttpResponseStatus.OK);
    }

    /** {@code DELETE /faults/<deviceId>:<channel>}; a task's fault takes the task with it. */
    public void deleteFault(Request request, Exchange exchange, String faultId) {
        if (!request.method().equals(HttpMethod.DELETE)) {
            exchange.methodNotAllowed("DELETE");
            return;
        }
        int colon = faultId.lastIndexOf(':');
        if (colon < 1) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "a fault id reads <device id>:<channel>, not '"
                    + faultId + "'");
            return;
        }
        String deviceId = faultId.substring(0, colon);
        String channel = faultId.substring(colon + 1);
        boolean done = lock.run(deviceId, () -> {
            services.faults().delete(faultId).join();
            if (channel.startsWith("task_")) {
                services.tasks().delete(channel.substring(5)).join();
            }
        });
        answerLocked(exchange, done);
    }

    /** {@code DELETE /tasks/<id>}: the task and its fault. */
    public void deleteTask(Request request, Exchange exchange, String taskId) {
        // GenieACS's Allow header, as it sends it
        onTask(request, exchange, taskId, HttpMethod.DELETE, "PUT DELETE", false, deviceId -> {
            services.tasks().delete(taskId).join();
            services.faults().delete(deviceId + ":task_" + taskId).join();
        });
    }

    /** {@code POST /tasks/<id>/retry}: clears the task's fault so that it runs at the next session. */
    public void retryTask(Request request, Exchange exchange, String taskId) {
        onTask(request, exchange, taskId, HttpMethod.POST, "POST", true,
                deviceId -> services.faults().delete(deviceId + ":task_" + taskId).join());
    }

    /** Does {@code work} under the lock of the task's device, once the method and the task check out. */
    private void onTask(Request request, Exchange exchange, String taskId, HttpMethod method, String allow,
                        boolean jsonNotFound, java.util.function.Consumer<String> work) {
        if (!request.method().equals(method)) {
            exchange.methodNotAllowed(allow);
            return;
        }
        Optional<String> device = taskDevice(exchange, taskId, jsonNotFound);
        if (device.isPresent()) {
            answerLocked(exchange, lock.run(device.get(), () -> work.accept(device.get())));
        }
    }

    /** {@code DELETE /devices/<id>}: the device with its tasks, faults and pending transfers. */
    public void deleteDevice(Request request, Exchange exchange, String deviceId) {
        if (!request.method().equals(HttpMethod.DELETE)) {
            exchange.methodNotAllowed("DELETE");
            return;
        }
        answerLocked(exchange, lock.run(deviceId, () -> {
            services.devices().delete(deviceId);
            services.tasks().deleteForDevice(deviceId);
            services.faults().deleteForDevice(deviceId);
            services.operations().deleteForDevice(deviceId);
        }));
    }

    /** The device a task is for; read raw, so that a stored task too broken to run can still be deleted. */
    @SuppressWarnings("unchecked")
    private Optional<String> taskDevice(Exchange exchange, String taskId, boolean json) {
        if (!taskId.matches("[0-9a-fA-F]{24}")) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "'" + taskId
                    + "' is not a task id; task ids are 24 hexadecimal digits");
            return Optional.empty();
        }
        Optional<String>[] device = new Optional[] {Optional.empty()};
        services.documents().find("tasks", new DocumentQuery(Map.of("_id", taskId), List.of("device"), Map.of(), 0, 1),
                doc -> device[0] = Optional.ofNullable(doc.get("device")).map(String::valueOf));
        Optional<String> task = device[0];
        if (task.isEmpty()) {
            if (json) {
                exchange.error(HttpResponseStatus.NOT_FOUND, "Task not found");
            } else {
                exchange.text(HttpResponseStatus.NOT_FOUND, "Task not found");
            }
        }
        return task;
    }

    private static void answerLocked(Exchange exchange, boolean done) {
        if (done) {
            exchange.respond(HttpResponseStatus.OK);
        } else {
            exchange.text(HttpResponseStatus.SERVICE_UNAVAILABLE, IN_SESSION);
        }
    }
}
