package org.cwmpacs.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.cwmpacs.soap.message.*;

/** How a simulated CPE answers each ACS request, applying changes to its tree. */
final class RpcResponder {
    /** The CPE gives up on the session without an answer: its agent failed on the request. */
    static final class Dropped extends RuntimeException {
        Dropped(String what) {
            super(what);
        }
    }

    static final int RDKB_MAX_VALUES = 3000;
    static final int RDKB_MAX_SET = 127;
    static final String FIRMWARE = "1 Firmware Upgrade Image";
    static final int TRUNCATED_ANSWER = 500;
    static final String PHANTOM = "X_SIM_Phantom.Ghost";
    static final int NAMES_CAP = 300;

    private final DataModel model;
    private final boolean rdkb;
    private final CpeState state;
    private final java.util.Set<SimulatedCpe.Quirk> quirks;
    private final LaterRpcs laterRpcs;
    private final SoftwareModules softwareModules;

    RpcResponder(DataModel model, boolean rdkb, java.util.Set<SimulatedCpe.Quirk> quirks, CpeState state) {
        this.model = model;
        this.rdkb = rdkb;
        this.quirks = quirks;
        this.state = state;
        this.laterRpcs = new LaterRpcs(state, rdkb);
        this.softwareModules = new SoftwareModules(model, state);
    }

    CwmpMessage respond(CwmpMessage request) {
        if (request instanceof GetParameterNames) {
            return getParameterNames((GetParameterNames) request);
        }
        if (request instanceof GetParameterValues) {
            return getParameterValues(((GetParameterValues) request).parameterNames());
        }
        if (request instanceof SetParameterValues) {
            return setParameterValues((SetParameterValues) request);
        }
        if (request instanceof GetParameterAttributes) {
            return getParameterAttributes(((GetParameterAttributes) request).parameterNames());
        }
        if (request instanceof SetParameterAttributes) {
            return setParameterAttributes((SetParameterAttributes) request);
        }
        if (request instanceof AddObject) {
            return addObject((AddObject) request);
        }
        if (request instanceof DeleteObject) {
            return deleteObject((DeleteObject) request);
        }
        if (request instanceof Reboot) {
            state.pendingEvents.add(new EventStruct("1 BOOT", ""));
            state.pendingEvents.add(new EventStruct("M Reboot", ((Reboot) request).commandKey()));
            return new RebootResponse();
        }
        if (request instanceof FactoryReset) {
            state.factoryReset = true;
            return new FactoryResetResponse();
        }
        if (request instanceof Download) {
            return download((Download) request);
        }
        if (request instanceof Upload) {
            Upload upload = (Upload) request;
            state.scheduleTransferComplete("M Upload", upload.commandKey(), new FaultStruct(0, ""));
            return new UploadResponse(1, CwmpDateTime.UNKNOWN, CwmpDateTime.UNKNOWN);
        }
        if (request instanceof ScheduleInform) {
            return new ScheduleInformResponse();
        }
        if (request instanceof GetRPCMethods) {
            return new GetRPCMethodsResponse(List.of("GetRPCMethods", "SetParameterValues", "GetParameterValues",
                    "GetParameterNames", "SetParameterAttributes", "GetParameterAttributes", "AddObject",
                    "DeleteObject", "Reboot", "Download", "Upload", "FactoryReset", "ScheduleInform",
                    "ScheduleDownload", "CancelTransfer", "GetQueuedTransfers", "GetAllQueuedTransfers",
                    "ChangeDUState", "SetVouchers", "GetOptions"));
        }
        if (request instanceof ChangeDUState) {
            return softwareModules.changeDuState((ChangeDUState) request);
        }
        CwmpMessage later = laterRpcs.respond(request);
        return later != null ? later : SoapFault.of(9000, "Method not supported: " + request.methodName());
    }

