package org.cwmpacs.ui.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.ExpressionException;
import org.cwmpacs.core.expression.MongoQuery;
import org.cwmpacs.core.expression.Parser;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.ui.UiServices;
import org.cwmpacs.ui.auth.Authorizer;
import org.cwmpacs.ui.auth.Permission;

/**
 * {@code /api/<resource>} for the resources other than devices: {@code GET|HEAD} lists (an expression
 * {@code filter} ANDed with the user's permission filter, {@code sort}, {@code skip}, {@code limit},
 * {@code X-Total-Count}), {@code GET /api/<resource>/<id>} one, {@code PUT} and {@code DELETE} with write access
 * and the permissions' {@code validate}. Documents are shown as GenieACS's UI shows them: presets with their
 * provision flattened, users without their password hash, files by their metadata.
 */
public final class ResourcesApi {
    /** GenieACS's UI resources and the collection each lives in. */
    public static final Set<String> RESOURCES = Set.of("presets", "provisions", "virtualParameters", "files", "config",
            "permissions", "users", "faults", "tasks");
    /** Fields a filter or sort may not name, as they are never shown. */
    private static final Map<String, List<String>> HIDDEN = Map.of("users", List.of("password", "salt"),
            "tasks", org.cwmpacs.core.task.TaskSecrets.FIELDS, "files", List.of("metadata.password"));
    static final int MAX_LIMIT = 1000;

    private final UiServices services;
    private final ResourceWrites writes;

    public ResourcesApi(UiServices services, org.cwmpacs.ui.auth.UiSessions sessions) {
        this.services = services;
        this.writes = new ResourceWrites(services, sessions);
    }

