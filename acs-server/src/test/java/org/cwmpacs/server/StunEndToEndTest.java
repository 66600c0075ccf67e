package org.cwmpacs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.stun.StunCodec;
import org.cwmpacs.core.stun.StunMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own STUN service: off by default, answering on ACS_STUN_PORT when ACS_STUN_ENABLED. */
class StunEndToEndTest {
    @TempDir
    java.nio.file.Path dir;

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void theStunServerAnswersWhenEnabled() throws Exception {
        assertThat(AcsConfig.load(Map.of()).cwmp().stun().enabled()).as("off unless asked for").isFalse();
        assertThat(AcsConfig.load(Map.of()).cwmp().stun().port()).isEqualTo(3478);
        int port = freeUdpPort();
        try (RunningAcs acs = RunningAcs.start(dir, Map.of("ACS_STUN_ENABLED", "true", "ACS_STUN_PORT",
                Integer.toString(port), "ACS_STUN_INTERFACE", "127.0.0.1"));
             DatagramSocket cpe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] tid = new byte[16];
            tid[0] = 1;
            byte[] request = StunCodec.encode(new StunMessage(StunMessage.BINDING_REQUEST, tid, List.of(
                    new StunMessage.Attribute(StunMessage.USERNAME, "cpe".getBytes(StandardCharsets.UTF_8)))),
                    Optional.empty(), false, (byte) 0);
            cpe.setSoTimeout(3000);
            cpe.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            cpe.receive(reply);
            StunMessage answer = StunCodec.decode(Arrays.copyOf(reply.getData(), reply.getLength()));
            assertThat(StunCodec.address(answer.attribute(StunMessage.MAPPED_ADDRESS).orElseThrow().value()))
                    .isEqualTo(cpe.getLocalSocketAddress());
        }
    }
}
