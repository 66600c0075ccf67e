package org.cwmpacs.core.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.cwmpacs.core.auth.CpeAuthConfig;
import org.cwmpacs.core.auth.CpeAuthenticator;
import org.cwmpacs.core.auth.CpeCredentials;
import org.cwmpacs.core.auth.FailedAttempts;
import org.cwmpacs.core.store.DeviceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the request that opens a session may open it ({@code ACS_CWMP_AUTH}): the configured credentials,
 * else the device's stored ManagementServer.Username/Password. The first 401 on a connection is a challenge,
 * a second closes it; wrong credentials are logged and counted per address, and past
 * {@link #ALLOWED_FAILURES} a minute each 401 to that address is held back {@link #FAILURE_DELAY} (no thread
 * waits meanwhile).
 */
final class InformAuthentication {
    private static final Logger LOG = LoggerFactory.getLogger("cwmp");
    static final int ALLOWED_FAILURES = 5;
    static final Duration FAILURE_DELAY = Duration.ofSeconds(2);

    private final CpeAuthConfig config;
    private final DeviceStore devices;
    private final CpeAuthenticator authenticator;
    /** Failed authentications per connection: the second closes it. */
    private final Map<Object, Integer> perConnection = new ConcurrentHashMap<>();
    private final FailedAttempts perAddress;

    InformAuthentication(CpeAuthConfig config, DeviceStore devices, Clock clock) {
        this.config = config;
        this.devices = devices;
        this.authenticator = new CpeAuthenticator(clock);
        this.perAddress = new FailedAttempts(clock, Duration.ofMinutes(1), ALLOWED_FAILURES);
    }

    boolean enabled() {
        return config.enabled();
    }

    /**
     * Answered before the body is decoded, so an unauthenticated client cannot make the ACS parse anything:
     * a request without credentials, or with wrong ones when every CPE shares the configured ones. Per-device
     * credentials need the Inform's DeviceId: decoded first, then {@link #check}.
     */
    Optional<CompletableFuture<CwmpReply>> refusedBeforeDecoding(CwmpRequest request) {
        if (!CpeAuthenticator.hasCredentials(request.authorization())) {
            return Optional.of(unauthorized(request, "-"));
        }
        Optional<CpeCredentials> shared = config.credentials();
        if (shared.isPresent() && !authenticator.verify(request.authorization(), shared.get(), request.tls(), "POST",
                request.uri())) {
            return Optional.of(unauthorized(request, "-"));
        }
        return Optional.empty();
    }

    /** Empty when the device's Inform proves its credentials; else the 401 to send. */
    CompletableFuture<Optional<CwmpReply>> check(CwmpRequest request, String deviceId) {
        return credentials(deviceId).thenCompose(expected -> {
            if (expected.isPresent() && authenticator.verifyFor(request.authorization(), expected.get(), request.tls(),
                    request.uri(), deviceId)) {
                perConnection.remove(request.connection());
                perAddress.succeeded(request.remoteAddress());
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (expected.isEmpty()) {
                LOG.warn("{} {}: no credentials known for this CPE; set ACS_CWMP_USERNAME and ACS_CWMP_PASSWORD, or "
                        + "its ManagementServer.Username and Password", request.remoteAddress(), deviceId);
            }
            return unauthorized(request, deviceId).thenApply(Optional::of);
        });
    }

    void connectionClosed(Object connection) {
        perConnection.remove(connection);
    }

    /** A 401; only wrong credentials (not none, nor an empty Basic header) are logged and counted. */
    private CompletableFuture<CwmpReply> unauthorized(CwmpRequest request, String deviceId) {
        int failures = perConnection.merge(request.connection(), 1, Integer::sum);
        CwmpReply reply = CwmpReply.unauthorized(authenticator.challenge(request.tls()), failures > 1);
        if (!CpeAuthenticator.hasCredentials(request.authorization())) {
            return CompletableFuture.completedFuture(reply);
        }
        LOG.warn("{} {}: Authentication failure", request.remoteAddress(), deviceId);
        boolean slowed = perAddress.exceeded(request.remoteAddress());
        perAddress.failed(request.remoteAddress());
        if (!slowed) {
            return CompletableFuture.completedFuture(reply);
        }
        return CompletableFuture.supplyAsync(() -> reply, CompletableFuture.delayedExecutor(
                FAILURE_DELAY.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The configured credentials, else the device's stored ManagementServer.Username/Password. */
    private CompletableFuture<Optional<CpeCredentials>> credentials(String deviceId) {
        if (config.credentials().isPresent()) {
            return CompletableFuture.completedFuture(config.credentials());
        }
        return devices.load(deviceId).thenApply(device -> device.flatMap(d -> {
            for (String root : List.of("InternetGatewayDevice", "Device")) {
                Optional<Object> user = d.value(root + ".ManagementServer.Username");
                if (user.isPresent() && !String.valueOf(user.get()).isEmpty()) {
                    return Optional.of(new CpeCredentials(String.valueOf(user.get()),
                            d.value(root + ".ManagementServer.Password").map(String::valueOf).orElse("")));
                }
            }
            return Optional.empty();
        })).exceptionally(failure -> Optional.empty());
    }
}
