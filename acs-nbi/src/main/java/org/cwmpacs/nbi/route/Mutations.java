package org.cwmpacs.nbi.route;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.script.ScriptSyntax;
import java.util.List;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.nbi.NbiServices;
import org.cwmpacs.nbi.http.Exchange;
import org.cwmpacs.nbi.http.Request;
import org.cwmpacs.nbi.json.Json;

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
        this.lock = new DeviceLock(services.locks());
    }

    /** {@code PUT|DELETE /presets/<name>} and {@code /objects/<name>}: JSON documents, stored as given. */
    public void jsonDocument(Request request, Exchange exchange, String collection, String name) {
        if (request.method().equals(HttpMethod.PUT)) {
            Map<String, Object> document;
            try {
                document = Json.parseObject(request.bodyText(), collection.substring(0, collection.length() - 1));
            } catch (Json.InvalidJson e) {
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

    /** {@code PUT|DELETE /provisions/<name>} and {@code /virtual_parameters/<name>}: JavaScript, checked. */
    public void script(Request request, Exchange exchange, String collection, String name) {
        if (request.method().equals(HttpMethod.PUT)) {
            String script = request.bodyText();
            Optional<String> error = ScriptSyntax.check(script);
            if (error.isPresent()) {
                exchange.error(HttpResponseStatus.BAD_REQUEST, error.get());
                return;
            }
            services.documents().replace(collection, name, Map.of("script", script));
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
        if (!request.method().equals(HttpMethod.DELETE)) {
            exchange.methodNotAllowed("PUT DELETE");
            return;
        }
        Optional<String> device = taskDevice(exchange, taskId, false);
        if (device.isEmpty()) {
            return;
        }
        String deviceId = device.get();
        boolean done = lock.run(deviceId, () -> {
            services.tasks().delete(taskId).join();
            services.faults().delete(deviceId + ":task_" + taskId).join();
        });
        answerLocked(exchange, done);
    }

    /** {@code POST /tasks/<id>/retry}: clears the task's fault so that it runs at the next session. */
    public void retryTask(Request request, Exchange exchange, String taskId) {
        if (!request.method().equals(HttpMethod.POST)) {
            exchange.methodNotAllowed("POST");
            return;
        }
        Optional<String> device = taskDevice(exchange, taskId, true);
        if (device.isEmpty()) {
            return;
        }
        String deviceId = device.get();
        answerLocked(exchange, lock.run(deviceId,
                () -> services.faults().delete(deviceId + ":task_" + taskId).join()));
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
