package org.cwmpacs.core.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The STUN server over real UDP: CPEs behind a NAT learn their binding, the ACS remembers it per username. */
class StunServerTest {
    private final UdpBindings bindings = new UdpBindings();
    private StunServer server;
    private InetSocketAddress at;

    @BeforeEach
    void start() throws Exception {
        server = new StunServer("127.0.0.1", 0, bindings, Clock.systemUTC());
        at = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.start());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static StunMessage tr111Request(byte[] transaction, String username, boolean changed) {
        List<StunMessage.Attribute> attributes = new java.util.ArrayList<>(List.of(
                new StunMessage.Attribute(StunMessage.USERNAME, username.getBytes(StandardCharsets.UTF_8)),
                new StunMessage.Attribute(StunMessage.CONNECTION_REQUEST_BINDING,
                        StunMessage.TR111_BINDING.getBytes(StandardCharsets.US_ASCII))));
        if (changed) {
            attributes.add(new StunMessage.Attribute(StunMessage.BINDING_CHANGE, new byte[0]));
        }
        return new StunMessage(StunMessage.BINDING_REQUEST, transaction, attributes);
    }

    private byte[] exchange(DatagramSocket socket, byte[] request) throws Exception {
        socket.setSoTimeout(2000);
        socket.send(new DatagramPacket(request, request.length, at));
        DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
        socket.receive(reply);
        return Arrays.copyOf(reply.getData(), reply.getLength());
    }

    @Test
    void aClassicCpeLearnsItsBindingAndTheAcsRemembersIt() throws Exception {
        try (DatagramSocket cpe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] tid = new byte[16];
            tid[3] = 42;
            StunMessage reply = StunCodec.decode(exchange(cpe, StunCodec.encode(tr111Request(tid, "cpe-1", false),
                    Optional.empty(), false, (byte) 0)));
            assertThat(reply.type()).isEqualTo(StunMessage.BINDING_SUCCESS);
            assertThat(reply.transactionId()).isEqualTo(tid);
            assertThat(reply.has(StunMessage.XOR_MAPPED_ADDRESS)).as("unknown to classic clients").isFalse();
            InetSocketAddress mapped = StunCodec.address(reply.attribute(StunMessage.MAPPED_ADDRESS).orElseThrow().value());
            assertThat(mapped).isEqualTo(cpe.getLocalSocketAddress());
            assertThat(bindings.binding("cpe-1").orElseThrow().address()).isEqualTo(mapped);
            assertThat(bindings.binding("cpe-1").orElseThrow().changed()).isFalse();
        }
        // the NAT gave the CPE another port: the next request says so, and the ACS follows
        try (DatagramSocket moved = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] tid = new byte[16];
            tid[3] = 43;
            exchange(moved, StunCodec.encode(tr111Request(tid, "cpe-1", true), Optional.empty(), false, (byte) 0));
            assertThat(bindings.binding("cpe-1").orElseThrow().address()).isEqualTo(moved.getLocalSocketAddress());
            assertThat(bindings.binding("cpe-1").orElseThrow().changed()).isTrue();
        }
    }

    @Test
    void anRfc5389ClientGetsAnXorMappedAddressAndGarbageNoAnswer() throws Exception {
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] tid = "abcdefghijkl".getBytes(StandardCharsets.US_ASCII);
            byte[] reply = exchange(client, StunCodec.encode(new StunMessage(StunMessage.BINDING_REQUEST, tid, List.of()),
                    Optional.empty(), true, (byte) 0));
            StunMessage decoded = StunCodec.decode(reply);
            assertThat(StunCodec.xorAddress(decoded.attribute(StunMessage.XOR_MAPPED_ADDRESS).orElseThrow().value(), tid))
                    .isEqualTo(client.getLocalSocketAddress());
            assertThat(StunCodec.fingerprintHolds(reply)).isTrue();
            assertThat(bindings.size()).as("no TR-111 binding asked for").isZero();

            client.setSoTimeout(300);
            byte[] garbage = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(garbage, garbage.length, at));
            assertThatThrownBy(() -> client.receive(new DatagramPacket(new byte[100], 100)))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
}
