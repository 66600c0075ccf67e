package org.cwmpacs.nbi;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cwmpacs.core.store.StoreFailures;
import org.cwmpacs.nbi.auth.NbiAuth;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Failures;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.nbi.route.CollectionQuery;
import org.cwmpacs.nbi.route.DeviceTasks;
import org.cwmpacs.core.http.FileUpload;
import org.cwmpacs.nbi.route.Mutations;
import org.cwmpacs.core.http.Ping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NBI's one handler: authenticates, then routes by GenieACS's path patterns, in GenieACS's order, to
 * work done on the blocking executor (never on the event loop). File uploads arrive in pieces
 * ({@link FileUpload}); every other request whole.
 */
final class NbiHandler extends SimpleChannelInboundHandler<HttpObject> {
    private static final Logger ACCESS = LoggerFactory.getLogger("nbi");
    private static final Logger LOG = LoggerFactory.getLogger(NbiHandler.class);

    private static final String ID = "([a-zA-Z0-9\\-_%]+)";
    static final Pattern PRESETS = Pattern.compile("^/presets/" + ID + "/?$");
    static final Pattern OBJECTS = Pattern.compile("^/objects/" + ID + "/?$");
    static final Pattern PROVISIONS = Pattern.compile("^/provisions/" + ID + "/?$");
    static final Pattern VIRTUAL_PARAMETERS = Pattern.compile("^/virtual_parameters/" + ID + "/?$");
    static final Pattern TAGS = Pattern.compile("^/devices/" + ID + "/tags/" + ID + "/?$");
    static final Pattern FAULTS = Pattern.compile("^/faults/([a-zA-Z0-9\\-_%:]+)/?$");
    static final Pattern DEVICE_TASKS = Pattern.compile("^/devices/" + ID + "/tasks/?$");
    static final Pattern TASKS = Pattern.compile("^/tasks/" + ID + "(/[a-zA-Z_]*)?$");
    static final Pattern FILES = Pattern.compile("^/files/([a-zA-Z0-9%!*'();:@&=+$,?#\\[\\]\\-_.~]+)/?$");
    static final Pattern PING = Pattern.compile("^/ping/([a-zA-Z0-9\\-_.:]+)/?$");
    static final Pattern DEVICE = Pattern.compile("^/devices/" + ID + "/?$");
    static final Pattern COLLECTION = Pattern.compile("^/([a-zA-Z0-9_]+)/?$");

    private final NbiServices services;
    private final NbiConfig config;
    private final Executor executor;
    private final CollectionQuery queries;
    private final Mutations mutations;
    private final DeviceTasks deviceTasks;
    private final Ping ping = new Ping();
    private final org.cwmpacs.core.http.UploadBody body = new org.cwmpacs.core.http.UploadBody();

    /** Refused credentials per remote address, shared by every connection of the listener. */
    private final org.cwmpacs.core.auth.FailedAttempts failedAttempts;

    NbiHandler(NbiServices services, NbiConfig config, Executor executor,
               org.cwmpacs.core.auth.FailedAttempts failedAttempts) {
        super(false);
        this.failedAttempts = failedAttempts;
        this.services = services;
        this.config = config;
        this.executor = executor;
        this.queries = new CollectionQuery(services.documents(), config.queryTimeout());
        this.mutations = new Mutations(services);
        this.deviceTasks = new DeviceTasks(services, config, executor);
    }

