package org.cwmpacs.ui;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.ui.auth.UiSessions;
import org.cwmpacs.ui.auth.UiUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's requests: {@code GET /status}, {@code POST /init} (the first administrator, with the setup token
 * from the log), {@code POST /login}, {@code POST /logout}, {@code /api/...} for logged-in users ({@link UiApi}),
 * and the page itself ({@link StaticFiles}). Every change but login and setup must carry the session's CSRF
 * token in {@code X-CSRF-Token}.
 */
final class UiHandler extends SimpleChannelInboundHandler<io.netty.handler.codec.http.HttpObject> {
    private static final Logger LOG = LoggerFactory.getLogger("ui");
    static final String COOKIE = "acs-ui-session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** As NIST asks of a memorised secret: at least 8 characters; no composition rules. */
    static final int MIN_PASSWORD_LENGTH = 8;

    /** Checked against when the user is unknown; no password hashes to it. */
    private static final org.cwmpacs.ui.auth.UserPassword UNKNOWN_USER = org.cwmpacs.ui.auth.UserPassword.of(
            java.util.UUID.randomUUID().toString());

    private final UiServer.Shared shared;
    private final Executor executor;

    private final org.cwmpacs.core.http.UploadBody body = new org.cwmpacs.core.http.UploadBody();

    UiHandler(UiServer.Shared shared, Executor executor) {
        super(false);
        this.shared = shared;
        this.executor = executor;
    }

