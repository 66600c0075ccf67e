package org.cwmpacs.core.engine;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cwmpacs.core.config.ConfigEntries;
import org.cwmpacs.core.config.ConfigScope;
import org.cwmpacs.core.config.DeviceConfig;
import org.cwmpacs.core.config.InformParameters;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code config} collection's values a session uses for its device, evaluated once when the session
 * starts, on the provisioning's work executor (a value may call an extension). When the collection cannot be
 * read, the environment's options apply.
 */
final class SessionSettings {
    private static final Logger LOG = LoggerFactory.getLogger("cwmp");

    /** The keys a session reads. */
    static final List<String> KEYS = List.of(DeviceConfig.SESSION_TIMEOUT, DeviceConfig.RETRY_DELAY,
            DeviceConfig.DOWNLOAD_TIMEOUT, DeviceConfig.DOWNLOAD_SUCCESS_ON_TIMEOUT, DeviceConfig.MAX_COMMIT_ITERATIONS,
            DeviceConfig.BOOLEAN_LITERAL, DeviceConfig.COOKIES_PATH, DeviceConfig.SKIP_WRITABLE_CHECK);

    private SessionSettings() {
    }

    static CompletableFuture<DeviceConfig> evaluate(DeviceInform inform, String remoteAddress, EngineServices services) {
        long now = inform.time().toEpochMilli();
        return services.provisioning().snapshot().thenCompose(snapshot -> {
            ConfigEntries entries = snapshot.config();
            List<Expr> used = KEYS.stream().map(entries::get).flatMap(Optional::stream).toList();
            if (used.isEmpty()) {
                return CompletableFuture.completedFuture(environmentOnly(remoteAddress, now));
            }
            return InformParameters.load(used, inform, services.devices()::load).thenApplyAsync(parameters -> {
                DeviceConfig config = new DeviceConfig(entries, ConfigScope.of(parameters, remoteAddress,
                        services.provisioning().extensions(), now));
                KEYS.forEach(config::value);
                return config;
            }, services.provisioning().work());
        }).exceptionally(failure -> {
            LOG.warn("{} {}: the config collection's values not evaluated ({}); the environment's options apply",
                    remoteAddress, inform.deviceId(), failure.toString());
            return environmentOnly(remoteAddress, now);
        });
    }

    private static DeviceConfig environmentOnly(String remoteAddress, long now) {
        return new DeviceConfig(ConfigEntries.EMPTY, ConfigScope.of(path -> Values.NULL, remoteAddress,
                Optional.empty(), now));
    }
}
