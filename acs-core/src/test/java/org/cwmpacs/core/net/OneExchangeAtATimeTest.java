package org.cwmpacs.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipelined requests reach the handler one at a time, each once the answer before it is written whole. */
class OneExchangeAtATimeTest {
    private final List<Object> seen = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new OneExchangeAtATime(),
            new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    seen.add(msg instanceof HttpRequest ? ((HttpRequest) msg).uri()
                            : msg instanceof LastHttpContent ? "end" : "piece");
                }
            });

    private static HttpRequest get(String uri) {
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
    }

    @Test
    void theSecondRequestWaitsForTheFirstAnswerAndReadingStopsMeanwhile() {
        channel.writeInbound(get("/slow"), LastHttpContent.EMPTY_LAST_CONTENT, get("/quick"),
                new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] {1})), LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(seen).containsExactly("/slow", "end");
        assertThat(channel.config().isAutoRead()).as("a client pipelining a flood is held back by TCP").isFalse();

        // a streamed answer: the head alone does not finish it
        channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.runPendingTasks();
        assertThat(seen).containsExactly("/slow", "end");
        channel.writeOutbound(new DefaultLastHttpContent());
        channel.runPendingTasks();
        assertThat(seen).containsExactly("/slow", "end", "/quick", "piece", "end");
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void aContinueIsNotTheAnswer() {
        channel.writeInbound(get("/upload"), get("/next"));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        channel.runPendingTasks();
        assertThat(seen).containsExactly("/upload");
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CREATED));
        channel.runPendingTasks();
        assertThat(seen).containsExactly("/upload", "/next");
    }

    @Test
    void requestsOneAfterTheOtherPassAtOnce() {
        channel.writeInbound(get("/a"), LastHttpContent.EMPTY_LAST_CONTENT);
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.writeInbound(get("/b"), LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(seen).containsExactly("/a", "end", "/b", "end");
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void whatIsHeldIsReleasedWhenTheClientGoesAway() {
        DefaultHttpContent piece = new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] {1, 2}));
        channel.writeInbound(get("/a"), get("/b"), piece);
        channel.close();
        assertThat(piece.refCnt()).isZero();
    }

    @Test
    void aHeldRequestIsReadToItsEndUnlessItIsLarge() {
        channel.writeInbound(get("/slow"), LastHttpContent.EMPTY_LAST_CONTENT, get("/post"),
                new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[1000])));
        assertThat(channel.config().isAutoRead()).as("the rest of its body may still come").isTrue();
        channel.writeInbound(new DefaultLastHttpContent());
        assertThat(channel.config().isAutoRead()).isFalse();
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.runPendingTasks();
        assertThat(seen).containsExactly("/slow", "end", "/post", "piece", "end");

        channel.writeInbound(get("/big"), new DefaultHttpContent(Unpooled.wrappedBuffer(
                new byte[OneExchangeAtATime.MAX_HELD_BYTES + 1])));
        assertThat(channel.config().isAutoRead()).as("the one in progress has not been answered").isFalse();
    }
}
