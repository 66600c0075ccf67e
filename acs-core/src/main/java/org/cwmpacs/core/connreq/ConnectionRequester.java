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
import org.cwmpacs.core.auth.CpeCredentials;
import org.cwmpacs.core.auth.HttpDigest;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.store.DeviceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a CPE to open a session now (TR-069 §3.2.2): an HTTP GET to its stored ConnectionRequestURL,
 * answering a Digest challenge (or a Basic one, where allowed) with the stored
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
    private final SecureRandom random = new SecureRandom();

    /**
     * @param timeout for the whole exchange ({@code GENIEACS_CONNECTION_REQUEST_TIMEOUT}, 2 s)
     * @param fallback credentials for CPEs whose stored ones are empty
     * @param allowBasic answer a Basic challenge (sends the password in the clear)
     */
    public ConnectionRequester(DeviceStore devices, Duration timeout, Optional<CpeCredentials> fallback,
                               boolean allowBasic) {
        this.devices = devices;
        this.timeout = timeout;
        this.fallback = fallback;
        this.allowBasic = allowBasic;
    }

    /** Wakes a registered device, with what its document says. */
    public CompletableFuture<ConnectionRequestResult> wake(String deviceId) {
        return devices.load(deviceId).thenCompose(device -> {
            if (device.isEmpty()) {
                return CompletableFuture.completedFuture(ConnectionRequestResult.invalid("No such device"));
            }
            Optional<String> url = parameter(device.get(), "ConnectionRequestURL");
            if (url.isEmpty()) {
                return CompletableFuture.completedFuture(ConnectionRequestResult.invalid(
                        "No ConnectionRequestURL is known for this device"));
            }
            Optional<CpeCredentials> stored = parameter(device.get(), "ConnectionRequestUsername")
                    .map(u -> new CpeCredentials(u, parameter(device.get(), "ConnectionRequestPassword").orElse("")));
            CpeCredentials credentials = stored.or(() -> fallback).orElse(new CpeCredentials("", ""));
            return send(url.get(), credentials).thenApply(result -> {
                LOG.info("- {}: Connection request; status=\"{}\"", deviceId, result.status());
                return result;
            });
        }).exceptionally(failure -> ConnectionRequestResult.invalid("Connection request failed: " + failure.getMessage()));
    }

    private static Optional<String> parameter(Device device, String name) {
        for (String root : List.of("InternetGatewayDevice", "Device")) {
            Optional<Object> value = device.value(root + ".ManagementServer." + name);
            if (value.isPresent() && !String.valueOf(value.get()).isEmpty()) {
                return value.map(String::valueOf);
            }
        }
        return Optional.empty();
    }

    /** Sends the connection request to {@code url}. */
    public CompletableFuture<ConnectionRequestResult> send(String url, CpeCredentials credentials) {
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
        return get(target, Optional.empty()).thenCompose(first -> {
            if (first.status() != 401) {
                return CompletableFuture.completedFuture(outcome(first.status()));
            }
            Optional<String> authorization = answer(first, target, credentials);
            if (authorization.isEmpty()) {
                return CompletableFuture.completedFuture(first.first("WWW-Authenticate")
                        .filter(c -> c.regionMatches(true, 0, "Basic", 0, 5)).isPresent()
                        ? ConnectionRequestResult.invalid("Basic HTTP authentication not allowed")
                        : ConnectionRequestResult.BAD_CREDENTIALS);
            }
            return get(target, authorization).thenApply(second -> second.status() == 401
                    ? ConnectionRequestResult.BAD_CREDENTIALS : outcome(second.status()));
        }).exceptionally(ConnectionRequester::failure);
    }

    /** Blocking socket work, on threads of its own: CPEs' answers take up to the timeout. */
    private CompletableFuture<LenientHttp.Response> get(URI uri, Optional<String> authorization) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return LenientHttp.get(uri, authorization, timeout);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, SENDERS);
    }

    private Optional<String> answer(LenientHttp.Response challenged, URI uri, CpeCredentials credentials) {
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