    private CwmpMessage getParameterNames(GetParameterNames request) {
        String path = request.parameterPath();
        List<ParameterInfoStruct> result = new ArrayList<>();
        if (path.isEmpty()) {
            path = model.root();
            if (request.nextLevel()) {
                result.add(new ParameterInfoStruct(path, false));
                return new GetParameterNamesResponse(result);
            }
        }
        NavigableMap<String, SimParameter> subtree = model.subtree(path);
        if (subtree.isEmpty()) {
            return SoapFault.of(9005, "Invalid parameter name");
        }
        if (!path.endsWith(".") && request.nextLevel()) {
            return SoapFault.of(9003, "Invalid arguments: NextLevel true on a parameter");
        }
        if (quirks.contains(SimulatedCpe.Quirk.PHANTOM_NAMES) && !request.nextLevel() && model.root().startsWith(path)) {
            result.add(new ParameterInfoStruct(model.root() + "X_SIM_Phantom.", false));
            result.add(new ParameterInfoStruct(model.root() + PHANTOM, true));
        }
        for (Map.Entry<String, SimParameter> e : subtree.entrySet()) {
            String name = e.getKey();
            if (request.nextLevel()) {
                if (name.equals(path) || !isDirectChild(path, name)) {
                    continue;
                }
            }
            result.add(new ParameterInfoStruct(name, e.getValue().writable()));
        }
        if (quirks.contains(SimulatedCpe.Quirk.NAMES_CAPPED) && !request.nextLevel() && result.size() > NAMES_CAP) {
            return SoapFault.of(9004, "Resources exceeded");
        }
        return new GetParameterNamesResponse(result);
    }

    static boolean isDirectChild(String parent, String name) {
        String rest = name.substring(parent.length());
        int dot = rest.indexOf('.');
        return dot < 0 || dot == rest.length() - 1;
    }

    private CwmpMessage getParameterValues(List<String> names) {
        List<ParameterValueStruct> result = new ArrayList<>();
        for (String name : names) {
            if (name.equals(model.root() + PHANTOM) && quirks.contains(SimulatedCpe.Quirk.PHANTOM_NAMES)) {
                return SoapFault.of(9005, "Invalid parameter name: " + name);
            }
            if (name.endsWith(".") && quirks.contains(SimulatedCpe.Quirk.NO_PARTIAL_PATHS)) {
                return SoapFault.of(9005, "Invalid parameter name: " + name);
            }
            if (name.endsWith(".") && quirks.contains(SimulatedCpe.Quirk.DROPS_ON_PARTIAL_PATHS)) {
                throw new Dropped("GetParameterValues of the partial path " + name);
            }
            NavigableMap<String, SimParameter> subtree = model.subtree(name.isEmpty() ? model.root() : name);
            if (subtree.isEmpty()) {
                return SoapFault.of(9005, "Invalid parameter name: " + name);
            }
            for (Map.Entry<String, SimParameter> e : subtree.entrySet()) {
                if (!e.getValue().object()) {
                    result.add(new ParameterValueStruct(e.getKey(), e.getValue().value(), e.getValue().type()));
                }
            }
        }
        if (rdkb && result.size() > RDKB_MAX_VALUES) {
            return SoapFault.of(9004, "Resources exceeded");
        }
        if (quirks.contains(SimulatedCpe.Quirk.TRUNCATES_ANSWERS) && result.size() > TRUNCATED_ANSWER) {
            return new GetParameterValuesResponse(result.subList(0, TRUNCATED_ANSWER));
        }
        return new GetParameterValuesResponse(result);
    }

    private CwmpMessage setParameterValues(SetParameterValues request) {
        List<ParameterValueStruct> list = request.parameterList();
        if (rdkb && list.size() > RDKB_MAX_SET) {
            return SoapFault.of(9004, "Resources exceeded");
        }
        List<SetParameterValuesFault> faults = new ArrayList<>();
        for (ParameterValueStruct p : list) {
            SimParameter current = model.get(p.name()).filter(x -> !x.object()).orElse(null);
            if (current == null) {
                faults.add(new SetParameterValuesFault(p.name(), 9005, "Invalid parameter name"));
            } else if (!current.writable()) {
                faults.add(new SetParameterValuesFault(p.name(), 9008, "Attempt to set a non-writable parameter"));
            }
        }
        if (!faults.isEmpty()) {
            return SoapFault.of(9003, "Invalid arguments", faults);
        }
        for (ParameterValueStruct p : list) {
            SimParameter current = model.get(p.name()).orElseThrow();
            model.put(p.name(), current.withValue(p.value(), p.type()));
        }
        String key = model.root() + "ManagementServer.ParameterKey";
        model.get(key).ifPresent(k -> model.put(key, k.withValue(request.parameterKey(), "")));
        return new SetParameterValuesResponse(0);
    }

