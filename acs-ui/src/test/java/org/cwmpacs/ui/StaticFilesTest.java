package org.cwmpacs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Request;
import org.junit.jupiter.api.Test;

/** The page's files are served from the jar; names that name nothing are not remembered. */
class StaticFilesTest {
    private final StaticFiles files = new StaticFiles();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());

    private boolean serve(String path) {
        ChannelHandlerContext ctx = channel.pipeline().firstContext();
        return files.serve(new Request(HttpMethod.GET, path, Map.of(), new DefaultHttpHeaders(), new byte[0]),
                new Exchange(ctx, true));
    }

    @Test
    void anAssetIsServedAndMadeUpNamesLeaveNothingBehind() {
        assertThat(serve("/static/app.js")).isTrue();
        FullHttpResponse app = channel.readOutbound();
        assertThat(app.status().code()).isEqualTo(200);
        assertThat(app.headers().get("Content-Type")).startsWith("text/javascript");
        app.release();
        for (int i = 0; i < 1000; i++) {
            assertThat(serve("/static/made-up-" + i + ".js")).isFalse();
        }
        assertThat(serve("/static/../../etc/passwd.txt")).isFalse();
        assertThat(files.cached()).isEqualTo(1);
    }
}
