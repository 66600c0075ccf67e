package org.cwmpacs.nbi.route;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.core.store.QueryControl;
import java.time.Duration;
import org.cwmpacs.nbi.auth.NbiAuth;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.nbi.query.DeviceQuery;
import org.cwmpacs.nbi.query.Filters;
import org.cwmpacs.nbi.query.InvalidQuery;
import org.cwmpacs.nbi.query.ResultShape;
import org.cwmpacs.nbi.query.TypedFields;

/**
 * {@code GET|HEAD /<collection>?query=&projection=&sort=&skip=&limit=}: the {@code total} header counts
 * every match, the body lists the page as {@code [\n doc,\n doc\n]}, streamed as it is read.
 */
public final class CollectionQuery {
    /** Collections holding secrets or server state: only for callers that presented credentials. */
    private static final Set<String> PRIVILEGED = Set.of("users", "permissions", "config", "cache", "locks");
    /** Documents are sent in pieces of about this size. */
    private static final int CHUNK_BYTES = 64 * 1024;

    /**
     * Fields a query may not name (filter or sort): they are never shown, so they must not be found out by
     * querying them either.
     */
    private static final Map<String, List<String>> HIDDEN = Map.of("files", List.of("metadata.password"),
            "users", List.of("password", "salt"), "tasks", org.cwmpacs.core.task.TaskSecrets.FIELDS);

    private final DocumentStore documents;
    private final Duration timeout;

    public CollectionQuery(DocumentStore documents, Duration timeout) {
        this.documents = documents;
        this.timeout = timeout;
    }

    /** {@code virtual_parameters} → {@code virtualParameters}, as GenieACS maps URL names to collections. */
    static String camelCase(String name) {
        StringBuilder result = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                result.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return result.toString();
    }

    public void handle(Request request, Exchange exchange, String urlName, NbiAuth.Caller caller)
            throws InterruptedException {
        String collection = camelCase(urlName);
        if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
            exchange.methodNotAllowed("GET, HEAD");
            return;
        }
        if (!DocumentStore.COLLECTIONS.contains(collection)) {
            exchange.notFound();
            return;
        }
        if (PRIVILEGED.contains(collection) && caller != NbiAuth.Caller.AUTHORISED) {
            exchange.error(HttpResponseStatus.FORBIDDEN, collection + " can only be read with credentials; "
                    + "configure ACS_NBI_API_KEYS or ACS_NBI_USERS and present them");
            return;
        }
        DocumentQuery query;
        try {
            query = query(request, collection);
        } catch (InvalidQuery | Json.InvalidJson e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        QueryControl control = QueryControl.withTimeout(timeout, "ACS_NBI_QUERY_TIMEOUT");
        try (Exchange.Watch watch = exchange.onClose(control::cancel)) {
            long total;
            try {
                total = documents.count(collection, query.filter(), control);
            } catch (QueryControl.QueryAbortedException e) {
                if (e.timedOut()) {
                    exchange.error(HttpResponseStatus.GATEWAY_TIMEOUT, e.getMessage());
                }
                return;
            }
            HttpResponse head = Exchange.head(HttpResponseStatus.OK);
            head.headers().set("Content-Type", "application/json").set("total", total);
            if (request.method().equals(HttpMethod.HEAD)) {
                // framed as the GET's answer would be; written in one piece, as the client sends its next
                // request as soon as it has the head
                HttpUtil.setTransferEncodingChunked(head, true);
                exchange.complete(head);
                return;
            }
            ArrayWriter array = new ArrayWriter(exchange.stream(head), collection, control);
            try {
                documents.find(collection, query, control, array);
            } catch (RuntimeException e) {
                // the status is sent already: a client learns of the failure from the connection closing early
                array.abort();
                if (e instanceof ClientGone || e instanceof QueryControl.QueryAbortedException) {
                    return;
                }
                throw e;
            }
            array.end();
        }
    }

    /** GenieACS's array, {@code [\n doc,\n doc\n]}, sent in pieces of about {@link #CHUNK_BYTES}. */
    private static final class ArrayWriter implements java.util.function.Consumer<Map<String, Object>> {
        private static final byte[] OPEN = "[\n".getBytes(StandardCharsets.UTF_8);
        private static final byte[] SEPARATOR = ",\n".getBytes(StandardCharsets.UTF_8);
        private static final byte[] CLOSE = "\n]".getBytes(StandardCharsets.UTF_8);

