package org.cwmpacs.nbi.http;

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

    public SelectiveAggregator(int maxContentLength, Predicate<HttpRequest> streamed) {
        super(maxContentLength);
        this.streamed = streamed;
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
