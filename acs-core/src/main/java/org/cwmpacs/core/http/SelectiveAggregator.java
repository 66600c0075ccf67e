package org.cwmpacs.core.http;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.function.Predicate;

/**
 * Aggregates requests into one message, except those {@code streamed} selects (file uploads), whose
 * head and body pieces pass through as they arrive, so that the handler can store them without holding
 * the whole body.
 */
public final class SelectiveAggregator extends HttpObjectAggregator {
    private final Predicate<HttpRequest> streamed;
    private boolean streaming;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SelectiveAggregator.class);
    private final int maxContentLength;

    public SelectiveAggregator(int maxContentLength, Predicate<HttpRequest> streamed) {
        super(maxContentLength);
        this.maxContentLength = maxContentLength;
        this.streamed = streamed;
    }

    /** A 413 that names the limit, logged; the connection closes, as the rest of the body is not read. */
    @Override
    protected void handleOversizedMessage(io.netty.channel.ChannelHandlerContext ctx,
                                          io.netty.handler.codec.http.HttpMessage oversized) {
        LOG.warn("{}: request body larger than {} bytes refused with 413 (ACS_NBI_MAX_BODY_BYTES)",
                org.cwmpacs.core.net.Remote.address(ctx.channel()), maxContentLength);
        new Exchange(ctx, false).refuseUnread(io.netty.handler.codec.http.HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "the request body is larger than " + maxContentLength + " bytes, the NBI's limit (ACS_NBI_MAX_BODY_BYTES)");
    }

    @Override
    public boolean acceptInboundMessage(Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            streaming = streamed.test((HttpRequest) msg);
            return !streaming && super.acceptInboundMessage(msg);
        }
        if (streaming && msg instanceof HttpContent) {
            if (msg instanceof LastHttpContent) {
                streaming = false;
            }
            return false;
        }
        return super.acceptInboundMessage(msg);
    }
}
