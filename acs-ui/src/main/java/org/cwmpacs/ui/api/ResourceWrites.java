package org.cwmpacs.ui.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.expression.Parser;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.core.script.ScriptSyntax;
import org.cwmpacs.core.task.DeviceLock;
import org.cwmpacs.ui.UiServices;
import org.cwmpacs.ui.auth.Authorizer;
import org.cwmpacs.ui.auth.Permission;
import org.cwmpacs.ui.auth.UiSessions;
import org.cwmpacs.ui.auth.UiUser;
import org.cwmpacs.ui.auth.UserPassword;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT} and {@code DELETE /api/<resource>/<id>}: write access on the resource, the document within the
 * permission's filter (when it exists), and the permissions' {@code validate} expressions holding for the change.
 * Each resource's body is checked as GenieACS checks it, and a refusal says what is wrong (400).
 */
final class ResourceWrites {
    private static final Logger LOG = LoggerFactory.getLogger("ui");
    private static final Map<String, Integer> MIN_PASSWORD = Map.of("users", 8);

    private final UiServices services;
    private final UiSessions sessions;
    private final DeviceLock lock;

    ResourceWrites(UiServices services, UiSessions sessions) {
        this.services = services;
        this.sessions = sessions;
        this.lock = new DeviceLock(services.locks(), "ui");
    }

    /**
     * @param existing the stored document, if there and within the user's write filter
     */
    void handle(Request request, Exchange exchange, Authorizer authorizer, String resource, String id, String username,
                Optional<Map<String, Object>> existing) {
        boolean put = request.method().equals(HttpMethod.PUT);
        if (!authorizer.hasAccess(resource, Permission.WRITE)) {
            exchange.error(HttpResponseStatus.FORBIDDEN, "your roles may not change " + resource);
            return;
        }
        Map<String, Object> stored = existing.orElse(null);
        if (stored == null && (!put || services.documents().count(resource, Map.of("_id", id)) > 0)) {
            // absent, or there but outside the user's filter: the same answer, so as not to tell which
            exchange.error(HttpResponseStatus.NOT_FOUND, "no " + resource + " \"" + id + "\" that you may change");
            return;
        }
        Map<String, Object> body = Map.of();
        if (put) {
            try {
                body = Json.parseObject(request.bodyText(), "the " + resource + " document");
            } catch (Json.InvalidJson e) {
                exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
                return;
            }
        }
        if (!authorizer.validate(resource, put ? "put" : "delete", body, stored == null ? Map.of() : stored,
                Map.of())) {
            exchange.error(HttpResponseStatus.FORBIDDEN, "your permissions do not allow this change to " + resource);
            return;
        }
        if (!put) {
            delete(exchange, resource, id, username);
            return;
        }
        Map<String, Object> document;
        try {
            document = document(resource, id, body, existing);
        } catch (IllegalArgumentException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        services.documents().replace(resource, id, document);
        LOG.info("\"{}\" saved {} \"{}\"", username, resource, id);
        if (resource.equals("users")) {
            // new roles or password: the user logs in again
            sessions.closeUser(id);
        }
        exchange.json(HttpResponseStatus.OK, ResourcesApi.presentable(resource, new LinkedHashMap<>(document)));
    }

    private void delete(Exchange exchange, String resource, String id, String username) {
        boolean done = true;
        switch (resource) {
            case "faults": {
                int colon = id.lastIndexOf(':');
                String deviceId = colon < 0 ? id : id.substring(0, colon);
                String channel = colon < 0 ? "" : id.substring(colon + 1);
                done = lock.run(deviceId, () -> {
                    services.faults().delete(id).join();
                    if (channel.startsWith("task_")) {
                        services.tasks().delete(channel.substring(5)).join();
                    }
                });
                break;
            }
            case "tasks": {
                Optional<String> deviceId = services.tasks().find(id).map(t -> t.deviceId());
                if (deviceId.isPresent()) {
                    done = lock.run(deviceId.get(), () -> {
                        services.tasks().delete(id).join();
                        services.faults().delete(deviceId.get() + ":task_" + id).join();
                    });
                } else {
                    services.documents().delete("tasks", id);
                }
                break;
            }
            case "files":
                services.files().delete(id);
                break;
            case "users":
                services.documents().delete(resource, id);
                sessions.closeUser(id);
                break;
            default:
                services.documents().delete(resource, id);
        }
        if (!done) {
            exchange.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Device is in session");
            return;
        }
        LOG.info("\"{}\" deleted {} \"{}\"", username, resource, id);
        exchange.respond(HttpResponseStatus.OK);
    }

    /** The document to store, from the body the UI sent. */
    private static Map<String, Object> document(String resource, String id, Map<String, Object> body,
                                                Optional<Map<String, Object>> existing) {
        switch (resource) {
            case "presets":
                return PresetForm.store(id, body);
            case "provisions":
            case "virtualParameters": {
                String script = body.get("script") instanceof String s ? s : "";
                ScriptSyntax.check(script).ifPresent(error -> {
                    throw new IllegalArgumentException(error);
                });
                return Map.of("_id", id, "script", script);
            }
            case "config": {
                if (!(body.get("value") instanceof String value)) {
                    throw new IllegalArgumentException("a config entry's value is an expression, as text");
                }
                try {
                    Parser.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("value: " + e.getMessage());
                }
                return Map.of("_id", id, "value", value);
            }
            case "permissions": {
                Map<String, Object> p = new LinkedHashMap<>(body);
                p.put("_id", id);
                Permission.read(p);
                return p;
            }
            case "users":
                return user(id, body, existing);
            default:
                throw new IllegalArgumentException(resource + " cannot be written here");
        }
    }

    private static Map<String, Object> user(String id, Map<String, Object> body, Optional<Map<String, Object>> existing) {
        Object roles = body.get("roles");
        String roleText = roles instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : roles instanceof String s ? s : "";
        if (roleText.isBlank()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("_id", id);
        user.put("roles", roleText);
        if (body.get("password") instanceof String password && !password.isEmpty()) {
            if (password.length() < MIN_PASSWORD.get("users") || password.length() > 1000) {
                throw new IllegalArgumentException("a password has 8 to 1000 characters");
            }
            user.putAll(new UiUser(id, UserPassword.of(password), List.of(roleText.split(","))).document());
            user.put("roles", roleText);
        } else if (existing.isPresent() && existing.get().get("password") != null) {
            user.put("password", existing.get().get("password"));
            user.put("salt", existing.get().get("salt"));
        } else {
            throw new IllegalArgumentException("a new user needs a password");
        }
        return user;
    }
}
