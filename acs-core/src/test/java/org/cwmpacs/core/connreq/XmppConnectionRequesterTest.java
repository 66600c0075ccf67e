package org.cwmpacs.core.connreq;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An unreachable XMPP server: the first request tries to log in, the next ones are told at once why not. */
class XmppConnectionRequesterTest {
    @Test
    void afterAFailedLoginRequestsFailAtOnceNamingTheFailure() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (XmppConnectionRequester xmpp = new XmppConnectionRequester(new XmppConnectionRequester.Settings(
                "acs@xmpp.example.net", "secret", Optional.of("127.0.0.1"), closed, false, Duration.ofSeconds(2)))) {
            ConnectionRequestResult first = xmpp.wake("cpe-1@xmpp.example.net/cwmp", "u", "p");
            assertThat(first.ok()).isFalse();
            assertThat(first.status()).contains("XMPP connection request failed")
                    .doesNotContain("login failed");
            ConnectionRequestResult second = xmpp.wake("cpe-2@xmpp.example.net/cwmp", "u", "p");
            assertThat(second.ok()).isFalse();
            assertThat(second.status()).contains("the XMPP login failed 0 s ago").contains("next attempt is after 10 s")
                    .contains("GENIEACS_XMPP_JID");
        }
    }
}
