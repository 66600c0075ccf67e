package org.cwmpacs.core.cwmp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cwmpacs.core.net.Listener;
import org.cwmpacs.core.session.SessionManager;

/**
 * The CWMP listener (port 7547): HTTP codec, request-body inflation, aggregation, one handler. The handler
 * never blocks: session work that touches the store completes on the store's threads.
 */
public final class CwmpServer implements Listener {
    /** Connections idle this long are closed; a CPE opens a new one for its next session. */
    private static final int IDLE_SECONDS = 120;

    private final SessionManager sessions;
    private final String host;
    private final int port;
    private final int maxBodyBytes;
    private final Optional<SslContext> tls;
    private EventLoopGroup group;
    private Channel channel;

    /** @param tls with a context, the listener speaks HTTPS only (CWMP over TLS) */
    public CwmpServer(SessionManager sessions, String host, int port, int maxBodyBytes, Optional<SslContext> tls) {
        this.sessions = sessions;
        this.host = host;
        this.port = port;
        this.maxBodyBytes = maxBodyBytes;
        this.tls = tls;
    }

    @Override
    public int start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        tls.ifPresent(context -> ch.pipeline().addLast(context.newHandler(ch.alloc())));
                        ch.pipeline()
                                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpContentDecompressor(0))
                                .addLast(new LimitedAggregator(maxBodyBytes))
                                .addLast(new CwmpHttpHandler(sessions));
                    }
                });
        channel = bootstrap.bind(host, port).sync().channel();
        return port();
    }

    @Override
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
