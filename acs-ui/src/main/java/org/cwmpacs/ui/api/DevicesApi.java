package org.cwmpacs.ui.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.ExpressionException;
import org.cwmpacs.core.expression.MongoQuery;
import org.cwmpacs.core.expression.Parser;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.core.store.QueryControl;
import org.cwmpacs.ui.auth.Accounts;
import org.cwmpacs.ui.auth.Authorizer;
import org.cwmpacs.ui.auth.Permission;
import org.cwmpacs.ui.auth.UiSessions;

/**
 * {@code GET|HEAD /api/devices?filter=<expression>&sort=<json>&skip=&limit=}: the devices the user may see (their
 * permissions' filter AND the request's), flattened as GenieACS's UI API shows them, with the total in
 * {@code X-Total-Count}. HEAD needs count access, GET read access.
 */
public final class DevicesApi {
    /** Devices one answer holds at most (GenieACS's pages ask for tens). */
    static final int MAX_LIMIT = 1000;

    private final DocumentStore documents;
    private final Accounts accounts;
    private final java.time.Duration queryTimeout;

    /** @param queryTimeout how long a list may spend examining devices ({@code ACS_NBI_QUERY_TIMEOUT}) */
    public DevicesApi(DocumentStore documents, Accounts accounts, java.time.Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
        this.documents = documents;
        this.accounts = accounts;
    }

    public void handle(Request request, Exchange exchange, UiSessions.Session session) {
        boolean head = request.method().equals(HttpMethod.HEAD);
        int level = head ? Permission.COUNT : Permission.READ;
        Authorizer authorizer = Authorizer.forRoles(session.roles(), accounts.permissions());
        Optional<Expr> allowed = authorizer.filter("devices", level);
        if (allowed.isEmpty()) {
            exchange.error(HttpResponseStatus.FORBIDDEN, "your roles may not " + (head ? "count" : "read")
                    + " devices");
            return;
        }
        Expr asked;
        int skip;
        int limit;
        Map<String, Object> query;
        Map<String, Integer> sort;
        try {
            asked = Parser.parse(request.param("filter").filter(f -> !f.isBlank()).orElse("true"));
            skip = number(request, "skip", 0, Integer.MAX_VALUE);
            limit = number(request, "limit", MAX_LIMIT, MAX_LIMIT);
            sort = sort(request.param("sort"));
            query = MongoQuery.devices(new Expr.Op("AND", List.of(allowed.get(), asked)), System.currentTimeMillis());
        } catch (ExpressionException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "filter: " + e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        List<String> fields;
        try {
            fields = projection(request.param("projection"));
        } catch (IllegalArgumentException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        QueryControl control = QueryControl.withTimeout(queryTimeout, "ACS_NBI_QUERY_TIMEOUT");
        try (Exchange.Watch watch = exchange.onClose(control::cancel)) {
            long total = documents.count("devices", query, control);
            Map<String, Object> headers = Map.of("X-Total-Count", Long.toString(total));
            if (head) {
                exchange.respond(HttpResponseStatus.OK, "application/json", new byte[0], headers);
                return;
            }
            List<Object> devices = new ArrayList<>();
            documents.find("devices", new DocumentQuery(query, fields, sort, skip, limit), control,
                    doc -> devices.add(FlatDevice.of(doc)));
            exchange.respond(HttpResponseStatus.OK, "application/json", Json.write(devices), headers);
        } catch (QueryControl.QueryAbortedException e) {
            if (e.timedOut()) {
                exchange.error(HttpResponseStatus.GATEWAY_TIMEOUT, e.getMessage() + "; narrow the filter");
            }
        }
    }

    /** Parameters a projection may name at most. */
    static final int MAX_PROJECTION = 200;

    /**
     * GenieACS's {@code projection=DeviceID.SerialNumber,InternetGatewayDevice.DeviceInfo} (parameters or objects,
     * with what is below them) as the stored fields that hold them; the id, the Inform time and the device's
     * identity always come. Empty: every field.
     */
    static List<String> projection(Optional<String> text) {
        if (text.isEmpty() || text.get().isBlank()) {
            return List.of();
        }
        String[] names = text.get().split(",");
        if (names.length > MAX_PROJECTION) {
            throw new IllegalArgumentException("projection names at most " + MAX_PROJECTION + " parameters");
        }
        java.util.Set<String> fields = new java.util.LinkedHashSet<>(List.of("_id", "_lastInform", "_deviceId"));
        for (String name : names) {
            String p = name.strip();
            if (p.isEmpty() || !p.matches("[A-Za-z0-9_.*\\-]+")) {
                throw new IllegalArgumentException("projection: \"" + p + "\" is not a parameter name");
            }
            if (p.equals("Tags") || p.startsWith("Tags.")) {
                fields.add("_tags");
                continue;
            }
            int wildcard = p.indexOf(".*");
            if (wildcard >= 0) {
                // a wildcard's instances: the object above them, whole
                fields.add(p.substring(0, wildcard));
                continue;
            }
            String stored = MongoQuery.storedField(p);
            fields.add(stored.endsWith("._value") ? stored.substring(0, stored.length() - 7) : stored);
        }
        // a field and one below it cannot both be asked for
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            if (fields.stream().noneMatch(other -> !other.equals(f) && f.startsWith(other + "."))) {
                out.add(f);
            }
        }
        return out;
    }

    /** GenieACS's {@code sort={"DeviceID.SerialNumber": 1, "Events.Inform": -1}} on parameters, where they are stored. */
    static Map<String, Integer> sort(Optional<String> text) {
        return sort(text, MongoQuery::storedField);
    }

    /**
     * A {@code sort} parameter's JSON ({@code {"<name>": 1 | -1}}, at most 10), each name mapped by {@code field}
     * (which refuses a name with an IllegalArgumentException); the id last, so that pages do not overlap.
     */
    static Map<String, Integer> sort(Optional<String> text, java.util.function.UnaryOperator<String> field) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        if (text.isPresent() && !text.get().isBlank()) {
            Map<String, Object> asked;
            try {
                asked = Json.parseObject(text.get(), "sort");
            } catch (Json.InvalidJson e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            if (asked.size() > 10) {
                throw new IllegalArgumentException("sort takes at most 10 fields");
            }
            for (Map.Entry<String, Object> e : asked.entrySet()) {
                if (!(e.getValue() instanceof Number n) || Math.abs(n.intValue()) != 1) {
                    throw new IllegalArgumentException("sort: " + e.getKey() + " must be 1 or -1, not " + e.getValue());
                }
                out.put(field.apply(e.getKey()), n.intValue());
            }
        }
        out.putIfAbsent("_id", 1);
        return out;
    }

    static int number(Request request, String name, int otherwise, int max) {
        Optional<String> text = request.param(name);
        if (text.isEmpty() || text.get().isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(text.get().strip());
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from 0 to " + max + ", not \""
                    + text.get() + "\"");
        }
    }
}
