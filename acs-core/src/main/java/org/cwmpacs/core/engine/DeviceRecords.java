package org.cwmpacs.core.engine;

import java.time.Instant;
import java.util.List;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.soap.message.AllQueuedTransferStruct;
import org.cwmpacs.soap.message.ArgStruct;
import org.cwmpacs.soap.message.AutonOpResultStruct;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.cwmpacs.soap.message.FaultStruct;
import org.cwmpacs.soap.message.Kicked;
import org.cwmpacs.soap.message.OpResultStruct;
import org.cwmpacs.soap.message.OptionStruct;
import org.cwmpacs.soap.message.RequestDownload;

/**
 * What the ACS keeps on the device for the RPCs GenieACS has no record of (see
 * {@link org.cwmpacs.core.device.DocumentRoots#RECORDS}). A list a CPE sends replaces the last one.
 */
final class DeviceRecords {
    private DeviceRecords() {
    }

    /** {@code QueuedTransfers.<n>}: {@code CommandKey}, {@code State}, and with GetAllQueuedTransfers more. */
    static void queuedTransfers(DeviceTree tree, List<AllQueuedTransferStruct> transfers, boolean all, Instant now) {
        String base = "QueuedTransfers";
        replace(tree, base, now);
        int n = 0;
        for (AllQueuedTransferStruct t : transfers) {
            String at = base + "." + ++n;
            object(tree, at);
            put(tree, at + ".CommandKey", t.commandKey(), "xsd:string", now);
            put(tree, at + ".State", t.state(), "xsd:unsignedInt", now);
            if (all) {
                put(tree, at + ".IsDownload", t.isDownload(), "xsd:boolean", now);
                put(tree, at + ".FileType", t.fileType(), "xsd:string", now);
                put(tree, at + ".FileSize", t.fileSize(), "xsd:unsignedInt", now);
                put(tree, at + ".TargetFileName", t.targetFileName(), "xsd:string", now);
            }
        }
    }

    /** {@code Options.<n>}, from GetOptions. */
    static void options(DeviceTree tree, List<OptionStruct> options, Instant now) {
        String base = "Options";
        replace(tree, base, now);
        int n = 0;
        for (OptionStruct o : options) {
            String at = base + "." + ++n;
            object(tree, at);
            put(tree, at + ".OptionName", o.optionName(), "xsd:string", now);
            put(tree, at + ".VoucherSN", o.voucherSn(), "xsd:unsignedInt", now);
            put(tree, at + ".State", (int) o.state(), "xsd:unsignedInt", now);
            put(tree, at + ".Mode", o.mode(), "xsd:int", now);
            date(tree, at + ".StartDate", o.startDate(), now);
            date(tree, at + ".ExpirationDate", o.expirationDate(), now);
            put(tree, at + ".IsTransferable", o.isTransferable(), "xsd:boolean", now);
        }
    }

    /** The first free {@code DUStateChanges.<n>}. */
    static int nextDuStateChange(DeviceTree tree) {
        int max = 0;
        for (String child : tree.children("DUStateChanges")) {
            try {
                max = Math.max(max, Integer.parseInt(child.substring("DUStateChanges.".length())));
            } catch (NumberFormatException notAnInstance) {
                // someone else's node
            }
        }
        return max + 1;
    }

    /** A ChangeDUState the CPE accepted: {@code DUStateChanges.<n>} with its key and operations. */
    static void duStateChangeRequested(DeviceTree tree, int instance, String commandKey, String operations,
                                       Instant now) {
        String at = "DUStateChanges." + instance;
        tree.removeSubtree(at);
        object(tree, at);
        put(tree, at + ".CommandKey", commandKey, "xsd:string", now);
        put(tree, at + ".Operations", operations, "xsd:string", now);
        put(tree, at + ".Requested", now, "xsd:dateTime", now);
    }

    /** Its DUStateChangeComplete: {@code Complete} and {@code Results.<n>}. */
    static void duStateChangeCompleted(DeviceTree tree, int instance, List<OpResultStruct> results, Instant now) {
        String at = "DUStateChanges." + instance;
        object(tree, at);
        put(tree, at + ".Complete", now, "xsd:dateTime", now);
        replace(tree, at + ".Results", now);
        int n = 0;
        for (OpResultStruct r : results) {
            String result = at + ".Results." + ++n;
            opResult(tree, result, r.uuid(), r.deploymentUnitRef(), r.version(), r.currentState(), r.resolved(),
                    r.executionUnitRefList(), r.startTime(), r.completeTime(), r.fault(), now);
        }
    }

