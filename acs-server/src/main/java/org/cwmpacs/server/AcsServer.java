package org.cwmpacs.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.netty.handler.ssl.SslContext;
import org.cwmpacs.core.connreq.ConnectionRequester;
import org.cwmpacs.core.cwmp.CwmpServer;
import org.cwmpacs.core.engine.CpeProfiles;
import org.cwmpacs.core.engine.EngineServices;
import org.cwmpacs.core.net.Listener;
import org.cwmpacs.core.store.SessionLocks;
import org.cwmpacs.core.session.SessionConfig;
import org.cwmpacs.core.session.SessionManager;
import org.cwmpacs.nbi.NbiConfig;
import org.cwmpacs.nbi.NbiServer;
import org.cwmpacs.nbi.NbiServices;
import org.cwmpacs.nbi.fs.FileServer;
import org.cwmpacs.core.http.HttpListener;
import org.cwmpacs.soap.DecodeLimits;
import org.cwmpacs.soap.EncodeOptions;
import org.cwmpacs.core.store.Stores;
import org.cwmpacs.store.EmbeddedStore;
import org.cwmpacs.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that runs: the store (embedded unless a MongoDB URL is configured), the CWMP listener, the
 * NBI and the file server.
 */
public final class AcsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AcsServer.class);

    private final Stores store;
    private final SessionLocks locks;
    private final SessionManager sessions;
    private final ConnectionRequester connectionRequests;
    private final Listener cwmp;
    private final Listener nbi;
    private final Listener fs;
    private final Listener ui;
    /** Stops the script engine and the preset reads. */
    private final Runnable provisioning;

    private AcsServer(Stores store, SessionLocks locks, SessionManager sessions,
                      ConnectionRequester connectionRequests, Listener cwmp, Listener nbi, Listener fs, Listener ui,
                      Runnable provisioning) {
        this.ui = ui;
        this.provisioning = provisioning;
        this.store = store;
        this.locks = locks;
        this.sessions = sessions;
        this.connectionRequests = connectionRequests;
        this.cwmp = cwmp;
        this.nbi = nbi;
        this.fs = fs;
    }

    public static AcsServer start(AcsConfig config) throws InterruptedException, java.io.IOException {
        Stores store;
        if (config.mongoUrl().isPresent()) {
            String url = config.mongoUrl().get();
            LOG.info("Store: MongoDB at {}", redact(url));
            store = MongoStore.connect(url);
        } else {
            LOG.info("Store: embedded, data in {} (set GENIEACS_MONGODB_CONNECTION_URL to use a MongoDB server)",
                    config.dataDir().toAbsolutePath().normalize());
            store = EmbeddedStore.open(config.dataDir(), config.timestampRefresh(),
                    org.cwmpacs.store.engine.StoreEngine.Options.DEFAULT, config.nbi().queryConcurrency());
        }
        SessionConfig sessionConfig = new SessionConfig(config.sessionTimeout(), config.maxSessions(),
                SessionConfig.DEFAULT.retryAfter(), SessionConfig.DEFAULT.linger(),
                new DecodeLimits(config.maxBodyBytes(), DecodeLimits.DEFAULT.maxDepth(), DecodeLimits.DEFAULT.maxElements()),
                new EncodeOptions(config.xmlDeclaration(), !config.booleanLiteral()), config.cpeAuth(),
                config.maxInformParameters(), config.cwmp().maxSessionsPerAddress());
        SessionLocks locks = store.sessionLocks();
        List<AutoCloseable> started = new ArrayList<>();
        started.add(store::close);
        try {
            AcsConfig.NbiOptions options = config.nbi();
            // first, so that Download requests name the port it really listens on
            Listener fs = listen("File server", options.fsHost(), options.fsPort(),
                    "GENIEACS_FS_PORT / GENIEACS_FS_INTERFACE",
                    host -> FileServer.listener(store.fileStore(), host, options.fsPort(), options.requestTimeout()),
                    started, "");
            java.util.concurrent.ExecutorService presetReads = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "preset-reads");
                t.setDaemon(true);
                return t;
            });
            started.add(presetReads::shutdownNow);
            org.cwmpacs.core.script.ScriptEngine scripts = new org.cwmpacs.core.script.ScriptEngine(
                    config.cwmp().scriptLimits());
            started.add(scripts);
            org.cwmpacs.core.script.Extensions extensions = new org.cwmpacs.core.script.Extensions(
                    config.cwmp().extDir(), config.cwmp().extTimeout());
            started.add(extensions);
            // sessions' work once their data is loaded: scripts, extension calls (as many as the CWMP workers)
            java.util.concurrent.ExecutorService sessionWork = java.util.concurrent.Executors.newFixedThreadPool(
                    2 * Runtime.getRuntime().availableProcessors(), r -> {
                        Thread t = new Thread(r, "session-work");
                        t.setDaemon(true);
                        return t;
                    });
            started.add(sessionWork::shutdownNow);
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            org.cwmpacs.core.preset.PresetSource presets = new org.cwmpacs.core.preset.PresetSource(store.documents(),
                    text -> {
                        try {
                            return json.readValue(text, Object.class);
                        } catch (java.io.IOException e) {
                            throw new IllegalArgumentException(e.getMessage());
                        }
                    }, Clock.systemUTC(), config.cwmp().presetsRefresh(), presetReads);
            EngineServices services = new EngineServices(store.devices(), store.tasks(), store.faults(),
                    store.operations(), store.files(), config.engine().withFsPort(fs.port()),
                    new CpeProfiles(config.engine().maxSetEntries(), store.profiles(),
                            config.cwmp().partialPaths()),
                    new org.cwmpacs.core.provision.Provisioning(presets, scripts, extensions, sessionWork));
            SessionManager sessions = new SessionManager(services, locks, sessionConfig);
            org.cwmpacs.core.session.Transcripts transcripts = new org.cwmpacs.core.session.Transcripts(
                    config.ui().transcriptBytes());
            sessions.recordTo(transcripts);
            started.add(sessions::close);
            ConnectionRequester connectionRequests = new ConnectionRequester(store.devices(),
                    config.connectionRequestTimeout(), config.connectionRequestCredentials(),
                    config.connectionRequestAllowBasic(),
                    () -> presets.snapshot().thenApply(org.cwmpacs.core.preset.PresetSource.Snapshot::config),
                    Optional.of(extensions));
            if (config.cpeAuth().enabled()) {
                LOG.info("CPE authentication on: {}", config.cpeAuth().credentials().isPresent()
                        ? "configured credentials" : "each device's stored ManagementServer.Username/Password");
            }
            Optional<SslContext> tls = TlsContexts.fromConfig(config.sslCert(), config.sslKey());
            Listener cwmp = listen("CWMP", config.cwmpInterface(), config.cwmpPort(),
                    "GENIEACS_CWMP_PORT / GENIEACS_CWMP_INTERFACE",
                    host -> new CwmpServer(sessions, host, config.cwmpPort(), config.maxBodyBytes(), tls,
                            config.cwmp().requestTimeout()), started,
                    tls.isPresent() ? " (HTTPS)" : "");
            NbiServices nbiServices = new NbiServices(store.documents(), store.devices(), store.tasks(), store.faults(),
                    store.operations(), store.fileStore(), locks, connectionRequests, Clock.systemUTC());
            NbiConfig nbiConfig = new NbiConfig(options.host(), options.port(), options.auth(), options.maxBodyBytes(),
                    options.onlineThreshold(), options.sessionWait(), options.lockWait(),
                    java.time.Duration.ofMillis(200), options.queryTimeout(), options.requestTimeout(),
                    options.maxFileBytes());
            Listener nbi = listen("NBI", options.host(), options.port(), "GENIEACS_NBI_PORT / GENIEACS_NBI_INTERFACE",
                    host -> NbiServer.listener(nbiServices, nbiConfig.withHost(host)), started, "");
            if (!options.auth().hasCredentials()) {
                if (options.allowAnonymous()) {
                    LOG.warn("NBI: no credentials configured and ACS_NBI_ALLOW_ANONYMOUS=true: anyone who reaches "
                            + "port {} can read and change every device", nbi.port());
                } else {
                    LOG.warn("NBI: no credentials configured, so it listens on {} only. To reach it from other "
                            + "hosts set ACS_NBI_API_KEYS (make a key with: openssl rand -hex 32) or ACS_NBI_USERS "
                            + "(name:password); see docs/nbi.md", HttpListener.LOOPBACK.equals(options.host())
                            ? "loopback (127.0.0.1 and ::1)" : options.host());
                }
            }
            AcsConfig.UiOptions uiOptions = config.ui();
            org.cwmpacs.ui.UiServices uiServices = new org.cwmpacs.ui.UiServices(nbiServices.documents(),
                    nbiServices.devices(), nbiServices.tasks(), nbiServices.faults(), nbiServices.operations(),
                    nbiServices.files(), locks, connectionRequests, Clock.systemUTC(),
                    new org.cwmpacs.core.task.SessionWait.Timing(options.lockWait(), options.sessionWait(),
                            java.time.Duration.ofMillis(200)), options.onlineThreshold(), transcripts,
                    options.maxFileBytes(), options.queryTimeout());
            Optional<SslContext> uiTls = TlsContexts.fromConfig(uiOptions.sslCert(), uiOptions.sslKey(),
                    "GENIEACS_UI_SSL");
            org.cwmpacs.ui.UiConfig uiConfig = new org.cwmpacs.ui.UiConfig(uiOptions.host(), uiOptions.port(),
                    1024 * 1024, options.requestTimeout(), uiOptions.sessionIdle(), uiTls, uiOptions.setupToken());
            Listener ui = listen("UI", uiOptions.host(), uiOptions.port(), "GENIEACS_UI_PORT / GENIEACS_UI_INTERFACE",
                    host -> org.cwmpacs.ui.UiServer.listener(uiServices, uiConfig.withHost(host)), started, "");
            AcsConfig.StunOptions stunOptions = config.cwmp().stun();
            org.cwmpacs.core.stun.UdpBindings udpBindings = new org.cwmpacs.core.stun.UdpBindings();
            org.cwmpacs.core.connreq.UdpPath udpPath = new org.cwmpacs.core.connreq.UdpPath(udpBindings);
            connectionRequests.udp(udpPath);
            Optional<org.cwmpacs.core.connreq.XmppConnectionRequester> xmpp = config.cwmp().xmpp()
                    .map(org.cwmpacs.core.connreq.XmppConnectionRequester::new);
            xmpp.ifPresent(x -> {
                connectionRequests.xmpp(x);
                started.add(x);
            });
            Optional<Listener> stun = Optional.empty();
            if (stunOptions.enabled()) {
                stun = Optional.of(listen("STUN", stunOptions.host(), stunOptions.port(),
                        "ACS_STUN_PORT / ACS_STUN_INTERFACE", host -> new org.cwmpacs.core.stun.StunServer(host,
                                stunOptions.port(), udpBindings, Clock.systemUTC()), started, " (UDP)"));
                org.cwmpacs.core.stun.StunServer stunServer = (org.cwmpacs.core.stun.StunServer) stun.get();
                udpPath.sendFrom(stunServer::send);
            }
            Optional<Listener> stunListener = stun;
            return new AcsServer(store, locks, sessions, connectionRequests, cwmp, nbi, fs, ui, () -> {
                stunListener.ifPresent(Listener::close);
                xmpp.ifPresent(org.cwmpacs.core.connreq.XmppConnectionRequester::close);
                sessionWork.shutdownNow();
                extensions.close();
                scripts.close();
                presetReads.shutdownNow();
            });
        } catch (java.io.IOException | RuntimeException | InterruptedException e) {
            java.util.Collections.reverse(started);
            for (AutoCloseable c : started) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing what did start; the cause is reported
                }
            }
            throw e;
        }
    }

    /**
     * Binds a listener on {@code host}; on {@code ::} without IPv6 on all IPv4 addresses instead. A port in
     * use is reported with the option to change.
     */
    private static Listener listen(String what, String host, int port, String options,
                                   java.util.function.Function<String, Listener> factory, List<AutoCloseable> started,
                                   String note) throws java.io.IOException, InterruptedException {
        Listener listener = factory.apply(host);
        try {
            listener.start();
        } catch (Exception e) {
            listener.close();
            // Netty rethrows the bind failure unchecked
            if (e instanceof InterruptedException) {
                throw (InterruptedException) e;
            }
            if (!"::".equals(host) || e instanceof java.net.BindException && e.getMessage() != null
                    && e.getMessage().contains("in use")) {
                throw new java.io.IOException(what + ": cannot listen on " + host + " port " + port + ": " + e
                        + "; set " + options + " to a free port and an address of this host", e);
            }
            // no IPv6 on this host: all IPv4 addresses instead
            host = "0.0.0.0";
            listener = factory.apply(host);
            listener.start();
        }
        started.add(listener);
        LOG.info("{} listening on {} port {}{}", what, host, listener.port(), note);
        return listener;
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    public int cwmpPort() {
        return cwmp.port();
    }

    public int nbiPort() {
        return nbi.port();
    }

    public int fsPort() {
        return fs.port();
    }

    public int uiPort() {
        return ui.port();
    }

    /** Wakes devices: what the NBI's {@code connection_request} uses. */
    public ConnectionRequester connectionRequests() {
        return connectionRequests;
    }

    /** The session locks the CWMP side holds and the NBI respects. */
    public SessionLocks sessionLocks() {
        return locks;
    }

    public Stores store() {
        return store;
    }

    @Override
    public void close() {
        ui.close();
        fs.close();
        nbi.close();
        cwmp.close();
        sessions.close();
        provisioning.run();
        store.close();
    }
}
