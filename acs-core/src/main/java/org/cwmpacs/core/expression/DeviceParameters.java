package org.cwmpacs.core.expression;

import java.time.Instant;
import java.util.function.Function;
import org.cwmpacs.core.device.Device;

/**
 * A device's values as expressions see them, with GenieACS's names: {@code DeviceID.ID},
 * {@code DeviceID.Manufacturer|OUI|ProductClass|SerialNumber}, {@code Events.Inform|Registered|0_BOOTSTRAP|1_BOOT}
 * (milliseconds), {@code Tags.<tag>} (the tag's name encoded as {@link TagNames} does; true when tagged, else
 * NULL), and every parameter's value (dates as
 * milliseconds, numbers as doubles).
 */
public final class DeviceParameters {
    private DeviceParameters() {
    }

    public static Function<String, Object> of(Device device) {
        return path -> {
            switch (path) {
                case "DeviceID.ID":
                    return device.id();
                case "DeviceID.Manufacturer":
                    return device.identity().manufacturer();
                case "DeviceID.OUI":
                    return device.identity().oui();
                case "DeviceID.ProductClass":
                    return device.identity().productClass();
                case "DeviceID.SerialNumber":
                    return device.identity().serialNumber();
                case "Events.Inform":
                    return device.lastInform().map(DeviceParameters::millis).orElse(Values.NULL);
                case "Events.Registered":
                    return device.registered().map(DeviceParameters::millis).orElse(Values.NULL);
                case "Events.0_BOOTSTRAP":
                    return device.lastBootstrap().map(DeviceParameters::millis).orElse(Values.NULL);
                case "Events.1_BOOT":
                    return device.lastBoot().map(DeviceParameters::millis).orElse(Values.NULL);
                default:
                    break;
            }
            if (path.startsWith("Tags.")) {
                return device.tags().contains(TagNames.decode(path.substring(5))) ? Boolean.TRUE : Values.NULL;
            }
            return device.value(path).map(DeviceParameters::value).orElse(Values.NULL);
        };
    }

    private static Object millis(Instant t) {
        return (double) t.toEpochMilli();
    }

    /** A stored value as an expression value. */
    public static Object value(Object v) {
        if (v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Instant) {
            return millis((Instant) v);
        }
        if (v instanceof java.util.Date) {
            return (double) ((java.util.Date) v).getTime();
        }
        return v == null ? Values.NULL : String.valueOf(v);
    }
}
