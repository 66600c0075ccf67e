package org.cwmpacs.core.session;

import java.util.Optional;
import org.cwmpacs.soap.message.Inform;
import org.cwmpacs.soap.message.SoapFault;

/** What an Inform may carry, checked before anything of it is stored. */
final class InformLimits {
    private InformLimits() {
    }

    /**
     * An Inform past a limit, refused before anything is stored: fault 8003 (invalid arguments) for a missing
     * or oversized DeviceId field or an oversized parameter name, 8004 (resources exceeded) for too many
     * parameters. The fault string names the limit.
     */
    static Optional<SoapFault> refusal(Inform inform, int maxInformParameters) {
        Optional<String> id = org.cwmpacs.core.device.DeviceId.problem(inform.deviceId());
        if (id.isPresent()) {
            return Optional.of(SoapFault.of(8003, "Invalid arguments: " + id.get()));
        }
        if (inform.parameterList().size() > maxInformParameters) {
            return Optional.of(SoapFault.of(8004, "Resources exceeded: the Inform carries "
                    + inform.parameterList().size() + " parameters; the ACS takes at most " + maxInformParameters
                    + " (ACS_MAX_INFORM_PARAMETERS)"));
        }
        for (org.cwmpacs.soap.message.ParameterValueStruct p : inform.parameterList()) {
            Optional<String> name = org.cwmpacs.core.device.ParameterNames.problem(p.name());
            if (name.isPresent()) {
                return Optional.of(SoapFault.of(8003, "Invalid arguments: " + name.get()));
            }
        }
        return Optional.empty();
    }
}
