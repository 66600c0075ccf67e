package org.cwmpacs.core.connreq;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
    private final HttpClient http;
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
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
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
            if (first.statusCode() != 401) {
                return CompletableFuture.completedFuture(outcome(first.statusCode()));
            }
            Optional<String> authorization = answer(first, target, credentials);
            if (authorization.isEmpty()) {
                return CompletableFuture.completedFuture(first.headers().firstValue("WWW-Authenticate")
                        .filter(c -> c.regionMatches(true, 0, "Basic", 0, 5)).isPresent()
                        ? ConnectionRequestResult.invalid("Basic HTTP authentication not allowed")
                        : ConnectionRequestResult.BAD_CREDENTIALS);
            }
            return get(target, authorization).thenApply(second -> second.statusCode() == 401
                    ? ConnectionRequestResult.BAD_CREDENTIALS : outcome(second.statusCode()));
        }).exceptionally(ConnectionRequester::failure);
    }

    private CompletableFuture<HttpResponse<Void>> get(URI uri, Optional<String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout);
        authorization.ifPresent(a -> request.header("Authorization", a));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private Optional<String> answer(HttpResponse<Void> challenged, URI uri, CpeCredentials credentials) {
        for (String challenge : challenged.headers().allValues("WWW-Authenticate")) {
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
        for (String challenge : challenged.headers().allValues("WWW-Authenticate")) {
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
        if (cause instanceof ConnectException || cause instanceof HttpTimeoutException || cause instanceof IOException) {
            return ConnectionRequestResult.OFFLINE;
        }
        return ConnectionRequestResult.invalid("Connection request failed: " + cause);
    }
}
