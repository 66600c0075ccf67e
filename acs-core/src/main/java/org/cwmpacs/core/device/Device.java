package org.cwmpacs.core.device;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A device as the registry holds it: GenieACS's device document, with the parameter tree flattened to
 * dotted paths ({@code Device.DeviceInfo.SoftwareVersion}); the path {@code ""} holds the root's own
 * attributes (its {@code _timestamp}).
 */
public record Device(String id, DeviceIdentity identity, Optional<Instant> registered, Optional<Instant> lastInform,
                     Optional<Instant> lastBoot, Optional<Instant> lastBootstrap, List<String> tags,
                     SortedMap<String, ParameterAttributes> parameters) {
    /** {@code _deviceId}: the identity the CPE reported. */
    public record DeviceIdentity(String manufacturer, String oui, String productClass, String serialNumber) {
        public DeviceIdentity {
            Objects.requireNonNull(manufacturer, "manufacturer");
            Objects.requireNonNull(oui, "oui");
            Objects.requireNonNull(productClass, "productClass");
            Objects.requireNonNull(serialNumber, "serialNumber");
        }
    }

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(registered, "registered");
        Objects.requireNonNull(lastInform, "lastInform");
        Objects.requireNonNull(lastBoot, "lastBoot");
        Objects.requireNonNull(lastBootstrap, "lastBootstrap");
        tags = List.copyOf(tags);
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    public Optional<ParameterAttributes> parameter(String path) {
        return Optional.ofNullable(parameters.get(path));
    }

    /** The value of a leaf, if known. */
    public Optional<Object> value(String path) {
        return parameter(path).flatMap(ParameterAttributes::value);
    }
}
