package org.cwmpacs.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cwmpacs.soap.message.ChangeDUState;
import org.cwmpacs.soap.message.ChangeDUStateResponse;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.DUStateChangeComplete;
import org.cwmpacs.soap.message.EventStruct;
import org.cwmpacs.soap.message.FaultStruct;
import org.cwmpacs.soap.message.OpResultStruct;
import org.cwmpacs.soap.message.OperationStruct;

/**
 * A CPE's deployment units under {@code <root>SoftwareModules.DeploymentUnit.{i}.} (TR-181/TR-157), changed
 * by ChangeDUState: each operation is applied at once and its result reported in the next session's
 * DUStateChangeComplete (events {@code 11 DU STATE CHANGE COMPLETE} and {@code M ChangeDUState}). A URL
 * containing {@code /missing/} fails to download (9010).
 */
final class SoftwareModules {
    private final DataModel model;
    private final CpeState state;

    SoftwareModules(DataModel model, CpeState state) {
        this.model = model;
        this.state = state;
    }

    private String base() {
        return model.root() + "SoftwareModules.";
    }

    private String units() {
        return base() + "DeploymentUnit.";
    }

    CwmpMessage changeDuState(ChangeDUState request) {
        ensureTables();
        List<OpResultStruct> results = new ArrayList<>();
        for (OperationStruct op : request.operations()) {
            String start = CwmpDateTime.format(Instant.now());
            results.add(switch (op.kind()) {
                case INSTALL -> install(op, start);
                case UPDATE -> update(op, start);
                case UNINSTALL -> uninstall(op, start);
            });
        }
        state.report(new DUStateChangeComplete(results, request.commandKey()), "11 DU STATE CHANGE COMPLETE",
                new EventStruct("M ChangeDUState", request.commandKey()));
        return new ChangeDUStateResponse();
    }

    private OpResultStruct install(OperationStruct op, String start) {
        if (op.url().contains("/missing/")) {
            return failed(op.uuid(), "", start, 9010, "Download failure: " + op.url());
        }
        String uuid = op.uuid().isEmpty()
                ? UUID.nameUUIDFromBytes(op.url().getBytes(StandardCharsets.UTF_8)).toString() : op.uuid();
        if (find(uuid, "").isPresent()) {
            return failed(uuid, "", start, 9026, "Duplicate deployment unit");
        }
        int instance = nextInstance();
        String at = units() + instance + ".";
        String name = op.url().substring(op.url().lastIndexOf('/') + 1).replaceFirst("\\.[^.]*$", "");
        model.put(at, SimParameter.object(false));
        leaf(at + "UUID", uuid, "xsd:string");
        leaf(at + "DUID", "du-" + instance, "xsd:string");
        leaf(at + "Name", name, "xsd:string");
        leaf(at + "Status", "Installed", "xsd:string");
        leaf(at + "Resolved", "true", "xsd:boolean");
        leaf(at + "URL", op.url(), "xsd:string");
        leaf(at + "Vendor", "Simulated", "xsd:string");
        leaf(at + "Version", "1.0", "xsd:string");
        leaf(at + "ExecutionEnvRef", op.executionEnvRef().isEmpty() ? base() + "ExecEnv.1" : op.executionEnvRef(),
                "xsd:string");
        leaf(at + "ExecutionUnitList", "", "xsd:string");
        count();
        return done(uuid, units() + instance, "1.0", "Installed", start);
    }

    private OpResultStruct update(OperationStruct op, String start) {
        Optional<String> unit = op.uuid().isEmpty() ? findByUrl(op.url()) : find(op.uuid(), "");
        if (unit.isEmpty()) {
            return failed(op.uuid(), "", start, 9028, "Unknown deployment unit");
        }
        String at = unit.get() + ".";
        String current = value(at + "Version");
        String version = op.version().isEmpty() ? bump(current) : op.version();
        if (version.equals(current)) {
            return failed(value(at + "UUID"), unit.get(), start, 9032, "Version already exists");
        }
        leaf(at + "Version", version, "xsd:string");
        if (!op.url().isEmpty()) {
            leaf(at + "URL", op.url(), "xsd:string");
        }
        return done(value(at + "UUID"), unit.get(), version, "Installed", start);
    }

    private OpResultStruct uninstall(OperationStruct op, String start) {
        Optional<String> unit = find(op.uuid(), op.version());
        if (unit.isEmpty()) {
            return failed(op.uuid(), "", start, 9028, "Unknown deployment unit");
        }
        String version = value(unit.get() + ".Version");
        model.removeSubtree(unit.get() + ".");
        count();
        return done(op.uuid(), unit.get(), version, "Uninstalled", start);
    }

    private static OpResultStruct done(String uuid, String ref, String version, String state, String start) {
        return new OpResultStruct(uuid, ref, version, state, true, "", start, CwmpDateTime.format(Instant.now()),
                new FaultStruct(0, ""));
    }

    private static OpResultStruct failed(String uuid, String ref, String start, int code, String message) {
        return new OpResultStruct(uuid, ref, "", "Failed", false, "", start, CwmpDateTime.format(Instant.now()),
                new FaultStruct(code, message));
    }

    /** The unit (path without its trailing dot) with this UUID, and this version when one is given. */
    private Optional<String> find(String uuid, String version) {
        for (String unit : instances()) {
            if (value(unit + ".UUID").equalsIgnoreCase(uuid)
                    && (version.isEmpty() || value(unit + ".Version").equals(version))) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    private Optional<String> findByUrl(String url) {
        return instances().stream().filter(u -> value(u + ".URL").equals(url)).findFirst();
    }

    private List<String> instances() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, SimParameter> e : model.subtree(units()).entrySet()) {
            String rest = e.getKey().substring(units().length());
            if (e.getValue().object() && rest.matches("\\d+\\.")) {
                out.add(e.getKey().substring(0, e.getKey().length() - 1));
            }
        }
        return out;
    }

    private int nextInstance() {
        int max = 0;
        for (String unit : instances()) {
            max = Math.max(max, Integer.parseInt(unit.substring(unit.lastIndexOf('.') + 1)));
        }
        return max + 1;
    }

    private static String bump(String version) {
        try {
            return String.valueOf(Double.parseDouble(version) + 1);
        } catch (NumberFormatException e) {
            return version + ".1";
        }
    }

    private String value(String path) {
        return model.get(path).map(SimParameter::value).orElse("");
    }

    private void leaf(String path, String value, String type) {
        model.put(path, SimParameter.leaf(false, value, type));
    }

    private void count() {
        leaf(base() + "DeploymentUnitNumberOfEntries", String.valueOf(instances().size()), "xsd:unsignedInt");
    }

    /** A tree without software modules gets the tables and one execution environment. */
    private void ensureTables() {
        if (model.get(units()).isPresent()) {
            return;
        }
        model.put(base(), SimParameter.object(false));
        model.put(units(), SimParameter.object(false));
        model.put(base() + "ExecEnv.", SimParameter.object(false));
        model.put(base() + "ExecEnv.1.", SimParameter.object(false));
        leaf(base() + "ExecEnv.1.Name", "Default", "xsd:string");
        leaf(base() + "ExecEnv.1.Status", "Up", "xsd:string");
        leaf(base() + "ExecEnvNumberOfEntries", "1", "xsd:unsignedInt");
        count();
    }
}