    private CwmpMessage getParameterAttributes(List<String> names) {
        List<ParameterAttributeStruct> result = new ArrayList<>();
        for (String name : names) {
            NavigableMap<String, SimParameter> subtree = model.subtree(name);
            if (subtree.isEmpty()) {
                return SoapFault.of(9005, "Invalid parameter name: " + name);
            }
            subtree.forEach((path, p) -> {
                if (!p.object()) {
                    result.add(new ParameterAttributeStruct(path, p.notification(), List.of()));
                }
            });
        }
        if (rdkb && result.size() > RDKB_MAX_VALUES) {
            return SoapFault.of(9004, "Resources exceeded");
        }
        return new GetParameterAttributesResponse(result);
    }

    private CwmpMessage setParameterAttributes(SetParameterAttributes request) {
        if (rdkb && request.parameterList().size() > RDKB_MAX_SET) {
            return SoapFault.of(9004, "Resources exceeded");
        }
        for (SetParameterAttributesStruct s : request.parameterList()) {
            if (model.subtree(s.name()).isEmpty()) {
                return SoapFault.of(9005, "Invalid parameter name: " + s.name());
            }
        }
        for (SetParameterAttributesStruct s : request.parameterList()) {
            if (s.notificationChange()) {
                model.subtree(s.name()).forEach((path, p) -> model.put(path, p.withNotification(s.notification())));
            }
        }
        return new SetParameterAttributesResponse();
    }

    private CwmpMessage addObject(AddObject request) {
        String table = request.objectName();
        SimParameter object = model.get(table).orElse(null);
        if (object == null || !object.object() || !table.endsWith(".")) {
            return SoapFault.of(9005, "Invalid parameter name: " + table);
        }
        int max = 0;
        for (String name : model.subtree(table).keySet()) {
            String rest = name.substring(table.length());
            int dot = rest.indexOf('.');
            if (dot > 0) {
                try {
                    max = Math.max(max, Integer.parseInt(rest.substring(0, dot)));
                } catch (NumberFormatException notAnInstance) {
                    // a parameter of the table object itself
                }
            }
        }
        int instance = max + 1;
        model.put(table + instance + ".", SimParameter.object(true));
        // a real CPE creates the instance's parameters: shaped like an existing instance, with default values
        if (max > 0) {
            String sibling = table + max + ".";
            for (Map.Entry<String, SimParameter> e : new ArrayList<>(model.subtree(sibling).entrySet())) {
                if (e.getKey().equals(sibling)) {
                    continue;
                }
                String name = table + instance + "." + e.getKey().substring(sibling.length());
                SimParameter p = e.getValue();
                model.put(name, p.object() ? p : new SimParameter(false, p.writable(), defaultValue(p.type()), p.type(),
                        0));
            }
        }
        return new AddObjectResponse(instance, 0);
    }

    private static String defaultValue(String type) {
        switch (XsdType.of(type)) {
            case BOOLEAN:
                return "false";
            case INT:
            case UNSIGNED_INT:
            case LONG:
            case UNSIGNED_LONG:
                return "0";
            case DATE_TIME:
                return CwmpDateTime.UNKNOWN;
            default:
                return "";
        }
    }

    private CwmpMessage deleteObject(DeleteObject request) {
        String name = request.objectName();
        if (model.get(name).filter(SimParameter::object).isEmpty()) {
            return SoapFault.of(9005, "Invalid parameter name: " + name);
        }
        model.removeSubtree(name);
        return new DeleteObjectResponse(0);
    }

    private CwmpMessage download(Download request) {
        if (rdkb && !FIRMWARE.equals(request.fileType())) {
            return SoapFault.of(9000, "Method not supported for file type " + request.fileType());
        }
        if (quirks.contains(SimulatedCpe.Quirk.DOWNLOAD_APPLIED_AT_ONCE)) {
            String now = CwmpDateTime.format(java.time.Instant.now());
            return new DownloadResponse(0, now, now);
        }
        if (quirks.contains(SimulatedCpe.Quirk.FETCHES_DOWNLOADS)) {
            // fetched after the session; the TransferComplete tells how that went
            state.pendingFetches.add(request);
        } else if (!quirks.contains(SimulatedCpe.Quirk.DOWNLOAD_NEVER_COMPLETES)) {
            state.scheduleTransferComplete("M Download", request.commandKey(),
                    quirks.contains(SimulatedCpe.Quirk.DOWNLOAD_FAILS) ? new FaultStruct(9010, "Download failure")
                            : new FaultStruct(0, ""));
        }
        return new DownloadResponse(1, CwmpDateTime.UNKNOWN, CwmpDateTime.UNKNOWN);
    }
}
