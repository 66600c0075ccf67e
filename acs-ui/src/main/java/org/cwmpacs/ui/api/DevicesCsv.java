package org.cwmpacs.ui.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.ExpressionException;
import org.cwmpacs.core.expression.MongoQuery;
import org.cwmpacs.core.expression.Parser;
import org.cwmpacs.core.expression.Values;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.ui.auth.Authorizer;
import org.cwmpacs.ui.auth.Permission;

/**
 * {@code GET /api/devices.csv?filter=<expression>&columns={"<label>": "<expression>", …}}: the devices the user may
 * read, one row each, a column per expression (a parameter, or any expression of parameters, as GenieACS's
 * export takes them), streamed as they are read. A cell that a spreadsheet would run as a formula starts with
 * a quote.
 */
public final class DevicesCsv {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("ui");
    static final int MAX_COLUMNS = 100;
    private static final int CHUNK_BYTES = 64 * 1024;

    private final DocumentStore documents;
    private final java.time.Duration queryTimeout;

    /**
     * @param queryTimeout how long an export may spend examining devices, not counting time waiting for the
     *     client to read ({@code ACS_NBI_QUERY_TIMEOUT})
     */
    public DevicesCsv(DocumentStore documents, java.time.Duration queryTimeout) {
        this.documents = documents;
        this.queryTimeout = queryTimeout;
    }

    public void handle(Request request, Exchange exchange, Authorizer authorizer) throws InterruptedException {
        Optional<Expr> allowed = authorizer.filter("devices", Permission.READ);
        if (allowed.isEmpty()) {
            exchange.error(HttpResponseStatus.FORBIDDEN, "your roles may not read devices");
            return;
        }
        Map<String, Object> query;
        Map<String, Expr> columns = new LinkedHashMap<>();
        try {
            Expr asked = Parser.parse(request.param("filter").filter(f -> !f.isBlank()).orElse("true"));
            query = MongoQuery.devices(new Expr.Op("AND", List.of(allowed.get(), asked)), System.currentTimeMillis());
            Map<String, Object> named = Json.parseObject(request.param("columns").orElse(
                    "{\"Serial number\": \"DeviceID.SerialNumber\", \"Product class\": \"DeviceID.ProductClass\"}"),
                    "columns");
            if (named.isEmpty() || named.size() > MAX_COLUMNS) {
                throw new IllegalArgumentException("columns: 1 to " + MAX_COLUMNS + " labels, each with an expression");
            }
            for (Map.Entry<String, Object> c : named.entrySet()) {
                if (!(c.getValue() instanceof String text)) {
                    throw new IllegalArgumentException("columns: \"" + c.getKey() + "\" needs an expression, as text");
                }
                columns.put(c.getKey(), Parser.parse(text));
            }
        } catch (ExpressionException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "filter or columns: " + e.getMessage());
            return;
        } catch (Json.InvalidJson | IllegalArgumentException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        // only the fields the columns read, when they all name their parameters outright
        List<String> names = new ArrayList<>();
        boolean plain = columns.values().stream().allMatch(e -> parameters(e, names));
        List<String> fields = plain && names.size() <= DevicesApi.MAX_PROJECTION
                ? DevicesApi.projection(Optional.of(String.join(",", names))) : List.of();
        HttpResponse head = Exchange.head(HttpResponseStatus.OK);
        head.headers().set("Content-Type", "text/csv; charset=utf-8")
                .set("Content-Disposition", "attachment; filename=\"devices.csv\"");
        Exchange.Body body = exchange.stream(head);
        ByteBuf[] pending = {Unpooled.buffer(CHUNK_BYTES)};
        pending[0].writeBytes(row(new ArrayList<>(columns.keySet())));
        long now = System.currentTimeMillis();
        org.cwmpacs.core.store.QueryControl control = org.cwmpacs.core.store.QueryControl.withTimeout(queryTimeout,
                "ACS_NBI_QUERY_TIMEOUT");
        try (Exchange.Watch watch = exchange.onClose(control::cancel)) {
            documents.find("devices", new DocumentQuery(query, fields, Map.of("_id", 1), 0, 0), control, doc -> {
                Map<String, Map<String, Object>> flat = FlatDevice.of(doc);
                Evaluator evaluator = new Evaluator(name -> value(flat.get(name)), now);
                List<String> cells = new ArrayList<>();
                for (Expr e : columns.values()) {
                    Object v;
                    try {
                        v = evaluator.evaluate(e);
                    } catch (RuntimeException failed) {
                        v = Values.NULL;
                    }
                    cells.add(Values.isNull(v) ? "" : Values.toText(v));
                }
                pending[0].writeBytes(row(cells));
                if (pending[0].readableBytes() >= CHUNK_BYTES) {
                    ByteBuf full = pending[0];
                    pending[0] = Unpooled.buffer(CHUNK_BYTES);
                    long waited = System.nanoTime();
                    try {
                        body.write(full);
                    } catch (InterruptedException gone) {
                        throw new IllegalStateException("the client went away", gone);
                    }
                    // a slow reader's time is not the query's
                    control.extend(System.nanoTime() - waited);
                }
            });
        } catch (RuntimeException e) {
            if (e instanceof org.cwmpacs.core.store.QueryControl.QueryAbortedException aborted && aborted.timedOut()) {
                // the status went out with the head: the client sees the download cut short
                LOG.warn("CSV export of devices stopped: {}", aborted.getMessage());
            }
            pending[0].release();
            body.abort();
            return;
        }
        body.sendLast(pending[0]);
    }

    /** Adds the parameters {@code e} reads to {@code names}; false if one's name is computed. */
    private static boolean parameters(Expr e, List<String> names) {
        if (e instanceof Expr.Param p) {
            if (p.path() instanceof Expr.Lit name && Values.toText(name.value()).matches("[A-Za-z0-9_.*\\-]+")) {
                names.add(Values.toText(name.value()));
                return true;
            }
            return false;
        }
        if (e instanceof Expr.Op o) {
            return o.args().stream().allMatch(a -> parameters(a, names));
        }
        if (e instanceof Expr.Fn f) {
            return f.args().stream().allMatch(a -> parameters(a, names));
        }
        if (e instanceof Expr.Case c) {
            return c.whenThen().stream().allMatch(a -> parameters(a, names)) && parameters(c.otherwise(), names);
        }
        return true;
    }

    private static Object value(Map<String, Object> parameter) {
        if (parameter == null || !(parameter.get("value") instanceof List<?> pair) || pair.isEmpty()
                || pair.get(0) == null) {
            return Values.NULL;
        }
        Object v = pair.get(0);
        return v instanceof Number n ? (Object) n.doubleValue() : v;
    }

    static byte[] row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            line.append(i == 0 ? "" : ",").append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
