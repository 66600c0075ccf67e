package org.cwmpacs.core.connreq;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UdpConnectionRequestTest {
    @Test
    void theMessageIsSignedAsAnnexGSays() {
        // the signature computed independently, with Node.js's crypto.createHmac("sha1", password)
        assertThat(UdpConnectionRequest.signature("s3cret-pass", "1733140800" + "1234567890" + "cpe-user"
                + "0123456789abcdef")).isEqualTo("4200267824eea26284c06b0eb437e4f3bb808ed5");
        byte[] message = UdpConnectionRequest.message(new InetSocketAddress("198.51.100.7", 30005), "cpe-user",
                "s3cret-pass", 1733140800L, 1234567890L, "0123456789abcdef");
        assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo("GET http://198.51.100.7:30005?ts=1733140800"
                + "&id=1234567890&un=cpe-user&cn=0123456789abcdef&sig=4200267824eea26284c06b0eb437e4f3bb808ed5 HTTP/1.1"
                + "\r\nHost: 198.51.100.7:30005\r\n\r\n");
    }

    @Test
    void storedAddressesAreRead() {
        assertThat(UdpConnectionRequest.address("198.51.100.7:30005")).contains(new InetSocketAddress("198.51.100.7", 30005));
        assertThat(UdpConnectionRequest.address("[2001:db8::1]:7547")).contains(new InetSocketAddress("2001:db8::1", 7547));
        for (String bad : new String[] {"", "198.51.100.7", "198.51.100.7:", ":7547", "h:99999", "2001:db8::1:7547", "h:x"}) {
            assertThat(UdpConnectionRequest.address(bad)).as(bad).isEmpty();
        }
    }
}
