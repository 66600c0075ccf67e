package org.cwmpacs.core.connreq;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.cwmpacs.core.auth.CpeCredentials;
import org.cwmpacs.core.auth.HttpDigest;
import org.cwmpacs.core.config.ConfigEntries;
import org.cwmpacs.core.config.ConfigScope;
import org.cwmpacs.core.config.DeviceConfig;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.expression.DeviceParameters;
import org.cwmpacs.core.expression.Values;
import org.cwmpacs.core.script.Extensions;
import org.cwmpacs.core.store.DeviceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a CPE to open a session now (TR-069 §3.2.2): an HTTP GET to its stored ConnectionRequestURL,
 * answering a Digest challenge (or a Basic one, where allowed) with the credentials of
 * {@code cwmp.connectionRequestAuth} when the {@code config} collection has it, else the stored
 * {@code ConnectionRequestUsername}/{@code ConnectionRequestPassword}, else the configured credentials.
 * The NBI calls {@link #wake}; it never throws, every outcome is a {@link ConnectionRequestResult}.
 */
public final class ConnectionRequester {
    private static final Logger LOG = LoggerFactory.getLogger("cwmp");

    private final DeviceStore devices;
    /** Connection requests in flight at once; more wait their turn. */
    private static final java.util.concurrent.ExecutorService SENDERS = java.util.concurrent.Executors.newFixedThreadPool(
            32, r -> {
                Thread t = new Thread(r, "connection-request");
                t.setDaemon(true);
                return t;
            });
    private final Duration timeout;
    private final Optional<CpeCredentials> fallback;
    private final boolean allowBasic;
    private final Supplier<CompletableFuture<ConfigEntries>> config;
    private final Optional<Extensions> extensions;
    private final SecureRandom random = new SecureRandom();
    /** UDP connection requests (Annex G), for devices HTTP does not reach; none until given. */
    private volatile Optional<UdpPath> udp = Optional.empty();

    /**
     * @param timeout for the whole exchange ({@code ACS_CONNECTION_REQUEST_TIMEOUT}, 2 s)
     * @param fallback credentials for CPEs whose stored ones are empty
     * @param allowBasic answer a Basic challenge (sends the password in the clear)
     */
    public ConnectionRequester(DeviceStore devices, Duration timeout, Optional<CpeCredentials> fallback,
                               boolean allowBasic) {
        this(devices, timeout, fallback, allowBasic, () -> CompletableFuture.completedFuture(ConfigEntries.EMPTY),
                Optional.empty());
    }

    /**
     * With the {@code config} collection: {@code cwmp.connectionRequestTimeout},
     * {@code cwmp.connectionRequestAllowBasicAuth} and {@code cwmp.connectionRequestAuth} per device, the
     * options above where a key is absent.
     */
    public ConnectionRequester(DeviceStore devices, Duration timeout, Optional<CpeCredentials> fallback,
                               boolean allowBasic, Supplier<CompletableFuture<ConfigEntries>> config,
                               Optional<Extensions> extensions) {
        this.devices = devices;
        this.timeout = timeout;
        this.fallback = fallback;
        this.allowBasic = allowBasic;
        this.config = config;
        this.extensions = extensions;
    }

    /** Devices the HTTP request does not reach are then sent a UDP connection request along {@code path}. */
    public void udp(UdpPath path) {
        this.udp = Optional.of(path);
    }

    /** XMPP connection requests (Annex K), the last path, for devices with a ConnReqJabberID. */
    private volatile Optional<XmppConnectionRequester> xmpp = Optional.empty();

    public void xmpp(XmppConnectionRequester requester) {
        this.xmpp = Optional.of(requester);
    }

    /**
     * The next path when one did not reach the device (refused credentials end the search): UDP through the
     * NAT, then XMPP. Both use the credentials HTTP would: {@code cwmp.connectionRequestAuth}'s, else the
     * stored ones; UDP has no answer, so a datagram goes for each, XMPP tries them until one is not refused.
     */
    private ConnectionRequestResult fallBack(ConnectionRequestResult result, Optional<java.net.InetSocketAddress> udpTarget,
                                             Optional<String> jid, Supplier<List<CpeCredentials>> candidates) {
        if (result.ok() || result.badCredentials()) {
            return result;
        }
        List<CpeCredentials> credentials = candidates.get().stream().limit(MAX_CREDENTIALS).toList();
        if (credentials.isEmpty()) {
            // cwmp.connectionRequestAuth named none: a request nobody can check would not be answered
            return result;
        }
        if (udpTarget.isPresent()) {
            result = udp.get().send(udpTarget.get(), credentials);
            if (result.ok()) {
                return result;
            }
        }
        if (jid.isEmpty() || xmpp.isEmpty()) {
            return result;
        }
        for (CpeCredentials c : credentials) {
            result = xmpp.get().wake(jid.get(), c.username(), c.password()).via("XMPP");
            if (!result.badCredentials()) {
                break;
            }
        }
        return result;
    }

    /** Wakes a registered device, with what its document and the {@code config} collection say. */
    public CompletableFuture<ConnectionRequestResult> wake(String deviceId) {
        return devices.load(deviceId).thenCombine(config.get(), (device, entries) -> {
            if (device.isEmpty()) {
                return CompletableFuture.completedFuture(ConnectionRequestResult.invalid("No such device"));
            }
            Optional<String> url = parameter(device.get(), "ConnectionRequestURL");
            String username = parameter(device.get(), "ConnectionRequestUsername").orElse("");
            String password = parameter(device.get(), "ConnectionRequestPassword").orElse("");
            Optional<java.net.InetSocketAddress> udpTarget = udp.flatMap(u -> u.target(device.get()));
            Optional<String> jid = parameter(device.get(), "ConnReqJabberID");
            if (url.isEmpty() && udpTarget.isEmpty() && (jid.isEmpty() || xmpp.isEmpty())) {
                return CompletableFuture.completedFuture(ConnectionRequestResult.invalid(
                        "No ConnectionRequestURL is known for this device"));
            }
            String host;
            try {
                host = url.map(u -> URI.create(u.strip()).getHost()).orElse("");
            } catch (IllegalArgumentException e) {
                host = "";
            }
            ConfigScope scope = ConfigScope.of(DeviceParameters.of(device.get()), host == null ? "" : host, extensions,
                    System.currentTimeMillis()).with("username", username).with("password", password);
            DeviceConfig settings = new DeviceConfig(entries, scope);
            Supplier<List<CpeCredentials>> candidates = entries.get(DeviceConfig.CONNECTION_REQUEST_AUTH)
                    .<Supplier<List<CpeCredentials>>>map(auth -> () -> candidates(auth, scope))
                    .orElse(() -> List.of(username.isEmpty() ? fallback.orElse(new CpeCredentials("", ""))
                            : new CpeCredentials(username, password)));
            // without a URL, HTTP is not tried: the other paths are
            CompletableFuture<ConnectionRequestResult> http = url.isEmpty()
                    ? CompletableFuture.completedFuture(ConnectionRequestResult.OFFLINE)
                    : CompletableFuture.supplyAsync(() -> new Exchange(
                            settings.millis(DeviceConfig.CONNECTION_REQUEST_TIMEOUT, timeout),
                            settings.flag(DeviceConfig.CONNECTION_REQUEST_ALLOW_BASIC, allowBasic)), SENDERS)
                    .thenCompose(exchange -> send(url.get(), candidates, exchange))
                    .thenApply(result -> result.via("HTTP"));
            return http.thenApplyAsync(result -> fallBack(result, udpTarget, jid, candidates), SENDERS)
                    .thenApply(result -> {
                        LOG.info("- {}: Connection request; status=\"{}\"", deviceId, result.status());
                        return result.withOnlineThreshold(settings.value(DeviceConfig.DEVICE_ONLINE_THRESHOLD)
                                .map(v -> settings.millis(DeviceConfig.DEVICE_ONLINE_THRESHOLD, Duration.ZERO))
                                .filter(d -> !d.isZero()));
                    });
        }).thenCompose(f -> f)
                .exceptionally(failure -> ConnectionRequestResult.invalid("Connection request failed: " + failure.getMessage()));
    }

    /** How one connection request is made: its time limit and whether Basic is answered. */
    private record Exchange(Duration timeout, boolean allowBasic) {
    }

    /** Credentials tried on one connection request at most: a CPE is not made to answer more 401s. */
    static final int MAX_CREDENTIALS = 32;

    /**
     * The credentials {@code cwmp.connectionRequestAuth} names, in the order GenieACS tries them after each
     * 401: every {@code AUTH(username, password)} the evaluation reaches (an AUTH counts as false, so
     * {@code AUTH(a, b) OR AUTH(c, d)} tries both). An AUTH with a NULL argument is not tried.
     */
    static List<CpeCredentials> candidates(org.cwmpacs.core.expression.Expr auth, ConfigScope scope) {
        List<CpeCredentials> out = new java.util.ArrayList<>();
        scope.evaluate(auth, (name, args, evaluator) -> {
            if (!name.equals("AUTH")) {
                return Optional.empty();
            }
            Object user = args.size() > 0 ? evaluator.evaluate(args.get(0)) : Values.NULL;
            Object pass = args.size() > 1 ? evaluator.evaluate(args.get(1)) : Values.NULL;
            if (!Values.isNull(user) && !Values.isNull(pass)) {
                out.add(new CpeCredentials(Values.toText(user), Values.toText(pass)));
            }
            return Optional.of(Boolean.FALSE);
        });
        return List.copyOf(out);
    }

    static Optional<String> parameter(Device device, String name) {
        for (String root : List.of("InternetGatewayDevice", "Device")) {
            Optional<Object> value = device.value(root + ".ManagementServer." + name);
            if (value.isPresent() && !String.valueOf(value.get()).isEmpty()) {
                return value.map(String::valueOf);
            }
        }
        return Optional.empty();
    }

    /** Sends the connection request to {@code url} with these credentials and the configured options. */
    public CompletableFuture<ConnectionRequestResult> send(String url, CpeCredentials credentials) {
        return send(url, () -> List.of(credentials), new Exchange(timeout, allowBasic));
    }

    /**
     * Sends it, answering each 401 with the next of {@code candidates} (asked for only after the first 401:
     * they may call extensions); past the last, the credentials are wrong.
     */
    private CompletableFuture<ConnectionRequestResult> send(String url, Supplier<List<CpeCredentials>> candidates,
                                                            Exchange exchange) {
        URI uri;
        try {
            uri = URI.create(url.strip());
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                return CompletableFuture.completedFuture(ConnectionRequestResult.invalid(
                        "Invalid connection request URL or protocol: " + url));
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(ConnectionRequestResult.invalid(
                    "Invalid connection request URL or protocol: " + url));
        }
        URI target = uri;
        return get(target, Optional.empty(), exchange).thenCompose(first -> {
            if (first.status() != 401) {
                return CompletableFuture.completedFuture(outcome(first.status()));
            }
            return CompletableFuture.supplyAsync(candidates, SENDERS)
                    .thenCompose(list -> retry(target, first, list, 0, exchange));
        }).exceptionally(ConnectionRequester::failure);
    }

    private CompletableFuture<ConnectionRequestResult> retry(URI target, LenientHttp.Response challenged,
                                                             List<CpeCredentials> candidates, int next,
                                                             Exchange exchange) {
        if (next >= Math.min(candidates.size(), MAX_CREDENTIALS)) {
            return CompletableFuture.completedFuture(ConnectionRequestResult.BAD_CREDENTIALS);
        }
        Optional<String> authorization = answer(challenged, target, candidates.get(next), exchange.allowBasic());
        if (authorization.isEmpty()) {
            return CompletableFuture.completedFuture(challenged.first("WWW-Authenticate")
                    .filter(c -> c.regionMatches(true, 0, "Basic", 0, 5)).isPresent()
                    ? ConnectionRequestResult.invalid("Basic HTTP authentication not allowed")
                    : ConnectionRequestResult.BAD_CREDENTIALS);
        }
        return get(target, authorization, exchange).thenCompose(response -> response.status() == 401
                ? retry(target, response, candidates, next + 1, exchange)
                : CompletableFuture.completedFuture(outcome(response.status())));
    }

    /** Blocking socket work, on threads of its own: CPEs' answers take up to the timeout. */
    private CompletableFuture<LenientHttp.Response> get(URI uri, Optional<String> authorization, Exchange exchange) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return LenientHttp.get(uri, authorization, exchange.timeout());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, SENDERS);
    }

    private Optional<String> answer(LenientHttp.Response challenged, URI uri, CpeCredentials credentials,
                                    boolean allowBasic) {
        for (String challenge : challenged.all("WWW-Authenticate")) {
            if (challenge.regionMatches(true, 0, "Digest", 0, 6)) {
                byte[] cnonce = new byte[8];
                random.nextBytes(cnonce);
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                if (uri.getRawQuery() != null) {
                    path += "?" + uri.getRawQuery();
                }
                return Optional.of(HttpDigest.authorization(challenge, credentials.username(), credentials.password(),
                        "GET", path, HexFormat.of().formatHex(cnonce)));
            }
        }
        for (String challenge : challenged.all("WWW-Authenticate")) {
            if (allowBasic && challenge.regionMatches(true, 0, "Basic", 0, 5)) {
                return Optional.of("Basic " + Base64.getEncoder().encodeToString(
                        (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return Optional.empty();
    }

    private static ConnectionRequestResult outcome(int status) {
        if (status == 200 || status == 204) {
            return ConnectionRequestResult.OK;
        }
        if (status == 503) {
            return ConnectionRequestResult.OFFLINE;
        }
        return ConnectionRequestResult.unexpectedStatus(status);
    }

    private static ConnectionRequestResult failure(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof LenientHttp.NotHttp) {
            // something answered, so the device is not offline: say what came back
            return ConnectionRequestResult.invalid("Connection request error: " + cause.getMessage());
        }
        if (cause instanceof ConnectException || cause instanceof IOException) {
            return ConnectionRequestResult.OFFLINE;
        }
        return ConnectionRequestResult.invalid("Connection request failed: " + cause);
    }
}
