package org.cwmpacs.server;

import java.time.Clock;
import java.util.Optional;
import io.netty.handler.ssl.SslContext;
import org.cwmpacs.core.connreq.ConnectionRequester;
import org.cwmpacs.core.cwmp.CwmpServer;
import org.cwmpacs.core.engine.CpeProfiles;
import org.cwmpacs.core.engine.EngineServices;
import org.cwmpacs.core.store.LocalSessionLocks;
import org.cwmpacs.core.store.SessionLocks;
import org.cwmpacs.core.session.SessionConfig;
import org.cwmpacs.core.session.SessionManager;
import org.cwmpacs.soap.DecodeLimits;
import org.cwmpacs.soap.EncodeOptions;
import org.cwmpacs.store.EmbeddedMongo;
import org.cwmpacs.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything that runs: the store (embedded unless a MongoDB URL is configured) and the CWMP listener. */
public final class AcsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AcsServer.class);

    private final Optional<EmbeddedMongo> embedded;
    private final MongoStore store;
    private final SessionManager sessions;
    private final CwmpServer cwmp;
    private final int cwmpPort;

    private final ConnectionRequester connectionRequests;

    private AcsServer(Optional<EmbeddedMongo> embedded, MongoStore store, SessionManager sessions, CwmpServer cwmp,
                      int cwmpPort, ConnectionRequester connectionRequests) {
        this.connectionRequests = connectionRequests;
        this.embedded = embedded;
        this.store = store;
        this.sessions = sessions;
        this.cwmp = cwmp;
        this.cwmpPort = cwmpPort;
    }

    public static AcsServer start(AcsConfig config) throws InterruptedException, java.io.IOException {
        Optional<EmbeddedMongo> embedded = Optional.empty();
        String url;
        if (config.mongoUrl().isPresent()) {
            url = config.mongoUrl().get();
            LOG.info("Store: MongoDB at {}", redact(url));
        } else {
            EmbeddedMongo started = EmbeddedMongo.start(config.dataDir(), config.storeCacheMegabytes());
            embedded = Optional.of(started);
            url = started.connectionString();
            LOG.info("Store: embedded, data in {} (set GENIEACS_MONGODB_CONNECTION_URL to use a MongoDB server)",
                    config.dataDir().toAbsolutePath().normalize().resolve(EmbeddedMongo.FILE_NAME));
        }
        MongoStore store = MongoStore.connect(url, embedded.isPresent(), config.timestampRefresh());
        SessionConfig sessionConfig = new SessionConfig(config.sessionTimeout(), config.maxSessions(),
                SessionConfig.DEFAULT.retryAfter(), SessionConfig.DEFAULT.linger(),
                new DecodeLimits(config.maxBodyBytes(), DecodeLimits.DEFAULT.maxDepth(), DecodeLimits.DEFAULT.maxElements()),
                new EncodeOptions(config.xmlDeclaration(), !config.booleanLiteral()), config.cpeAuth());
        // the embedded store serves this process alone, so no other instance can hold a session lock
        SessionLocks locks = embedded.isPresent() ? new LocalSessionLocks(Clock.systemUTC()) : store.sessionLocks();
        EngineServices services = new EngineServices(store.devices(), store.tasks(), store.faults(), store.operations(),
                store.files(), config.engine(), new CpeProfiles(config.engine().maxSetEntries(), store.profiles()));
        SessionManager sessions = new SessionManager(services, locks, sessionConfig);
        ConnectionRequester connectionRequests = new ConnectionRequester(store.devices(),
                config.connectionRequestTimeout(), config.connectionRequestCredentials(),
                config.connectionRequestAllowBasic());
        if (config.cpeAuth().enabled()) {
            LOG.info("CPE authentication on: {}", config.cpeAuth().credentials().isPresent() ? "configured credentials"
                    : "each device's stored ManagementServer.Username/Password");
        }
        String host = config.cwmpInterface();
        Optional<SslContext> tls = TlsContexts.fromConfig(config.sslCert(), config.sslKey());
        CwmpServer cwmp = new CwmpServer(sessions, host, config.cwmpPort(), config.maxBodyBytes(), tls);
        int port;
        try {
            port = cwmp.start();
        } catch (Exception e) {
            // Netty rethrows the bind failure unchecked
            if (!"::".equals(host) || e instanceof java.net.BindException && e.getMessage() != null
                    && e.getMessage().contains("in use")) {
                closeQuietly(sessions, store, embedded);
                throw new java.io.IOException("cannot listen on " + host + " port " + config.cwmpPort() + ": " + e
                        + "; set GENIEACS_CWMP_PORT / GENIEACS_CWMP_INTERFACE to a free port and an address of this host", e);
            }
            // no IPv6 on this host: all IPv4 addresses instead
            cwmp.close();
            host = "0.0.0.0";
            cwmp = new CwmpServer(sessions, host, config.cwmpPort(), config.maxBodyBytes(), tls);
            port = cwmp.start();
        }
        LOG.info("CWMP listening on {} port {}{}", host, port, tls.isPresent() ? " (HTTPS)" : "");
        return new AcsServer(embedded, store, sessions, cwmp, port, connectionRequests);
    }

    private static void closeQuietly(SessionManager sessions, MongoStore store, Optional<EmbeddedMongo> embedded) {
        sessions.close();
        store.close();
        embedded.ifPresent(EmbeddedMongo::close);
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    public int cwmpPort() {
        return cwmpPort;
    }

    /** Wakes devices: what the NBI's {@code connection_request} uses. */
    public ConnectionRequester connectionRequests() {
        return connectionRequests;
    }

    public MongoStore store() {
        return store;
    }

    @Override
    public void close() {
        cwmp.close();
        sessions.close();
        store.close();
        embedded.ifPresent(EmbeddedMongo::close);
    }
}
