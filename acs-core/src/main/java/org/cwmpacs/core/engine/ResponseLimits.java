package org.cwmpacs.core.engine;

import java.util.List;
import java.util.Optional;
import org.cwmpacs.core.device.ParameterNames;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.GetParameterAttributesResponse;
import org.cwmpacs.soap.message.GetParameterNamesResponse;
import org.cwmpacs.soap.message.GetParameterValuesResponse;
import org.cwmpacs.soap.message.ParameterAttributeStruct;
import org.cwmpacs.soap.message.ParameterInfoStruct;
import org.cwmpacs.soap.message.ParameterValueStruct;

/**
 * The limits on a CPE's answer that lists parameters, checked before any of it is applied: how many, and
 * each name's length and depth ({@link ParameterNames}). An answer past them faults the work it answers,
 * with a message naming the limit, and nothing of it is stored.
 */
final class ResponseLimits {
    private ResponseLimits() {
    }

    static Optional<String> problem(CwmpMessage response, int maxParameters) {
        List<String> names;
        if (response instanceof GetParameterValuesResponse) {
            names = ((GetParameterValuesResponse) response).parameterList().stream().map(ParameterValueStruct::name)
                    .toList();
        } else if (response instanceof GetParameterNamesResponse) {
            names = ((GetParameterNamesResponse) response).parameterList().stream().map(ParameterInfoStruct::name)
                    .toList();
        } else if (response instanceof GetParameterAttributesResponse) {
            names = ((GetParameterAttributesResponse) response).parameterList().stream()
                    .map(ParameterAttributeStruct::name).toList();
        } else {
            return ReportLimits.problem(response);
        }
        if (names.size() > maxParameters) {
            return Optional.of("the answer lists " + names.size() + " parameters; the ACS takes at most " + maxParameters
                    + " in one answer (ACS_MAX_RESPONSE_PARAMETERS)");
        }
        for (String name : names) {
            Optional<String> problem = ParameterNames.problem(name);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
