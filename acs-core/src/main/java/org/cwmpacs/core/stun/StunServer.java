package org.cwmpacs.core.stun;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cwmpacs.core.net.Listener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACS's own STUN server (TR-069 Annex G, TR-111 Part 2; {@code ACS_STUN_ENABLED}, {@code ACS_STUN_PORT}):
 * answers Binding Requests with the address and port they came from (XOR-MAPPED-ADDRESS to RFC 5389 clients,
 * MAPPED-ADDRESS to classic RFC 3489 ones, as most CPEs are), and remembers, per STUN username, the binding of
 * a request marked CONNECTION-REQUEST-BINDING ({@link UdpBindings}): where UDP connection requests reach that
 * CPE through its NAT. Everything happens on the event loop: a datagram costs a decode and an encode. Anything
 * that is not a well-formed Binding Request is dropped (STUN answers no garbage).
 */
public final class StunServer implements Listener {
    private static final Logger LOG = LoggerFactory.getLogger("stun");
    private static final byte[] SOFTWARE = "cwmp-acs".getBytes(StandardCharsets.UTF_8);

    private final String host;
    private final int port;
    private final UdpBindings bindings;
    private final Clock clock;
    private EventLoopGroup group;
    private Channel channel;

    public StunServer(String host, int port, UdpBindings bindings, Clock clock) {
        this.host = host;
        this.port = port;
        this.bindings = bindings;
        this.clock = clock;
    }

    @Override
    public int start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        answer(packet.sender(), ByteBufUtil.getBytes(packet.content()))
                                .ifPresent(reply -> ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply),
                                        packet.sender())));
                    }
                }).bind(host, port).sync().channel();
        return port();
    }

    /** The answer to one datagram from {@code sender}, if it deserves one. */
    Optional<byte[]> answer(InetSocketAddress sender, byte[] datagram) {
        StunMessage request;
        try {
            request = StunCodec.decode(datagram);
        } catch (StunException e) {
            LOG.debug("{}: datagram dropped: {}", sender, e.getMessage());
            return Optional.empty();
        }
        if (request.type() != StunMessage.BINDING_REQUEST) {
            return Optional.empty();
        }
        Optional<String> username = request.text(StunMessage.USERNAME).map(String::strip).filter(u -> !u.isEmpty()
                && u.length() <= 256);
        if (request.has(StunMessage.CONNECTION_REQUEST_BINDING) && username.isPresent()) {
            boolean changed = bindings.seen(username.get(), sender, clock.instant());
            if (changed || request.has(StunMessage.BINDING_CHANGE)) {
                LOG.info("{}: UDP connection request binding of \"{}\" changed", sender, username.get());
            }
        }
        List<StunMessage.Attribute> attributes = new ArrayList<>();
        if (request.classic()) {
            attributes.add(new StunMessage.Attribute(StunMessage.MAPPED_ADDRESS, StunCodec.address(sender)));
        } else {
            attributes.add(new StunMessage.Attribute(StunMessage.XOR_MAPPED_ADDRESS,
                    StunCodec.xorAddress(sender, request.transactionId())));
            attributes.add(new StunMessage.Attribute(StunMessage.SOFTWARE, SOFTWARE));
        }
        StunMessage response = new StunMessage(StunMessage.BINDING_SUCCESS, request.transactionId(), attributes);
        return Optional.of(StunCodec.encode(response, Optional.empty(), !request.classic()
                && request.has(StunMessage.FINGERPRINT), (byte) 0));
    }

    /** Sends a datagram from the STUN port: UDP connection requests, so that they pass the CPEs' NAT bindings. */
    public void send(byte[] datagram, InetSocketAddress to) throws java.io.IOException {
        io.netty.channel.ChannelFuture sent = channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram),
                to)).syncUninterruptibly();
        if (!sent.isSuccess()) {
            throw new java.io.IOException(String.valueOf(sent.cause()), sent.cause());
        }
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
