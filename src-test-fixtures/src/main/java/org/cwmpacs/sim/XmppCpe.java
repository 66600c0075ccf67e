package org.cwmpacs.sim;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * A CPE's XMPP side (TR-069 Annex K): logged in to the XMPP server with its own JID, it answers a
 * {@code connectionRequest} IQ with the right username and password with {@code result} and opens a session
 * ({@code 6 CONNECTION REQUEST}), and anything else with {@code not-authorized}, as the annex says.
 */
public final class XmppCpe implements AutoCloseable {
    static final String NAMESPACE = "urn:broadband-forum-org:cwmp:xmppConnReq-1-0";

    private final XMPPTCPConnection connection;
    private final ExecutorService sessions = Executors.newSingleThreadExecutor();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** The request as received. */
    static final class ConnectionRequest extends IQ {
        final String username;
        final String password;

        ConnectionRequest(String username, String password) {
            super("connectionRequest", NAMESPACE);
            this.username = username;
            this.password = password;
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            return xml;
        }
    }

    static {
        ProviderManager.addIQProvider("connectionRequest", NAMESPACE, new IQProvider<ConnectionRequest>() {
            @Override
            public ConnectionRequest parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                    throws java.io.IOException, org.jivesoftware.smack.xml.XmlPullParserException {
                String user = "";
                String pass = "";
                while (true) {
                    XmlPullParser.Event e = parser.next();
                    if (e == XmlPullParser.Event.START_ELEMENT) {
                        if ("username".equals(parser.getName())) {
                            user = parser.nextText();
                        } else if ("password".equals(parser.getName())) {
                            pass = parser.nextText();
                        }
                    } else if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                        return new ConnectionRequest(user, pass);
                    } else if (e == XmlPullParser.Event.END_DOCUMENT) {
                        return new ConnectionRequest(user, pass);
                    }
                }
            }
        });
    }

    private XmppCpe(XMPPTCPConnection connection) {
        this.connection = connection;
    }

    /**
     * Logs in as {@code user@domain} at {@code host:port} (no TLS: a test server on loopback) and waits for
     * connection requests with these credentials.
     */
    public static XmppCpe start(SimulatedCpe cpe, String jid, String xmppPassword, String host, int port,
                                String username, String password) throws Exception {
        String[] parts = jid.split("@", 2);
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setUsernameAndPassword(parts[0], xmppPassword).setXmppDomain(parts[1]).setHost(host).setPort(port)
                .setResource("cpe").setSecurityMode(ConnectionConfiguration.SecurityMode.disabled).build());
        XmppCpe xmppCpe = new XmppCpe(c);
        c.registerIQRequestHandler(new AbstractIqRequestHandler("connectionRequest", NAMESPACE, IQ.Type.get,
                IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                ConnectionRequest r = (ConnectionRequest) request;
                if (!r.username.equals(username) || !r.password.equals(password)) {
                    xmppCpe.refused.incrementAndGet();
                    return IQ.createErrorResponse(request, StanzaError.Condition.not_authorized);
                }
                xmppCpe.accepted.incrementAndGet();
                xmppCpe.sessions.execute(() -> cpe.runSession("6 CONNECTION REQUEST"));
                return IQ.createResultIQ(request);
            }
        });
        c.connect().login();
        return xmppCpe;
    }

    /** The full JID the CPE is reachable at (its ConnReqJabberID). */
    public String jid() {
        return connection.getUser().toString();
    }

    public int accepted() {
        return accepted.get();
    }

    public int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        connection.disconnect();
        sessions.shutdownNow();
    }
}
