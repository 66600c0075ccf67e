package org.cwmpacs.core.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Against the test vectors of RFC 5769 (§2.1 request, §2.2 IPv4 response), byte for byte. */
class StunCodecTest {
    private static final byte[] PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REQUEST = HexFormat.of().parseHex("000100582112a442b7e7a701bc34d686fa87dfae80220010"
            + "5354554e207465737420636c69656e74002400046e0001ff80290008932ff9b151263b36000600096576746a3a6836765920"
            + "2020000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a280280004e57a3bcf");
    private static final byte[] IPV4_RESPONSE = HexFormat.of().parseHex("0101003c2112a442b7e7a701bc34d686fa87dfae"
            + "8022000b7465737420766563746f7220002000080001a147e112a643000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7"
            + "80280004c07d4c96");
    private static final byte[] TRANSACTION = HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae");

    @Test
    void theSampleRequestDecodesAndItsIntegrityAndFingerprintHold() throws Exception {
        StunMessage m = StunCodec.decode(REQUEST);
        assertThat(m.type()).isEqualTo(StunMessage.BINDING_REQUEST);
        assertThat(m.classic()).isFalse();
        assertThat(m.transactionId()).isEqualTo(TRANSACTION);
        assertThat(m.text(StunMessage.SOFTWARE)).contains("STUN test client");
        assertThat(m.text(StunMessage.USERNAME)).contains("evtj:h6vY");
        assertThat(StunCodec.integrityHolds(REQUEST, PASSWORD)).isTrue();
        assertThat(StunCodec.integrityHolds(REQUEST, "another".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(StunCodec.fingerprintHolds(REQUEST)).isTrue();
        byte[] tampered = REQUEST.clone();
        tampered[40] ^= 1;
        assertThat(StunCodec.fingerprintHolds(tampered)).isFalse();
        assertThat(StunCodec.integrityHolds(tampered, PASSWORD)).isFalse();
    }

    @Test
    void theSampleIpv4ResponseIsEncodedByteForByte() throws Exception {
        InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
        StunMessage response = new StunMessage(StunMessage.BINDING_SUCCESS, TRANSACTION, List.of(
                new StunMessage.Attribute(StunMessage.SOFTWARE, "test vector".getBytes(StandardCharsets.UTF_8)),
                new StunMessage.Attribute(StunMessage.XOR_MAPPED_ADDRESS, StunCodec.xorAddress(mapped, TRANSACTION))));
        // the RFC pads with spaces: padding may be any byte, and the integrity covers it
        assertThat(StunCodec.encode(response, Optional.of(PASSWORD), true, (byte) 0x20)).isEqualTo(IPV4_RESPONSE);
        StunMessage decoded = StunCodec.decode(IPV4_RESPONSE);
        assertThat(StunCodec.xorAddress(decoded.attribute(StunMessage.XOR_MAPPED_ADDRESS).orElseThrow().value(),
                decoded.transactionId())).isEqualTo(mapped);
    }

    @Test
    void classicStunAndBadDatagrams() throws Exception {
        byte[] tid = new byte[16];
        tid[0] = 7;
        StunMessage classic = new StunMessage(StunMessage.BINDING_REQUEST, tid, List.of(
                new StunMessage.Attribute(StunMessage.CONNECTION_REQUEST_BINDING,
                        StunMessage.TR111_BINDING.getBytes(StandardCharsets.US_ASCII)),
                new StunMessage.Attribute(StunMessage.BINDING_CHANGE, new byte[0])));
        StunMessage back = StunCodec.decode(StunCodec.encode(classic, Optional.empty(), false, (byte) 0));
        assertThat(back.classic()).isTrue();
        assertThat(back.transactionId()).isEqualTo(tid);
        assertThat(back.attributes()).isEqualTo(classic.attributes());
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 7547);
        assertThat(StunCodec.address(StunCodec.address(v6))).isEqualTo(v6);
        assertThat(StunCodec.xorAddress(StunCodec.xorAddress(v6, TRANSACTION), TRANSACTION)).isEqualTo(v6);

        assertThatThrownBy(() -> StunCodec.decode(new byte[10])).isInstanceOf(StunException.class);
        assertThatThrownBy(() -> StunCodec.decode("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(StunException.class);
        byte[] lying = REQUEST.clone();
        lying[3] = 0x5c;
        assertThatThrownBy(() -> StunCodec.decode(lying)).isInstanceOf(StunException.class).hasMessageContaining("length");
        byte[] runaway = REQUEST.clone();
        runaway[22] = 0x7f;
        assertThatThrownBy(() -> StunCodec.decode(runaway)).isInstanceOf(StunException.class);
        assertThatThrownBy(() -> StunCodec.decode(new byte[StunCodec.MAX_BYTES + 4])).isInstanceOf(StunException.class);
    }
}
