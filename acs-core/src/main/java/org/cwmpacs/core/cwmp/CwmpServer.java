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
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.cwmpacs.core.net.Listener;
import org.cwmpacs.core.net.RequestTimeout;
import org.cwmpacs.core.session.SessionManager;

/**
 * The CWMP listener (port 7547): HTTP codec, request-body inflation, aggregation, one handler. The handler
 * hands each request to worker threads (decoding a large body takes milliseconds to seconds) and the
 * store's threads complete what touches the store; the event loop only moves bytes.
 */
public final class CwmpServer implements Listener {
    /** Connections idle this long are closed; a CPE opens a new one for its next session. */
    private static final int IDLE_SECONDS = 120;
    /** GenieACS's {@code requestTimeout}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final SessionManager sessions;
    private final String host;
    private final int port;
    private final int maxBodyBytes;
    private final Optional<SslContext> tls;
    private final Duration requestTimeout;
    /** Decoding and session work: never on the event loop, so a costly body delays no other CPE's I/O. */
    private final ExecutorService workers;
    private EventLoopGroup group;
    private Channel channel;

    /** @param tls with a context, the listener speaks HTTPS only (CWMP over TLS) */
    public CwmpServer(SessionManager sessions, String host, int port, int maxBodyBytes, Optional<SslContext> tls) {
        this(sessions, host, port, maxBodyBytes, tls, DEFAULT_REQUEST_TIMEOUT);
    }

    /** @param requestTimeout a request must arrive whole within this, from its first byte */
    public CwmpServer(SessionManager sessions, String host, int port, int maxBodyBytes, Optional<SslContext> tls,
                      Duration requestTimeout) {
        this.sessions = sessions;
        this.host = host;
        this.port = port;
        this.maxBodyBytes = maxBodyBytes;
        this.tls = tls;
        this.requestTimeout = requestTimeout;
        // two per core: a worker can wait briefly (the embedded store's lock while an Inform's writes are
        // prepared), and with one per core the saturated p99 was 232-249 ms against 112-149 ms
        // (docs/performance.md)
        int threads = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cwmp-work");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                // a CPE that shuts down its sending side after its request still gets the answer
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        RequestTimeout timeout = new RequestTimeout(requestTimeout, "ACS_CWMP_REQUEST_TIMEOUT");
                        tls.ifPresent(context -> ch.pipeline().addLast(context.newHandler(ch.alloc())));
                        ch.pipeline()
                                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                                .addLast(timeout.start())
                                .addLast(new HttpServerCodec())
                                .addLast(timeout.end())
                                .addLast(new HttpContentDecompressor(0))
                                .addLast(new LimitedAggregator(maxBodyBytes))
                                .addLast(new CwmpHttpHandler(sessions, workers));
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
        workers.shutdownNow();
    }
}
