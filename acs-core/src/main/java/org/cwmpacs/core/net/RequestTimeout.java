package org.cwmpacs.core.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request must arrive whole within a time limit, counted from its first byte (GenieACS: 10 s). Without
 * it a client that sends its headers or body a byte at a time, or a chunked body that never ends, holds a
 * connection and its buffers for ever. A request that misses it gets 408 and its connection is closed.
 *
 * <p>Two handlers share the clock: {@link #start()} goes before the HTTP codec and sees the first bytes,
 * {@link #end()} after it and sees the request's last part.
 */
public final class RequestTimeout {
    private static final Logger LOG = LoggerFactory.getLogger(RequestTimeout.class);

    private final Duration limit;
    private final String option;
    private final java.util.function.Predicate<HttpRequest> streamed;
    private ScheduledFuture<?> timer;
    private boolean receiving;
    /** Where a 408 is written from: after the codec, which encodes it. */
    private ChannelHandlerContext answering;

    /** @param option the setting that changes the limit, named in the log */
    public RequestTimeout(Duration limit, String option) {
        this(limit, option, request -> false);
    }

    /** @param streamed requests whose body streams for as long as it takes (file uploads): only headers are timed */
    public RequestTimeout(Duration limit, String option, java.util.function.Predicate<HttpRequest> streamed) {
        this.limit = limit;
        this.option = option;
        this.streamed = streamed;
    }

    /** Starts the clock at a request's first bytes. */
    public ChannelDuplexHandler start() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (!receiving && msg instanceof ByteBuf && ((ByteBuf) msg).isReadable()) {
                    receiving = true;
                    timer = ctx.executor().schedule(() -> expired(ctx.channel()), limit.toNanos(), TimeUnit.NANOSECONDS);
                }
                super.channelRead(ctx, msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                stop();
                super.channelInactive(ctx);
            }
        };
    }

    /** Stops the clock once the request's last part has been decoded. */
    public ChannelInboundHandlerAdapter end() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                answering = ctx;
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (msg instanceof LastHttpContent || msg instanceof HttpRequest && streamed.test((HttpRequest) msg)) {
                    stop();
                }
                super.channelRead(ctx, msg);
            }
        };
    }

    private void stop() {
        receiving = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expired(io.netty.channel.Channel channel) {
        if (!receiving || !channel.isActive()) {
            return;
        }
        receiving = false;
        LOG.warn("{}: request not received whole within {} s; answered 408 and closed the connection ({})",
                Remote.address(channel), limit.toSeconds(), option);
        if (answering == null) {
            channel.close();
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT,
                Unpooled.copiedBuffer("Request not received within " + limit.toSeconds() + " s\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        // the half-read request is abandoned with the connection
        answering.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
