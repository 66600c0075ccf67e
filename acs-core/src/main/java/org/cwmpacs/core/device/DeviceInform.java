package org.cwmpacs.core.device;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cwmpacs.soap.message.DeviceIdStruct;
import org.cwmpacs.soap.message.EventStruct;
import org.cwmpacs.soap.message.Inform;
import org.cwmpacs.soap.message.ParameterValueStruct;

/**
 * What one Inform tells the registry: who the device is, why it called, and the parameter values it sent.
 *
 * @param time when the ACS received the Inform; every timestamp the Inform writes is this one
 */
public record DeviceInform(String deviceId, DeviceIdStruct identity, List<String> eventCodes,
                           List<ParameterValueStruct> parameters, Instant time) {
    public static final String BOOTSTRAP = "0 BOOTSTRAP";
    public static final String BOOT = "1 BOOT";

    public DeviceInform {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(identity, "identity");
        eventCodes = List.copyOf(eventCodes);
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(time, "time");
    }

    public static DeviceInform of(Inform inform, Instant time) {
        DeviceIdStruct id = inform.deviceId();
        return new DeviceInform(DeviceId.of(id.oui().strip(), id.productClass().strip(), id.serialNumber().strip()), id,
                inform.event().stream().map(EventStruct::eventCode).map(String::strip).toList(),
                inform.parameterList(), time);
    }

    /** The DeviceId's fields by GenieACS's names ({@code ID}, {@code Manufacturer}, {@code OUI}, …), in that order. */
    public java.util.Map<String, String> identityFields() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("ID", deviceId);
        out.put("Manufacturer", identity.manufacturer());
        out.put("OUI", identity.oui());
        out.put("ProductClass", identity.productClass());
        out.put("SerialNumber", identity.serialNumber());
        return out;
    }

    public boolean hasEvent(String code) {
        return eventCodes.contains(code);
    }
}
