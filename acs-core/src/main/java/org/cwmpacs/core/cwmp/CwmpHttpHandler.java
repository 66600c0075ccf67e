package org.cwmpacs.core.cwmp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cwmpacs.core.net.Remote;
import org.cwmpacs.core.session.CwmpReply;
import org.cwmpacs.core.session.CwmpRequest;
import org.cwmpacs.core.session.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns HTTP requests into {@link CwmpRequest}s and {@link CwmpReply}s into HTTP responses. */
final class CwmpHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** {@code session=<id>}, separated by {@code ;} or {@code ,} (some CPEs join cookies with commas). */
    private static final Pattern SESSION_COOKIE = Pattern.compile("(?:^|[;,])\\s*session\\s*=\\s*\"?([A-Za-z0-9_\\-]*)\"?");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:\\-]+)\"?",
            Pattern.CASE_INSENSITIVE);

    private static final Logger LOG = LoggerFactory.getLogger("cwmp");

    private final SessionManager sessions;
    private final Executor workers;
    /** Requests being worked on; touched on the event loop only. */
    private int pending;
    /** The CPE shut down its sending side: answer what it sent, then close. */
    private boolean inputShutdown;

    CwmpHttpHandler(SessionManager sessions, Executor workers) {
        this.sessions = sessions;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            write(ctx, CwmpReply.badRequest("Malformed HTTP request: " + request.decoderResult().cause()), false);
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.METHOD_NOT_ALLOWED, Unpooled.copiedBuffer("CWMP needs POST\n", StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.POST.name())
                    .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        // the body (up to ACS_MAX_BODY_BYTES) is copied out on a worker, not here
        ByteBuf body = request.content().retain();
        Optional<String> charset = charset(request.headers().get(HttpHeaderNames.CONTENT_TYPE));
        Optional<String> cookie = sessionCookie(request.headers().getAll(HttpHeaderNames.COOKIE));
        Optional<String> host = Optional.ofNullable(request.headers().get(HttpHeaderNames.HOST));
        Optional<String> authorization = Optional.ofNullable(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        boolean tls = ctx.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null;
        String remote = Remote.address(ctx.channel());
        String uri = request.uri();
        pending++;
        CompletableFuture.supplyAsync(() -> {
            byte[] bytes;
            try {
                bytes = ByteBufUtil.getBytes(body);
            } finally {
                body.release();
            }
            return sessions.handle(new CwmpRequest(bytes, charset, cookie, ctx.channel().id(), remote, host,
                    authorization, tls, uri));
        }, workers).thenCompose(reply -> reply)
                .whenComplete((reply, failure) -> ctx.executor().execute(() -> {
                    pending--;
                    if (failure != null) {
                        LOG.error("{} -: request not handled", remote, failure);
                        write(ctx, CwmpReply.unavailable("Internal error: " + failure, 60), false);
                    } else {
                        write(ctx, reply, keepAlive && !inputShutdown);
                    }
                }));
    }

    static Optional<String> sessionCookie(List<String> headers) {
        for (String header : headers) {
            Matcher m = SESSION_COOKIE.matcher(header);
            if (m.find() && !m.group(1).isEmpty()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    static Optional<String> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static void write(ChannelHandlerContext ctx, CwmpReply reply, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        if (!reply.contentType().isEmpty()) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        reply.setCookie().ifPresent(c -> response.headers().set(HttpHeaderNames.SET_COOKIE, c));
        reply.retryAfterSeconds().ifPresent(s -> response.headers().setInt(HttpHeaderNames.RETRY_AFTER, s));
        reply.challenge().ifPresent(c -> response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, c));
        boolean close = reply.close() || !keepAlive;
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        sessions.connectionClosed(ctx.channel().id());
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else if (event instanceof ChannelInputShutdownEvent) {
            inputShutdown = true;
            if (pending == 0) {
                ctx.close();
            }
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException && ctx.channel().isActive()) {
            // e.g. a Content-Encoding: deflate body that does not inflate
            String why = cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage();
            LOG.warn("{} -: Invalid request; error=\"{}\"", Remote.address(ctx.channel()), why);
            write(ctx, CwmpReply.badRequest("Malformed HTTP request: " + why), false);
            return;
        }
        if (cause instanceof OutOfMemoryError) {
            // Netty's direct-memory limit: the connection goes, and the operator learns why
            LOG.error("{} -: connection closed, out of memory for request buffers ({}); lower ACS_MAX_BODY_BYTES or "
                    + "raise -XX:MaxDirectMemorySize", Remote.address(ctx.channel()), cause.getMessage());
        }
        // a reset connection or a broken client: nothing to answer
        ctx.close();
    }
}
