package org.cwmpacs.core.net;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** The address of a connection's peer, as logs and per-address limits name it. */
public final class Remote {
    private Remote() {
    }

    public static String address(Channel channel) {
        return address(channel.remoteAddress());
    }

    public static String address(SocketAddress address) {
        return address instanceof InetSocketAddress && ((InetSocketAddress) address).getAddress() != null
                ? ((InetSocketAddress) address).getAddress().getHostAddress() : String.valueOf(address);
    }
}
