package org.cwmpacs.core.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cwmpacs.core.net.Listener;

/**
 * An HTTP listener: codec, then the given handlers (built per connection); closes idle connections. It owns
 * the worker threads its handlers hand blocking work to, and stops them when closed.
 */
public final class HttpListener implements Listener {
    private static final int IDLE_SECONDS = 300;
    static final int MAX_LINE_BYTES = 16 * 1024;
    /** The host that means both loopback addresses, 127.0.0.1 and ::1 (where the host has IPv6). */
    public static final String LOOPBACK = "localhost";

    private final String host;
    private final int port;
    private final Supplier<List<ChannelHandler>> handlers;
    private final java.util.concurrent.ExecutorService workers;
    private final java.time.Duration requestTimeout;
    private final String timeoutOption;
    private final java.util.function.Predicate<io.netty.handler.codec.http.HttpRequest> streamed;
    private java.util.Optional<io.netty.handler.ssl.SslContext> tls = java.util.Optional.empty();
    private EventLoopGroup group;
    private Channel channel;
    private Channel ipv6Loopback;

    /**
     * @param requestTimeout a request must arrive whole within this from its first byte, or gets 408
     * @param streamed requests whose body is streamed (file uploads): only their headers are timed
     */
    public HttpListener(String host, int port, java.util.concurrent.ExecutorService workers,
                        Supplier<List<ChannelHandler>> handlers, java.time.Duration requestTimeout, String timeoutOption,
                        java.util.function.Predicate<io.netty.handler.codec.http.HttpRequest> streamed) {
        this.host = host;
        this.port = port;
        this.workers = workers;
        this.handlers = handlers;
        this.requestTimeout = requestTimeout;
        this.timeoutOption = timeoutOption;
        this.streamed = streamed;
    }

    /** With a context, the listener speaks HTTPS only; set before {@link #start}. */
    public HttpListener tls(java.util.Optional<io.netty.handler.ssl.SslContext> context) {
        this.tls = context;
        return this;
    }

    /** Threads for a listener's blocking work (store calls, streaming), so that the event loop never waits. */
    public static java.util.concurrent.ExecutorService workers(String name) {
        return java.util.concurrent.Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                // a slow reader makes the writing thread wait instead of the server buffering for it
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(128 * 1024, 512 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        tls.ifPresent(context -> ch.pipeline().addLast(context.newHandler(ch.alloc())));
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS) {
                            @Override
                            protected void channelIdle(io.netty.channel.ChannelHandlerContext ctx,
                                                       io.netty.handler.timeout.IdleStateEvent evt) {
                                ctx.close();
                            }
                        });
                        org.cwmpacs.core.net.RequestTimeout timeout = new org.cwmpacs.core.net.RequestTimeout(
                                requestTimeout, timeoutOption, streamed);
                        ch.pipeline().addLast(timeout.start());
                        // request lines up to 16 KB: long $in queries in the URL, as Node.js (GenieACS) takes them
                        ch.pipeline().addLast(new HttpServerCodec(MAX_LINE_BYTES, MAX_LINE_BYTES, 8192));
                        ch.pipeline().addLast(timeout.end());
                        ch.pipeline().addLast(new org.cwmpacs.core.net.OneExchangeAtATime());
                        for (ChannelHandler h : handlers.get()) {
                            ch.pipeline().addLast(h);
                        }
                    }
                });
        try {
            channel = bootstrap.bind(LOOPBACK.equals(host) ? "127.0.0.1" : host, port).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
        int bound = port();
        if (LOOPBACK.equals(host)) {
            // clients that resolve localhost to ::1 first (Node.js among them) must find it there too
            try {
                ipv6Loopback = bootstrap.bind("::1", bound).sync().channel();
            } catch (RuntimeException e) {
                // no IPv6 on this host: IPv4 loopback it is
            }
        }
        return bound;
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
        if (ipv6Loopback != null) {
            ipv6Loopback.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        workers.shutdownNow();
    }
}