    /** Whether the request is a file upload, whose body is not aggregated. */
    static boolean isUpload(HttpRequest request) {
        return request.method().equals(HttpMethod.PUT) && FILES.matcher(new QueryStringDecoder(request.uri()).rawPath())
                .matches();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        try {
            if (msg instanceof FullHttpRequest) {
                whole(ctx, (FullHttpRequest) msg);
            } else if (msg instanceof HttpRequest) {
                startUpload(ctx, (HttpRequest) msg);
            } else if (msg instanceof HttpContent) {
                body.piece((HttpContent) msg);
            }
        } finally {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    private void whole(ChannelHandlerContext ctx, FullHttpRequest msg) {
        Exchange exchange = new Exchange(ctx, HttpUtil.isKeepAlive(msg));
        Request request;
        try {
            request = Request.of(msg);
        } catch (IllegalArgumentException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        String remote = org.cwmpacs.core.net.Remote.address(ctx.channel());
        ACCESS.info("{} {} {}", remote, msg.method(), request.path());
        // on a worker too: checking a password costs milliseconds of PBKDF2 by design
        executor.execute(() -> {
            try {
                if (request.path().equals("/openapi.json") && (request.method().equals(HttpMethod.GET)
                        || request.method().equals(HttpMethod.HEAD))) {
                    openApi(exchange);
                    return;
                }
                Optional<NbiAuth.Caller> caller = authenticate(request, exchange, remote);
                if (caller.isPresent()) {
                    route(request, exchange, caller.get());
                }
            } catch (Exception | Error e) {
                HttpResponseStatus status = Failures.status(e);
                Throwable cause = StoreFailures.cause(e);
                if (status.equals(HttpResponseStatus.INTERNAL_SERVER_ERROR)) {
                    LOG.error("{} {} failed", request.method(), request.path(), e);
                } else {
                    LOG.warn("{} {}: {}", request.method(), request.path(), cause.getMessage());
                }
                if (!exchange.answered()) {
                    exchange.error(status, status.equals(HttpResponseStatus.INTERNAL_SERVER_ERROR)
                            ? "the request failed: " + cause + "; see the server log" : cause.getMessage());
                }
            }
        });
    }

    private Optional<NbiAuth.Caller> authenticate(Request request, Exchange exchange, String remote) {
        if (config.auth().hasCredentials() && failedAttempts.exceeded(remote)) {
            int wait = failedAttempts.retryAfterSeconds(remote);
            LOG.warn("{}: credentials not checked, too many refused from this address in the last minute", remote);
            exchange.respond(HttpResponseStatus.TOO_MANY_REQUESTS, "application/json", org.cwmpacs.core.http.Json.error(
                    "too many requests with wrong credentials from this address; retry in " + wait + " s"),
                    Map.of(HttpHeaderNames.RETRY_AFTER.toString(), Integer.toString(wait)));
            return Optional.empty();
        }
        NbiAuth.Caller caller = config.auth().check(request.header(HttpHeaderNames.AUTHORIZATION),
                request.header("X-API-Key"));
        if (caller == NbiAuth.Caller.AUTHORISED) {
            failedAttempts.succeeded(remote);
        }
        if (caller == NbiAuth.Caller.REFUSED) {
            if (request.header(HttpHeaderNames.AUTHORIZATION).isPresent() || request.header("X-API-Key").isPresent()) {
                // wrong credentials, not none: a guess
                failedAttempts.failed(remote);
            }
            exchange.respond(HttpResponseStatus.UNAUTHORIZED, "application/json", org.cwmpacs.core.http.Json.error(
                    "missing or wrong credentials: send an API key as X-API-Key or Authorization: Bearer, or a "
                            + "username and password with HTTP Basic"),
                    Map.of(HttpHeaderNames.WWW_AUTHENTICATE.toString(), config.auth().challenge()));
            return Optional.empty();
        }
        return Optional.of(caller);
    }

    private void startUpload(ChannelHandlerContext ctx, HttpRequest msg) {
        Exchange exchange = new Exchange(ctx, HttpUtil.isKeepAlive(msg));
        QueryStringDecoder uri = new QueryStringDecoder(msg.uri());
        String remote = org.cwmpacs.core.net.Remote.address(ctx.channel());
        ACCESS.info("{} {} {}", remote, msg.method(), uri.rawPath());
        // an upload's query string is not used: a malformed one does not stop it
        Request request = new Request(msg.method(), uri.rawPath(), Map.of(), msg.headers(), new byte[0]);
        body.discard();
        // refused, the body is not read: the connection closes once the 401 is out
        if (authenticate(request, new Exchange(ctx, false), remote).isEmpty()) {
            return;
        }
        Matcher m = FILES.matcher(uri.rawPath());
        if (!m.matches()) {
            exchange.notFound();
            return;
        }
        String name;
        try {
            name = Request.decode(m.group(1));
        } catch (IllegalArgumentException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        long declared = HttpUtil.getContentLength(msg, -1L);
        if (declared > config.maxFileBytes()) {
            // refused before a byte is stored; the body is not read and the connection closes
            LOG.warn("{} PUT /files/{}: {} bytes refused, the limit is {} (ACS_MAX_FILE_MB)", remote, name, declared,
                    config.maxFileBytes());
            new Exchange(ctx, false).refuseUnread(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "the file is "
                    + declared + " bytes; files of at most " + config.maxFileBytes() + " bytes are stored (ACS_MAX_FILE_MB)");
            return;
        }
        body.to(new FileUpload(ctx, exchange, executor, services.files(), name, msg.headers(), config.maxFileBytes()));
        if (HttpUtil.is100ContinueExpected(msg)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        body.connectionClosed();
        super.channelInactive(ctx);
    }

    private void route(Request request, Exchange exchange, NbiAuth.Caller caller) throws InterruptedException {
        String path = request.path();
        Matcher m;
        if ((m = PRESETS.matcher(path)).matches()) {
            mutations.jsonDocument(request, exchange, "presets", Request.decode(m.group(1)));
        } else if ((m = OBJECTS.matcher(path)).matches()) {
            mutations.jsonDocument(request, exchange, "objects", Request.decode(m.group(1)));
        } else if ((m = PROVISIONS.matcher(path)).matches()) {
            mutations.script(request, exchange, "provisions", Request.decode(m.group(1)));
        } else if ((m = VIRTUAL_PARAMETERS.matcher(path)).matches()) {
            mutations.script(request, exchange, "virtualParameters", Request.decode(m.group(1)));
        } else if ((m = TAGS.matcher(path)).matches()) {
            mutations.tag(request, exchange, Request.decode(m.group(1)), Request.decode(m.group(2)));
        } else if ((m = FAULTS.matcher(path)).matches()) {
            mutations.deleteFault(request, exchange, Request.decode(m.group(1)));
        } else if ((m = DEVICE_TASKS.matcher(path)).matches()) {
            deviceTasks.handle(request, exchange, Request.decode(m.group(1)));
        } else if ((m = TASKS.matcher(path)).matches()) {
            String taskId = Request.decode(m.group(1));
            String action = m.group(2);
            if (action == null || action.equals("/")) {
                mutations.deleteTask(request, exchange, taskId);
            } else if (action.equals("/retry")) {
                mutations.retryTask(request, exchange, taskId);
            } else {
                exchange.notFound();
            }
        } else if ((m = FILES.matcher(path)).matches()) {
            if (request.method().equals(HttpMethod.DELETE)) {
                if (services.files().delete(Request.decode(m.group(1)))) {
                    exchange.respond(HttpResponseStatus.OK);
                } else {
                    exchange.notFound();
                }
            } else {
                exchange.methodNotAllowed("PUT, DELETE");
            }
        } else if ((m = PING.matcher(path)).matches()) {
            ping.handle(exchange, Request.decode(m.group(1)));
        } else if ((m = DEVICE.matcher(path)).matches()) {
            mutations.deleteDevice(request, exchange, Request.decode(m.group(1)));
        } else if ((m = COLLECTION.matcher(path)).matches()) {
            queries.handle(request, exchange, m.group(1), caller);
        } else {
            exchange.notFound();
        }
    }

    private static void openApi(Exchange exchange) {
        try (InputStream in = NbiHandler.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                exchange.notFound();
                return;
            }
            exchange.respond(HttpResponseStatus.OK, "application/json", in.readAllBytes(), Map.of());
        } catch (java.io.IOException e) {
            exchange.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof io.netty.handler.codec.TooLongFrameException) {
            LOG.warn("NBI request refused: {}", cause.getMessage());
        } else if (!(cause instanceof java.io.IOException)) {
            LOG.warn("NBI connection failed", cause);
        }
        ctx.close();
    }
}
