package org.cwmpacs.core.cwmp;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Aggregates request bodies up to the limit; a larger one gets 413 with a message that names the limit. */
final class LimitedAggregator extends HttpObjectAggregator {
    private final int maxBodyBytes;

    LimitedAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("cwmp");

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        LOG.warn("{} -: request body larger than {} bytes refused with 413 (ACS_MAX_BODY_BYTES)",
                org.cwmpacs.core.net.Remote.address(ctx.channel()), maxBodyBytes);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.copiedBuffer("CWMP request body larger than "
                        + maxBodyBytes + " bytes (ACS_MAX_BODY_BYTES)\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        org.cwmpacs.core.net.LingeringClose.after(ctx.writeAndFlush(response));
    }
}