        private final Exchange.Body body;
        private final String collection;
        private final QueryControl control;
        private ByteBuf pending = Unpooled.buffer(CHUNK_BYTES).writeBytes(OPEN);
        private boolean first = true;

        ArrayWriter(Exchange.Body body, String collection, QueryControl control) {
            this.body = body;
            this.collection = collection;
            this.control = control;
        }

        @Override
        public void accept(Map<String, Object> doc) {
            if (!first) {
                pending.writeBytes(SEPARATOR);
            }
            first = false;
            pending.writeBytes(Json.write(presentable(collection, doc)));
            if (pending.readableBytes() >= CHUNK_BYTES) {
                ByteBuf full = pending;
                pending = Unpooled.buffer(CHUNK_BYTES);
                long waited = System.nanoTime();
                try {
                    body.write(full);
                } catch (InterruptedException e) {
                    throw new ClientGone(e);
                }
                // the time limit is for examining documents, not for a client reading slowly
                control.extend(System.nanoTime() - waited);
            }
        }

        void end() throws InterruptedException {
            // the end of the array and of the answer in one write
            body.sendLast(pending.writeBytes(CLOSE));
        }

        /** The answer cannot be completed: the client learns it from the closed connection. */
        void abort() {
            pending.release();
            body.abort();
        }
    }

    /** The client stopped reading: nothing more to send. */
    private static final class ClientGone extends RuntimeException {
        ClientGone(Throwable cause) {
            super(cause);
        }
    }

    static DocumentQuery query(Request request, String collection) throws InvalidQuery, Json.InvalidJson {
        Map<String, Object> filter = new LinkedHashMap<>();
        Optional<String> text = request.param("query");
        if (text.isPresent()) {
            filter = Json.parseObject(text.get(), "query");
        }
        Filters.checkSafe(filter);
        refuseHidden(collection, filter);
        if ("devices".equals(collection)) {
            filter = DeviceQuery.expand(filter);
        } else {
            filter = TypedFields.apply(filter, TypedFields.of(collection));
        }
        List<String> projection = request.param("projection").map(ResultShape::projection).orElse(List.of());
        Map<String, Integer> sort = Map.of();
        if (request.param("sort").isPresent()) {
            sort = ResultShape.sort(Json.parseObject(request.param("sort").get(), "sort"), "devices".equals(collection));
            for (String field : sort.keySet()) {
                refuseHiddenField(collection, field);
            }
        }
        return new DocumentQuery(filter, projection, sort, whole(request, "skip"), whole(request, "limit"));
    }

    /** Every field a filter names, inside {@code $and}/{@code $or}/{@code $nor}/{@code $not}/{@code $elemMatch} too. */
    @SuppressWarnings("unchecked")
    private static void refuseHidden(String collection, Object filter) throws InvalidQuery {
        if (!HIDDEN.containsKey(collection)) {
            return;
        }
        if (filter instanceof List) {
            for (Object item : (List<Object>) filter) {
                refuseHidden(collection, item);
            }
        } else if (filter instanceof Map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) filter).entrySet()) {
                if (!e.getKey().startsWith("$")) {
                    refuseHiddenField(collection, e.getKey());
                }
                refuseHidden(collection, e.getValue());
            }
        }
    }

    /** A field that is hidden, holds a hidden field, or lies inside one. */
    private static void refuseHiddenField(String collection, String field) throws InvalidQuery {
        for (String hidden : HIDDEN.getOrDefault(collection, List.of())) {
            if (field.equals(hidden) || hidden.startsWith(field + ".") || field.startsWith(hidden + ".")) {
                throw new InvalidQuery("the field " + field + " of " + collection + " cannot be queried or sorted on: "
                        + hidden + " is never shown");
            }
        }
    }

    private static int whole(Request request, String name) throws InvalidQuery {
        Optional<String> text = request.param(name);
        if (text.isEmpty() || text.get().isBlank()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidQuery(name + " must be a whole number of at least 0, not '" + text.get() + "'");
        }
    }

    /** Secrets never leave: users' password hashes, files' and transfer tasks' passwords. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> presentable(String collection, Map<String, Object> doc) {
        if ("users".equals(collection)) {
            doc.remove("password");
            doc.remove("salt");
        } else if ("tasks".equals(collection)) {
            org.cwmpacs.core.task.TaskSecrets.hide(doc);
        } else if ("files".equals(collection) && doc.get("metadata") instanceof Map) {
            ((Map<String, Object>) doc.get("metadata")).remove("password");
        }
        return doc;
    }
}