    /** {@code AutonomousDUStateChangeComplete}: when, and {@code Results.<n>} with OperationPerformed. */
    static void autonomousDuStateChange(DeviceTree tree, List<AutonOpResultStruct> results, Instant now) {
        String base = "AutonomousDUStateChangeComplete";
        replace(tree, base, now);
        put(tree, base + ".Time", now, "xsd:dateTime", now);
        object(tree, base + ".Results");
        int n = 0;
        for (AutonOpResultStruct r : results) {
            String result = base + ".Results." + ++n;
            opResult(tree, result, r.uuid(), r.deploymentUnitRef(), r.version(), r.currentState(), r.resolved(),
                    r.executionUnitRefList(), r.startTime(), r.completeTime(), r.fault(), now);
            put(tree, result + ".OperationPerformed", r.operationPerformed(), "xsd:string", now);
        }
    }

    /** {@code RequestDownload}: the file type asked for, its arguments ({@code FileTypeArg.<n>}), when. */
    static void requestDownload(DeviceTree tree, RequestDownload rd, Instant now) {
        String base = "RequestDownload";
        replace(tree, base, now);
        put(tree, base + ".FileType", rd.fileType(), "xsd:string", now);
        put(tree, base + ".Time", now, "xsd:dateTime", now);
        object(tree, base + ".FileTypeArg");
        int n = 0;
        for (ArgStruct arg : rd.fileTypeArg()) {
            String at = base + ".FileTypeArg." + ++n;
            object(tree, at);
            put(tree, at + ".Name", arg.name(), "xsd:string", now);
            put(tree, at + ".Value", arg.value(), "xsd:string", now);
        }
    }

    /** {@code Kicked}: what the CPE reported and the {@code NextURL} it was given. */
    static void kicked(DeviceTree tree, Kicked k, String nextUrl, Instant now) {
        String base = "Kicked";
        replace(tree, base, now);
        put(tree, base + ".Command", k.command(), "xsd:string", now);
        put(tree, base + ".Referer", k.referer(), "xsd:string", now);
        put(tree, base + ".Arg", k.arg(), "xsd:string", now);
        put(tree, base + ".Next", k.next(), "xsd:string", now);
        put(tree, base + ".NextURL", nextUrl, "xsd:string", now);
        put(tree, base + ".Time", now, "xsd:dateTime", now);
    }

    private static void opResult(DeviceTree tree, String at, String uuid, String deploymentUnitRef, String version,
                                 String currentState, boolean resolved, String executionUnitRefList, String startTime,
                                 String completeTime, FaultStruct fault, Instant now) {
        object(tree, at);
        put(tree, at + ".UUID", uuid, "xsd:string", now);
        put(tree, at + ".DeploymentUnitRef", deploymentUnitRef, "xsd:string", now);
        put(tree, at + ".Version", version, "xsd:string", now);
        put(tree, at + ".CurrentState", currentState, "xsd:string", now);
        put(tree, at + ".Resolved", resolved, "xsd:boolean", now);
        put(tree, at + ".ExecutionUnitRefList", executionUnitRefList, "xsd:string", now);
        date(tree, at + ".StartTime", startTime, now);
        date(tree, at + ".CompleteTime", completeTime, now);
        put(tree, at + ".FaultCode", fault.faultCode(), "xsd:unsignedInt", now);
        put(tree, at + ".FaultString", fault.faultString(), "xsd:string", now);
    }

    /** The subtree goes, then comes back as an empty object: a shorter list leaves no stale entries. */
    private static void replace(DeviceTree tree, String path, Instant now) {
        tree.removeSubtree(path);
        object(tree, path);
    }

    private static void object(DeviceTree tree, String path) {
        tree.ensureParents(path + ".x");
    }

    /** A date as a date when it parses, else as the CPE's text (the unknown time stays visible). */
    private static void date(DeviceTree tree, String path, String text, Instant now) {
        if (text.isEmpty()) {
            return;
        }
        put(tree, path, CwmpDateTime.parse(text).map(Object.class::cast).orElse(text), "xsd:dateTime", now);
    }

    /** A leaf's value, keeping the node's other attributes. */
    static void put(DeviceTree tree, String path, Object value, String type, Instant now) {
        tree.put(path, tree.get(path).orElse(ParameterAttributes.NONE).withValue(value, type, now));
    }
}
