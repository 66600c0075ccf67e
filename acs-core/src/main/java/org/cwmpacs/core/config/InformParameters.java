package org.cwmpacs.core.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.device.ParameterValues;
import org.cwmpacs.core.expression.DeviceParameters;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.Values;
import org.cwmpacs.soap.message.ParameterValueStruct;

/**
 * A device's values while its Inform is being answered, as GenieACS has them then: the Inform's DeviceId and
 * parameter values over what is stored (when the device is known).
 */
public final class InformParameters {
    private InformParameters() {
    }

    /**
     * The values these expressions read: the Inform's, with the stored device loaded only when one of them
     * reads a parameter the Inform does not carry (most config values read DeviceID.* or nothing).
     */
    public static CompletableFuture<Function<String, Object>> load(java.util.Collection<Expr> expressions,
                                                                   DeviceInform inform,
                                                                   Function<String, CompletableFuture<Optional<Device>>> loader) {
        boolean suffice = expressions.stream().allMatch(e -> suffice(e, inform));
        CompletableFuture<Optional<Device>> stored = suffice ? CompletableFuture.completedFuture(Optional.empty())
                : loader.apply(inform.deviceId());
        return stored.thenApply(device -> of(inform, device));
    }

    /** Whether the expression reads nothing but DeviceID.*, the remote address and what the Inform carries. */
    static boolean suffice(Expr e, DeviceInform inform) {
        Optional<Set<String>> names = ConfigScope.parameterNames(e);
        if (names.isEmpty()) {
            return false;
        }
        Set<String> sent = new HashSet<>();
        inform.parameters().forEach(p -> sent.add(p.name()));
        return names.get().stream().allMatch(n -> n.startsWith("DeviceID.") || n.equals("remoteAddress")
                || sent.contains(n));
    }

    public static Function<String, Object> of(DeviceInform inform, Optional<Device> stored) {
        Map<String, Object> sent = new HashMap<>();
        inform.identityFields().forEach((name, value) -> sent.put("DeviceID." + name, value));
        for (ParameterValueStruct p : inform.parameters()) {
            if (p.hasValue()) {
                sent.put(p.name(), DeviceParameters.value(ParameterValues.typed(p.value(),
                        ParameterValues.storedType(p))));
            }
        }
        Function<String, Object> known = stored.map(DeviceParameters::of).orElse(path -> Values.NULL);
        return path -> {
            Object v = sent.get(path);
            return v != null ? v : known.apply(path);
        };
    }
}