    /** {@code PUT /api/files/<name>}: a file upload, whose body is streamed to the store, not aggregated. */
    static boolean isUpload(io.netty.handler.codec.http.HttpRequest request) {
        return request.method().equals(HttpMethod.PUT) && new io.netty.handler.codec.http.QueryStringDecoder(
                request.uri()).rawPath().matches("/api/files/[^/]+");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, io.netty.handler.codec.http.HttpObject msg) {
        try {
            if (msg instanceof FullHttpRequest) {
                whole(ctx, (FullHttpRequest) msg);
            } else if (msg instanceof io.netty.handler.codec.http.HttpRequest) {
                new UploadStart(shared, executor).start(ctx, (io.netty.handler.codec.http.HttpRequest) msg,
                        this::uploading);
            } else if (msg instanceof io.netty.handler.codec.http.HttpContent content) {
                body.piece(content);
            }
        } finally {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    /** The upload the request started, or none (refused: its body is dropped). */
    private void uploading(Optional<org.cwmpacs.core.http.FileUpload> started) {
        started.ifPresentOrElse(body::to, body::discard);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        body.connectionClosed();
        super.channelInactive(ctx);
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
        // store calls and password hashing (milliseconds of PBKDF2 by design) off the event loop
        executor.execute(() -> {
            try {
                route(request, exchange, remote);
            } catch (InterruptedException e) {
                // the client went away while its answer was streamed
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", request.method(), request.path(), e);
                if (!exchange.answered()) {
                    exchange.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the request failed: " + e
                            + "; see the server log");
                }
            }
        });
    }

    private void route(Request request, Exchange exchange, String remote) throws InterruptedException {
        Optional<UiSessions.Session> session = session(request);
        String path = request.path();
        HttpMethod method = request.method();
        boolean post = method.equals(HttpMethod.POST);
        boolean read = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
        if (path.equals("/status") && method.equals(HttpMethod.GET)) {
            Map<String, Object> status = new HashMap<>();
            status.put("users", shared.accounts().anyUser());
            status.put("username", session.map(UiSessions.Session::username).orElse(null));
            // for this origin's page only: other origins cannot read the answer, nor send the SameSite cookie
            status.put("csrf", session.map(UiSessions.Session::csrf).orElse(null));
            exchange.json(HttpResponseStatus.OK, status);
        } else if (path.equals("/init") && post) {
            init(request, exchange, remote);
        } else if (path.equals("/login") && post) {
            login(request, exchange, remote);
        } else if (path.equals("/logout") && post) {
            if (session.isEmpty()) {
                exchange.error(HttpResponseStatus.UNAUTHORIZED, "not logged in");
            } else if (!csrfMatches(request, session.get())) {
                exchange.error(HttpResponseStatus.FORBIDDEN, "missing or wrong " + CSRF_HEADER + " header");
            } else {
                shared.sessions().close(session.get().id());
                exchange.respond(HttpResponseStatus.NO_CONTENT, "application/json", new byte[0],
                        Map.of(HttpHeaderNames.SET_COOKIE.toString(), cookie("", 0)));
            }
        } else if (path.startsWith("/api/")) {
            if (session.isEmpty()) {
                exchange.error(HttpResponseStatus.UNAUTHORIZED, "not logged in, or the login expired: log in again");
            } else if (!read && !csrfMatches(request, session.get())) {
                exchange.error(HttpResponseStatus.FORBIDDEN, "missing or wrong " + CSRF_HEADER + " header");
            } else {
                shared.api().handle(request, exchange, session.get());
            }
        } else if (!(read && shared.assets().serve(request, exchange))) {
            exchange.error(HttpResponseStatus.NOT_FOUND, "no such page or API: " + method + " " + path);
        }
    }

    private void init(Request request, Exchange exchange, String remote) {
        Optional<Map<String, Object>> fields = fields(request, exchange);
        if (fields.isEmpty()) {
            return;
        }
        String token = text(fields.get().get("token"));
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                shared.setupToken().getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("{}: first-run setup refused: wrong setup token", remote);
            exchange.error(HttpResponseStatus.FORBIDDEN, "wrong setup token: it is in the server's log, in the line "
                    + "\"UI: no users yet\"");
            return;
        }
        String username = text(fields.get().get("username")).strip();
        String password = text(fields.get().get("password"));
        if (username.isEmpty() || username.length() > 100 || password.length() < MIN_PASSWORD_LENGTH
                || password.length() > 1000) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "a username (at most 100 characters) and a password of "
                    + MIN_PASSWORD_LENGTH + " to 1000 characters are needed");
            return;
        }
        try {
            UiUser admin = shared.accounts().createFirstAdmin(username, password);
            if (Boolean.TRUE.equals(fields.get().get("seed"))) {
                org.cwmpacs.ui.api.Seed.store(shared.documents());
            }
            exchange.json(HttpResponseStatus.CREATED, Map.of("username", admin.name()));
        } catch (IllegalStateException e) {
            exchange.error(HttpResponseStatus.FORBIDDEN, e.getMessage());
        }
    }

    private void login(Request request, Exchange exchange, String remote) {
        if (shared.failedLogins().exceeded(remote)) {
            int wait = shared.failedLogins().retryAfterSeconds(remote);
            exchange.respond(HttpResponseStatus.TOO_MANY_REQUESTS, "application/json", Json.error(
                    "too many failed logins from this address; retry in " + wait + " s"),
                    Map.of(HttpHeaderNames.RETRY_AFTER.toString(), Integer.toString(wait)));
            return;
        }
        Optional<Map<String, Object>> fields = fields(request, exchange);
        if (fields.isEmpty()) {
            return;
        }
        String username = text(fields.get().get("username"));
        String password = text(fields.get().get("password"));
        Optional<UiUser> user = username.isEmpty() ? Optional.empty() : shared.accounts().user(username);
        // an unknown user costs the same hashing as a known one: the answer's time tells nothing
        boolean ok = user.map(u -> u.password().matches(password)).orElseGet(() -> {
            UNKNOWN_USER.matches(password);
            return false;
        });
        if (!ok) {
            shared.failedLogins().failed(remote);
            LOG.warn("{}: failed login as \"{}\"", remote, printable(username));
            exchange.error(HttpResponseStatus.BAD_REQUEST, "Incorrect username or password");
            return;
        }
        shared.failedLogins().succeeded(remote);
        UiSessions.Session session = shared.sessions().open(user.get());
        LOG.info("{}: \"{}\" logged in", remote, username);
        exchange.respond(HttpResponseStatus.OK, "application/json", Json.write(Map.of("username", session.username(),
                "csrf", session.csrf())), Map.of(HttpHeaderNames.SET_COOKIE.toString(), cookie(session.id(),
                shared.config().sessionIdle().toSeconds())));
    }

    private String cookie(String value, long maxAgeSeconds) {
        // HttpOnly: scripts never read it; SameSite=Strict: other sites' pages never send it
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (shared.config().secureCookies() ? "; Secure" : "");
    }

    static Optional<UiSessions.Session> session(Request request, UiSessions sessions) {
        Optional<String> header = request.header(HttpHeaderNames.COOKIE);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        return ServerCookieDecoder.LAX.decode(header.get()).stream().filter(c -> c.name().equals(COOKIE)).findFirst()
                .flatMap(c -> sessions.find(c.value()));
    }

    private Optional<UiSessions.Session> session(Request request) {
        Optional<String> header = request.header(HttpHeaderNames.COOKIE);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        return ServerCookieDecoder.LAX.decode(header.get()).stream().filter(c -> c.name().equals(COOKIE)).findFirst()
                .flatMap(c -> shared.sessions().find(c.value()));
    }

    static boolean csrfMatches(Request request, UiSessions.Session session) {
        return request.header(CSRF_HEADER).map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8),
                session.csrf().getBytes(StandardCharsets.UTF_8))).orElse(false);
    }

    private static Optional<Map<String, Object>> fields(Request request, Exchange exchange) {
        try {
            return Optional.of(Json.parseObject(request.bodyText(), "the body"));
        } catch (Json.InvalidJson e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return Optional.empty();
        }
    }

    /** A name as the log shows it: no line breaks or control characters a client could forge lines with. */
    static String printable(String name) {
        String cut = name.length() > 100 ? name.substring(0, 100) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static String text(Object value) {
        return value instanceof String ? (String) value : "";
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("UI connection failed: {}", cause.toString());
        ctx.close();
    }
}
