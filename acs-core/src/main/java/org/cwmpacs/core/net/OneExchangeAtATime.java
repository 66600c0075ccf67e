package org.cwmpacs.core.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * HTTP/1.1 pipelining made safe: a client may send its next request before the last one is answered, and
 * the answers must go out in the order of the requests. Requests are handled on worker threads, so a quick
 * one could overtake a slow one; this handler (right after the HTTP codec) holds a connection's next
 * request until the answer to the one before has been written whole, and meanwhile, once that request has
 * arrived whole (or 1 MiB of it), stops reading from the connection, so a client that pipelines a flood is
 * held back by TCP, not buffered. One request per
 * connection in progress also bounds the work queued for the workers by the number of connections.
 */
public final class OneExchangeAtATime extends ChannelDuplexHandler {
    /** Decoded pieces of requests that arrived while the one before was in progress. */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    /** A request was passed on and its answer has not been written whole yet. */
    private boolean answering;
    /** Reading was stopped here (not by an upload pacing itself). */
    private boolean paused;
    /** Body bytes among {@link #held}. */
    private long heldBytes;
    /** Body bytes of held requests past which reading stops even before a held request has arrived whole. */
    static final int MAX_HELD_BYTES = 1024 * 1024;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!held.isEmpty() || (answering && msg instanceof HttpRequest)) {
            held.add(msg);
            if (msg instanceof HttpContent) {
                heldBytes += ((HttpContent) msg).content().readableBytes();
            }
            // a held request is read to its end (its arrival has a time limit of its own), unless it is large
            if (!paused && (msg instanceof LastHttpContent || heldBytes > MAX_HELD_BYTES)) {
                paused = true;
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        pass(ctx, msg);
    }

    private void pass(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            answering = true;
        }
        if (msg instanceof HttpContent && heldBytes > 0) {
            heldBytes = Math.max(0, heldBytes - ((HttpContent) msg).content().readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // a 100 Continue is not the answer; a FullHttpResponse or the last piece of a streamed one is
        boolean ends = msg instanceof LastHttpContent && !(msg instanceof HttpResponse
                && ((HttpResponse) msg).status().codeClass() == HttpStatusClass.INFORMATIONAL);
        ctx.write(msg, promise);
        if (ends) {
            answering = false;
            if (!held.isEmpty()) {
                // after this write has been handed on: the next answer cannot come before it
                ctx.channel().eventLoop().execute(() -> release(ctx));
            }
        }
    }

    private void release(ChannelHandlerContext ctx) {
        if (paused) {
            // before the next request goes on: an upload it starts may stop reading again, and must win
            paused = false;
            ctx.channel().config().setAutoRead(true);
        }
        while (!held.isEmpty() && !(answering && held.peek() instanceof HttpRequest)) {
            pass(ctx, held.poll());
        }
        if (held.isEmpty()) {
            heldBytes = 0;
        } else if (!paused) {
            paused = true;
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discard();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        discard();
        ctx.fireChannelInactive();
    }

    private void discard() {
        while (!held.isEmpty()) {
            ReferenceCountUtil.release(held.poll());
        }
        heldBytes = 0;
    }
}
