package org.cwmpacs.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's answer: a whole response, or a head and then a body written in pieces, with the writing
 * thread waiting while the client reads slowly (so that a large answer never piles up in memory). Safe to
 * use from any thread.
 */
public final class Exchange {
    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final AtomicBoolean answered = new AtomicBoolean();

    public Exchange(ChannelHandlerContext ctx, boolean keepAlive) {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
    }

    /** A status with its own reason phrase (GenieACS tells outcomes there), kept to one printable line. */
    public static HttpResponseStatus status(int code, String reason) {
        String line = reason.replaceAll("[\\p{Cntrl}]+", " ").strip();
        return new HttpResponseStatus(code, line.isEmpty() ? HttpResponseStatus.valueOf(code).reasonPhrase() : line);
    }

    public boolean answered() {
        return answered.get();
    }

    /**
     * Runs {@code action} when the client's connection closes (at once if it is closed already), until the
     * returned handle is closed (a kept-alive connection serves many requests).
     */
    public Watch onClose(Runnable action) {
        io.netty.util.concurrent.GenericFutureListener<io.netty.util.concurrent.Future<? super Void>> listener =
                f -> action.run();
        ctx.channel().closeFuture().addListener(listener);
        return () -> ctx.channel().closeFuture().removeListener(listener);
    }

    /** A watch on the connection, ended by {@link #close}. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    public void respond(HttpResponseStatus status, String contentType, byte[] body, Map<String, Object> headers) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        if (!contentType.isEmpty()) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        headers.forEach((k, v) -> response.headers().set(k, v));
        HttpUtil.setContentLength(response, body.length);
        send(response, true);
    }

    /** An empty body. */
    public void respond(HttpResponseStatus status) {
        respond(status, "", new byte[0], Map.of());
    }

    /** A plain-text body, as GenieACS answers its own errors ({@code No such device}, ...). */
    public void text(HttpResponseStatus status, String text) {
        respond(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public void json(HttpResponseStatus status, Object value) {
        respond(status, "application/json", Json.write(value), Map.of());
    }

    /** {@code {"error": message}}. */
    public void error(HttpResponseStatus status, String message) {
        respond(status, "application/json", Json.error(message), Map.of());
    }

    /**
     * {@code {"error": message}} to a request whose body is not read (too large): the connection closes after
     * a linger, so that the client, still sending, gets the answer instead of a reset.
     */
    public void refuseUnread(HttpResponseStatus status, String message) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        byte[] body = Json.error(message);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setContentLength(response, body.length);
        HttpUtil.setKeepAlive(response, false);
        org.cwmpacs.core.net.LingeringClose.after(ctx.writeAndFlush(response));
    }

    public void methodNotAllowed(String allow) {
        respond(HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8",
                "405 Method Not Allowed".getBytes(StandardCharsets.UTF_8), Map.of("Allow", allow));
    }

    public void notFound() {
        text(HttpResponseStatus.NOT_FOUND, "404 Not Found");
    }

    private void send(Object message, boolean last) {
        if (last && !answered.compareAndSet(false, true)) {
            return;
        }
        if (message instanceof HttpResponse) {
            HttpUtil.setKeepAlive((HttpResponse) message, keepAlive);
        }
        ChannelFuture written = ctx.writeAndFlush(message);
        if (last && !keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Starts a response whose body follows through {@link Body}; without a length it is sent chunked. */
    public Body stream(HttpResponse head) {
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException("this request was answered already");
        }
        if (!HttpUtil.isContentLengthSet(head)) {
            HttpUtil.setTransferEncodingChunked(head, true);
        }
        HttpUtil.setKeepAlive(head, keepAlive);
        ctx.writeAndFlush(head);
        return new Body();
    }

    /**
     * A response without a body (its headers may announce one, as a HEAD answer does), written in one piece:
     * a client that has it whole may send its next request at once, and that answer must not find this one
     * unfinished, as a head written apart from its end could be.
     */
    public void complete(HttpResponse head) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, head.status(),
                Unpooled.EMPTY_BUFFER);
        response.headers().set(head.headers());
        if (!HttpUtil.isContentLengthSet(response) && !HttpUtil.isTransferEncodingChunked(response)) {
            HttpUtil.setContentLength(response, 0);
        }
        send(response, true);
    }

    public static HttpResponse head(HttpResponseStatus status) {
        return new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
    }

    /** A streamed body. Blocking: call it off the event loop. */
    public final class Body {
        private ChannelFuture last;

        public void write(ByteBuf chunk) throws InterruptedException {
            // one piece in flight at a time: a slow client holds back the writer, not memory (writes from
            // outside the event loop are queued before the channel counts them as pending)
            if (last != null) {
                last.await();
                if (!last.isSuccess()) {
                    chunk.release();
                    throw new InterruptedException("the client went away: " + last.cause());
                }
            }
            if (!ctx.channel().isActive()) {
                chunk.release();
                throw new InterruptedException("the client went away");
            }
            last = ctx.writeAndFlush(new DefaultHttpContent(chunk));
        }

        /**
         * Sends a piece without waiting for it: the caller goes on from the returned future, so that a client
         * that does not read holds no thread, only its one piece in flight.
         */
        public ChannelFuture send(ByteBuf chunk) {
            if (!ctx.channel().isActive()) {
                chunk.release();
                return ctx.newFailedFuture(new java.io.IOException("the client went away"));
            }
            last = ctx.writeAndFlush(new DefaultHttpContent(chunk));
            return last;
        }

        /**
         * Sends the body's last piece and ends it in one write: a client that has all the bytes may send its
         * next request at once, and its answer must not find this one unfinished.
         */
        public ChannelFuture sendLast(ByteBuf chunk) {
            if (!ctx.channel().isActive()) {
                chunk.release();
                return ctx.newFailedFuture(new java.io.IOException("the client went away"));
            }
            ChannelFuture done = ctx.writeAndFlush(new io.netty.handler.codec.http.DefaultLastHttpContent(chunk));
            if (!keepAlive) {
                done.addListener(ChannelFutureListener.CLOSE);
            }
            last = done;
            return done;
        }

        public void write(byte[] bytes) throws InterruptedException {
            write(Unpooled.wrappedBuffer(bytes));
        }

        public void end() {
            ChannelFuture done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (!keepAlive) {
                done.addListener(ChannelFutureListener.CLOSE);
            }
        }

        /** Gives up midway (the body cannot be completed): the connection is closed. */
        public void abort() {
            ctx.close();
        }
    }
}
