package org.cwmpacs.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cwmpacs.soap.message.*;

/** A CPE's SOAP fault as GenieACS stores it, and the paths it says do not exist. */
final class CpeFaults {
    private CpeFaults() {
    }

    /** GenieACS's fault detail: faultCode, faultString and the SetParameterValuesFault entries. */
    /**
     * The fault's text for the operator: the CPE's own, and for 9000 (method not supported) what to do about
     * it, since many CPEs implement only part of CWMP's optional RPCs.
     */
    static String message(AcsRequest request, CwmpFault f) {
        String text = f.faultString().isBlank() ? "Fault " + f.faultCode() : f.faultString();
        if (f.faultCode() == 9000) {
            return text + " (this CPE does not implement " + request.methodName() + "; a getRPCMethods task lists "
                    + "the methods it does)";
        }
        return text;
    }

    static Map<String, Object> detail(CwmpFault f) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("faultCode", String.valueOf(f.faultCode()));
        detail.put("faultString", f.faultString());
        if (!f.setParameterValuesFaults().isEmpty()) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (SetParameterValuesFault e : f.setParameterValuesFaults()) {
                entries.add(Map.of("parameterName", e.parameterName(), "faultCode", String.valueOf(e.faultCode()),
                        "faultString", e.faultString()));
            }
            detail.put("setParameterValuesFault", entries);
        }
        return detail;
    }

    /** The paths a 9005 (invalid parameter name) names: its entries', else every path the request named. */
    static Set<String> invalidPaths(AcsRequest request, CwmpFault f) {
        Set<String> invalid = new LinkedHashSet<>();
        for (SetParameterValuesFault e : f.setParameterValuesFaults()) {
            if (e.faultCode() == 9005) {
                invalid.add(Planner.strip(e.parameterName()));
            }
        }
        if (f.faultCode() == 9005 && invalid.isEmpty()) {
            invalid.addAll(requestedPaths(request));
        }
        return invalid;
    }

    private static List<String> requestedPaths(AcsRequest request) {
        if (request instanceof GetParameterValues) {
            return ((GetParameterValues) request).parameterNames().stream().map(Planner::strip).toList();
        }
        if (request instanceof GetParameterNames) {
            return List.of(Planner.strip(((GetParameterNames) request).parameterPath()));
        }
        if (request instanceof GetParameterAttributes) {
            return ((GetParameterAttributes) request).parameterNames().stream().map(Planner::strip).toList();
        }
        if (request instanceof SetParameterValues) {
            return ((SetParameterValues) request).parameterList().stream().map(v -> Planner.strip(v.name())).toList();
        }
        if (request instanceof AddObject) {
            return List.of(Planner.strip(((AddObject) request).objectName()));
        }
        if (request instanceof DeleteObject) {
            return List.of(Planner.strip(((DeleteObject) request).objectName()));
        }
        return List.of();
    }
}
