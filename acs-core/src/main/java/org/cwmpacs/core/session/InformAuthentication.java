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
import org.cwmpacs.core.config.ConfigScope;
import org.cwmpacs.core.config.DeviceConfig;
import org.cwmpacs.core.config.InformParameters;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.Values;
import org.cwmpacs.core.store.DeviceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the request that opens a session may open it: the {@code cwmp.auth} expression of the
 * {@code config} collection when there is one (GenieACS's way), else {@code ACS_CWMP_AUTH} with the configured
 * credentials or the device's stored ManagementServer.Username/Password. The first 401 on a connection is a challenge,
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
    private final org.cwmpacs.core.provision.Provisioning provisioning;
    private final Clock clock;
    private final CpeAuthenticator authenticator;
    /** Failed authentications per connection: the second closes it. */
    private final Map<Object, Integer> perConnection = new ConcurrentHashMap<>();
    private final FailedAttempts perAddress;

    InformAuthentication(CpeAuthConfig config, DeviceStore devices,
                         org.cwmpacs.core.provision.Provisioning provisioning, Clock clock) {
        this.config = config;
        this.devices = devices;
        this.provisioning = provisioning;
        this.clock = clock;
        this.authenticator = new CpeAuthenticator(clock);
        this.perAddress = new FailedAttempts(clock, Duration.ofMinutes(1), ALLOWED_FAILURES);
    }

    /**
     * Whether a request without credentials is refused before its body is decoded: only with
     * {@code ACS_CWMP_AUTH}, and not while a {@code cwmp.auth} expression decides (it may accept anyone). The
     * newest snapshot at hand tells (a cwmp.auth added since is seen within the refresh interval, as every
     * edit); asking for one starts its reading when it is old.
     */
    boolean refusesEarly() {
        if (!config.enabled()) {
            return false;
        }
        provisioning.snapshot();
        return provisioning.latestSnapshot().map(s -> !s.config().has(DeviceConfig.AUTH)).orElse(true);
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

    /** Empty when the Inform may open its session; else the 401 (or 503) to send. */
    CompletableFuture<Optional<CwmpReply>> check(CwmpRequest request, DeviceInform inform) {
        return provisioning.snapshot().handle((snapshot, failure) -> {
            if (failure != null) {
                LOG.warn("{} {}: the config collection cannot be read ({}); answered 503", request.remoteAddress(),
                        inform.deviceId(), failure.toString());
                return CompletableFuture.completedFuture(Optional.of(CwmpReply.unavailable(
                        "The ACS cannot read its configuration; retry later", 60)));
            }
            Optional<Expr> expression = snapshot.config().get(DeviceConfig.AUTH);
            if (expression.isPresent()) {
                return byExpression(request, inform, expression.get());
            }
            if (config.enabled()) {
                return byCredentials(request, inform.deviceId());
            }
            return CompletableFuture.completedFuture(Optional.<CwmpReply>empty());
        }).thenCompose(f -> f);
    }

    /**
     * GenieACS's {@code cwmp.auth}: the Inform is accepted when the expression's value is truthy; each
     * {@code AUTH(username, password)} in it is true when the request's credentials are these (Digest over
     * HTTP, Basic or Digest over TLS, as for {@code ACS_CWMP_AUTH}). Evaluated off the event loop: it may
     * read the stored device and call extensions.
     */
    private CompletableFuture<Optional<CwmpReply>> byExpression(CwmpRequest request, DeviceInform inform, Expr auth) {
        return InformParameters.load(List.of(auth), inform, devices::load).thenApplyAsync(parameters -> {
            ConfigScope scope = ConfigScope.of(parameters, request.remoteAddress(), provisioning.extensions(),
                    clock.millis());
            Object result = scope.evaluate(auth, (name, args, evaluator) -> {
                if (!name.equals("AUTH") || args.size() < 2) {
                    return Optional.empty();
                }
                Object user = evaluator.evaluate(args.get(0));
                Object pass = evaluator.evaluate(args.get(1));
                if (Values.isNull(user) || Values.isNull(pass)) {
                    return Optional.of(Boolean.FALSE);
                }
                return Optional.of(authenticator.verifyFor(request.authorization(), new CpeCredentials(
                        Values.toText(user), Values.toText(pass)), request.tls(), request.uri(), inform.deviceId()));
            });
            return !Values.isNull(result) && Values.truthy(result);
        }, provisioning.work()).handle((accepted, failure) -> {
            if (failure != null) {
                LOG.warn("{} {}: cwmp.auth could not be evaluated ({}); the Inform is refused", request.remoteAddress(),
                        inform.deviceId(), failure.toString());
            }
            if (failure == null && accepted) {
                perConnection.remove(request.connection());
                perAddress.succeeded(request.remoteAddress());
                return CompletableFuture.completedFuture(Optional.<CwmpReply>empty());
            }
            return unauthorized(request, inform.deviceId()).thenApply(Optional::of);
        }).thenCompose(f -> f);
    }

    /** {@code ACS_CWMP_AUTH}: the configured credentials, else the device's stored ones. */
    private CompletableFuture<Optional<CwmpReply>> byCredentials(CwmpRequest request, String deviceId) {
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