    public void handle(Request request, Exchange exchange, Authorizer authorizer, String resource, Optional<String> id,
                       String username) {
        HttpMethod method = request.method();
        if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
            if (id.isPresent()) {
                one(exchange, authorizer, resource, id.get(), method.equals(HttpMethod.HEAD));
            } else {
                list(request, exchange, authorizer, resource);
            }
        } else if ((method.equals(HttpMethod.PUT) || method.equals(HttpMethod.DELETE)) && id.isPresent()) {
            writes.handle(request, exchange, authorizer, resource, id.get(), username,
                    authorizer.hasAccess(resource, Permission.WRITE) ? find(authorizer, resource, id.get(),
                            Permission.WRITE) : Optional.empty());
        } else {
            exchange.methodNotAllowed(id.isPresent() ? "GET, HEAD, PUT, DELETE" : "GET, HEAD");
        }
    }

    private void list(Request request, Exchange exchange, Authorizer authorizer, String resource) {
        boolean head = request.method().equals(HttpMethod.HEAD);
        Optional<Expr> allowed = authorizer.filter(resource, head ? Permission.COUNT : Permission.READ);
        if (allowed.isEmpty()) {
            exchange.error(HttpResponseStatus.FORBIDDEN, "your roles may not " + (head ? "count " : "read ") + resource);
            return;
        }
        Map<String, Object> query;
        Map<String, Integer> sort;
        int skip;
        int limit;
        try {
            Expr asked = Parser.parse(request.param("filter").filter(f -> !f.isBlank()).orElse("true"));
            refuseHidden(resource, asked);
            query = MongoQuery.documents(new Expr.Op("AND", List.of(allowed.get(), asked)), System.currentTimeMillis());
            sort = sort(resource, request.param("sort"));
            skip = DevicesApi.number(request, "skip", 0, Integer.MAX_VALUE);
            limit = DevicesApi.number(request, "limit", MAX_LIMIT, MAX_LIMIT);
        } catch (IllegalArgumentException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, (e instanceof ExpressionException ? "filter: " : "")
                    + e.getMessage());
            return;
        }
        org.cwmpacs.core.store.QueryControl control = org.cwmpacs.core.store.QueryControl.withTimeout(
                services.queryTimeout(), "ACS_NBI_QUERY_TIMEOUT");
        try (Exchange.Watch watch = exchange.onClose(control::cancel)) {
            long total = services.documents().count(resource, query, control);
            Map<String, Object> headers = Map.of("X-Total-Count", Long.toString(total));
            if (head) {
                exchange.respond(HttpResponseStatus.OK, "application/json", new byte[0], headers);
                return;
            }
            List<Object> out = new ArrayList<>();
            services.documents().find(resource, new DocumentQuery(query, List.of(), sort, skip, limit), control,
                    doc -> out.add(presentable(resource, doc)));
            exchange.respond(HttpResponseStatus.OK, "application/json", Json.write(out), headers);
        } catch (org.cwmpacs.core.store.QueryControl.QueryAbortedException e) {
            if (e.timedOut()) {
                exchange.error(HttpResponseStatus.GATEWAY_TIMEOUT, e.getMessage() + "; narrow the filter");
            }
        }
    }

    private void one(Exchange exchange, Authorizer authorizer, String resource, String id, boolean head) {
        Optional<Map<String, Object>> doc = find(authorizer, resource, id, head ? Permission.COUNT : Permission.READ);
        if (doc.isEmpty()) {
            exchange.error(HttpResponseStatus.NOT_FOUND, "no " + resource + " \"" + id + "\" that you may see");
        } else if (head) {
            exchange.respond(HttpResponseStatus.OK, "application/json", new byte[0], Map.of());
        } else {
            exchange.json(HttpResponseStatus.OK, presentable(resource, doc.get()));
        }
    }

    /** The stored document, if it exists and the user reaches it at {@code level}. */
    Optional<Map<String, Object>> find(Authorizer authorizer, String resource, String id, int level) {
        Optional<Expr> allowed = authorizer.filter(resource, level);
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> query = MongoQuery.documents(new Expr.Op("AND", List.of(allowed.get(),
                new Expr.Op("=", List.of(new Expr.Param(new Expr.Lit("_id")), new Expr.Lit(id))))),
                System.currentTimeMillis());
        List<Map<String, Object>> found = new ArrayList<>();
        services.documents().find(resource, new DocumentQuery(query, List.of(), Map.of(), 0, 1), found::add);
        return found.stream().findFirst();
    }

    private static void refuseHidden(String resource, Expr e) {
        if (e instanceof Expr.Param p && p.path() instanceof Expr.Lit name
                && HIDDEN.getOrDefault(resource, List.of()).contains(String.valueOf(name.value()))) {
            throw new IllegalArgumentException("filter: " + name.value() + " cannot be searched");
        }
        if (e instanceof Expr.Op o) {
            o.args().forEach(a -> refuseHidden(resource, a));
        } else if (e instanceof Expr.Fn f) {
            f.args().forEach(a -> refuseHidden(resource, a));
        }
    }

    private static Map<String, Integer> sort(String resource, Optional<String> text) {
        return DevicesApi.sort(text, name -> {
            if (HIDDEN.getOrDefault(resource, List.of()).contains(name)) {
                throw new IllegalArgumentException("sort: " + name + " cannot be sorted on");
            }
            return name;
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> presentable(String resource, Map<String, Object> doc) {
        switch (resource) {
            case "users":
                doc.remove("password");
                doc.remove("salt");
                return doc;
            case "tasks":
                return org.cwmpacs.core.task.TaskSecrets.hide(doc);
            case "presets":
                return PresetForm.flatten(doc);
            case "files": {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("_id", doc.get("_id"));
                f.put("length", doc.get("length"));
                f.put("uploadDate", doc.get("uploadDate"));
                Map<String, Object> metadata = doc.get("metadata") instanceof Map
                        ? (Map<String, Object>) doc.get("metadata") : Map.of();
                for (String key : List.of("fileType", "oui", "productClass", "version")) {
                    f.put("metadata." + key, metadata.getOrDefault(key, ""));
                }
                return f;
            }
            default:
                return doc;
        }
    }
}
