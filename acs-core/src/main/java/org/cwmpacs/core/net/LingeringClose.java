package org.cwmpacs.core.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after a refusal sent before the request was read whole (413 for a body too large):
 * closed at once, the unread body makes the kernel reset the connection, and the client, still sending,
 * loses the answer that says why. So the sending side is shut down first, what still arrives is read and
 * dropped, and the connection is closed when the client closes it, or after a few seconds.
 */
public final class LingeringClose {
    /** How long a refused client may go on sending. */
    static final long LINGER_SECONDS = 5;

    private LingeringClose() {
    }

    /** Once {@code written} (the refusal) is out. */
    public static void after(ChannelFuture written) {
        written.addListener(f -> {
            Channel channel = written.channel();
            if (channel instanceof DuplexChannel && channel.isActive()) {
                ((DuplexChannel) channel).shutdownOutput();
                channel.config().setAutoRead(true);
                channel.eventLoop().schedule(() -> {
                    channel.close();
                }, LINGER_SECONDS, TimeUnit.SECONDS);
            } else {
                channel.close();
            }
        });
    }
}
