package org.cwmpacs.core.connreq;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XMPP connection request of TR-069 Annex K: the ACS, logged in to the operator's XMPP server as
 * {@code GENIEACS_XMPP_JID}, sends the CPE's {@code ConnReqJabberID} an
 * {@code <iq type="get"><connectionRequest xmlns="urn:broadband-forum-org:cwmp:xmppConnReq-1-0">} with the
 * connection request credentials; a {@code result} means the CPE will open a session, {@code not-authorized}
 * wrong credentials, {@code service-unavailable} (or no answer) a CPE that will not. The ACS's XMPP session is
 * opened at the first request and kept; a broken one is opened again at the next.
 */
public final class XmppConnectionRequester implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("cwmp");
    public static final String NAMESPACE = "urn:broadband-forum-org:cwmp:xmppConnReq-1-0";

    /**
     * @param jid {@code GENIEACS_XMPP_JID}, as {@code user@domain}
     * @param host the server's address when it is not found from the domain ({@code ACS_XMPP_HOST})
     * @param port {@code ACS_XMPP_PORT} (5222)
     * @param requireTls refuse a server that offers no TLS ({@code ACS_XMPP_REQUIRE_TLS}, true)
     */
    public record Settings(String jid, String password, Optional<String> host, int port, boolean requireTls,
                           Duration timeout) {
        public Settings {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** After a failed login, requests fail at once for this long instead of each waiting out a login. */
    static final Duration LOGIN_BACKOFF = Duration.ofSeconds(10);

    private final Settings settings;
    private XMPPTCPConnection connection;
    /** The last failed login: when, and why. */
    private long failedAtNanos;
    private String failure;

    public XmppConnectionRequester(Settings settings) {
        this.settings = settings;
    }

    /** Sends the request and waits for the CPE's answer, at most the timeout. Never throws. */
    public ConnectionRequestResult wake(String cpeJid, String username, String password) {
        Jid to;
        try {
            to = JidCreate.from(cpeJid.strip());
        } catch (Exception e) {
            return ConnectionRequestResult.invalid("the ConnReqJabberID '" + cpeJid + "' is not a JID");
        }
        try {
            XMPPTCPConnection c = connected();
            ConnectionRequestIq iq = new ConnectionRequestIq(username, password);
            iq.setTo(to);
            c.createStanzaCollectorAndSend(iq).nextResultOrThrow(settings.timeout().toMillis());
            return new ConnectionRequestResult(true, "XMPP connection request accepted by " + to);
        } catch (XMPPException.XMPPErrorException e) {
            StanzaError.Condition condition = e.getStanzaError().getCondition();
            return condition == StanzaError.Condition.not_authorized ? ConnectionRequestResult.BAD_CREDENTIALS
                    : new ConnectionRequestResult(false, "XMPP connection request refused: " + condition);
        } catch (SmackException.NoResponseException e) {
            return new ConnectionRequestResult(false, "XMPP connection request: no answer from " + to);
        } catch (Exception e) {
            drop();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new ConnectionRequestResult(false, "XMPP connection request failed: " + e.getMessage()
                    + " (check GENIEACS_XMPP_JID, GENIEACS_XMPP_PASSWORD and the XMPP server)");
        }
    }

    private synchronized XMPPTCPConnection connected() throws Exception {
        if (connection != null && connection.isAuthenticated()) {
            return connection;
        }
        drop();
        long since = System.nanoTime() - failedAtNanos;
        if (failure != null && since < LOGIN_BACKOFF.toNanos()) {
            // a bulk action must not queue one login timeout per device behind this lock
            throw new java.io.IOException("the XMPP login failed " + java.util.concurrent.TimeUnit.NANOSECONDS
                    .toSeconds(since) + " s ago (" + failure + "); the next attempt is after "
                    + LOGIN_BACKOFF.toSeconds() + " s");
        }
        try {
            XMPPTCPConnection c = login();
            failure = null;
            return c;
        } catch (Exception e) {
            failedAtNanos = System.nanoTime();
            failure = String.valueOf(e.getMessage());
            LOG.warn("XMPP: login as {} failed: {}", settings.jid(), failure);
            throw e;
        }
    }

    private XMPPTCPConnection login() throws Exception {
        EntityBareJid me = JidCreate.entityBareFrom(settings.jid());
        XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                .setUsernameAndPassword(me.getLocalpart().toString(), settings.password())
                .setXmppDomain(me.asDomainBareJid()).setResource("acs").setPort(settings.port())
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setSecurityMode(settings.requireTls() ? ConnectionConfiguration.SecurityMode.required
                        : ConnectionConfiguration.SecurityMode.ifpossible);
        if (settings.host().isPresent()) {
            b.setHost(settings.host().get());
        }
        XMPPTCPConnection c = new XMPPTCPConnection(b.build());
        c.setReplyTimeout(settings.timeout().toMillis());
        c.connect().login();
        LOG.info("XMPP: logged in as {}", c.getUser());
        connection = c;
        return c;
    }

    private synchronized void drop() {
        if (connection != null) {
            connection.disconnect();
            connection = null;
        }
    }

    @Override
    public void close() {
        drop();
    }

    /** The request stanza's child: {@code <connectionRequest><username/><password/></connectionRequest>}. */
    static final class ConnectionRequestIq extends IQ {
        private final String username;
        private final String password;

        ConnectionRequestIq(String username, String password) {
            super("connectionRequest", NAMESPACE);
            this.username = username;
            this.password = password;
            setType(IQ.Type.get);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.element("username", username);
            xml.element("password", password);
            return xml;
        }
    }
}
