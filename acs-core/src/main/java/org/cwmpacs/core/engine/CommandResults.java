package org.cwmpacs.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.transfer.Operation;
import org.cwmpacs.soap.message.AcsRequest;
import org.cwmpacs.soap.message.AllQueuedTransferStruct;
import org.cwmpacs.soap.message.CancelTransfer;
import org.cwmpacs.soap.message.ChangeDUState;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.cwmpacs.soap.message.Download;
import org.cwmpacs.soap.message.DownloadResponse;
import org.cwmpacs.soap.message.GetAllQueuedTransfersResponse;
import org.cwmpacs.soap.message.GetOptionsResponse;
import org.cwmpacs.soap.message.GetQueuedTransfersResponse;
import org.cwmpacs.soap.message.GetRPCMethodsResponse;
import org.cwmpacs.soap.message.OperationStruct;
import org.cwmpacs.soap.message.ScheduleDownload;
import org.cwmpacs.soap.message.TimeWindowStruct;
import org.cwmpacs.soap.message.Upload;
import org.cwmpacs.soap.message.UploadResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the CPE's successful answer to a command means: written to the session's tree, and the work it
 * still owes a report on (a transfer, a DU state change) kept as an operation.
 */
final class CommandResults {
    private static final Logger LOG = LoggerFactory.getLogger("cwmp");

    /** Operations to keep, and the ids of operations a CancelTransfer ended. */
    record Recorded(List<Operation> started, List<String> cancelled) {
    }

    private CommandResults() {
    }

    /**
     * @param who the remote address and device id, for the log
     * @param channel the fault channel of the work that sent the command
     */
    static Recorded record(Planner.CommandDone done, DeviceTree tree, String deviceId, String who, String channel,
                           Instant now) {
        List<Operation> started = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        AcsRequest request = done.request();
        if (request instanceof Download) {
            Download d = (Download) request;
            DownloadResponse r = (DownloadResponse) done.response();
            String fileName = fileNameOf(d.url());
            int instance = TransferRecords.downloadInstance(tree, d.fileType(), fileName, d.targetFileName());
            TransferRecords.requested(tree, instance, d.fileType(), fileName, d.targetFileName(), now);
            if (r.status() == 0) {
                TransferRecords.completed(tree, instance, d.fileType(), fileName, d.targetFileName(),
                        CwmpDateTime.parse(r.startTime()).orElse(now), CwmpDateTime.parse(r.completeTime()).orElse(now),
                        0, "", now);
                LOG.info("{}: Download applied at once; commandKey=\"{}\"", who, d.commandKey());
            } else {
                started.add(new Operation(deviceId, d.commandKey(), "Download", now, channel, instance, d.fileType(),
                        fileName, d.targetFileName()));
            }
        } else if (request instanceof ScheduleDownload) {
            ScheduleDownload d = (ScheduleDownload) request;
            String fileName = fileNameOf(d.url());
            int instance = TransferRecords.downloadInstance(tree, d.fileType(), fileName, d.targetFileName());
            TransferRecords.requested(tree, instance, d.fileType(), fileName, d.targetFileName(), now);
            long lastWindowEnd = d.timeWindowList().stream().mapToLong(TimeWindowStruct::windowEnd).max().orElse(0);
            started.add(new Operation(deviceId, d.commandKey(), Operation.SCHEDULE_DOWNLOAD, now, channel, instance,
                    d.fileType(), fileName, d.targetFileName(), Duration.ofSeconds(lastWindowEnd)));
        } else if (request instanceof Upload) {
            Upload u = (Upload) request;
            if (((UploadResponse) done.response()).status() != 0) {
                started.add(new Operation(deviceId, u.commandKey(), "Upload", now, channel, 0, u.fileType(), u.url(),
                        ""));
            }
        } else if (request instanceof ChangeDUState) {
            ChangeDUState c = (ChangeDUState) request;
            int instance = DeviceRecords.nextDuStateChange(tree);
            DeviceRecords.duStateChangeRequested(tree, instance, c.commandKey(), describe(c.operations()), now);
            started.add(new Operation(deviceId, c.commandKey(), Operation.CHANGE_DU_STATE, now, channel, instance, "",
                    "", ""));
        } else if (request instanceof CancelTransfer) {
            String key = ((CancelTransfer) request).commandKey();
            cancelled.add(deviceId + ":" + key);
            LOG.info("{}: Transfer cancelled; commandKey=\"{}\"", who, key);
        } else if (request instanceof org.cwmpacs.soap.message.Reboot) {
            tree.put("Reboot", ParameterAttributes.NONE.withValue(now, "xsd:dateTime", now));
        } else if (request instanceof org.cwmpacs.soap.message.FactoryReset) {
            tree.put("FactoryReset", ParameterAttributes.NONE.withValue(now, "xsd:dateTime", now));
        } else if (done.response() instanceof GetQueuedTransfersResponse) {
            DeviceRecords.queuedTransfers(tree, ((GetQueuedTransfersResponse) done.response()).transferList().stream()
                    .map(t -> new AllQueuedTransferStruct(t.commandKey(), t.state(), false, "", 0, "")).toList(),
                    false, now);
        } else if (done.response() instanceof GetAllQueuedTransfersResponse) {
            DeviceRecords.queuedTransfers(tree, ((GetAllQueuedTransfersResponse) done.response()).transferList(), true,
                    now);
        } else if (done.response() instanceof GetOptionsResponse) {
            DeviceRecords.options(tree, ((GetOptionsResponse) done.response()).optionList(), now);
        } else if (done.response() instanceof GetRPCMethodsResponse) {
            LOG.info("{}: RPC methods; methods=\"{}\"", who,
                    String.join(",", ((GetRPCMethodsResponse) done.response()).methodList()));
        }
        return new Recorded(started, cancelled);
    }

    /** {@code Install <url>; Update <uuid> <version>; Uninstall <uuid>}: what was asked, for the operator. */
    private static String describe(List<OperationStruct> operations) {
        List<String> parts = new ArrayList<>();
        for (OperationStruct op : operations) {
            parts.add(switch (op.kind()) {
                case INSTALL -> ("Install " + op.url() + " " + op.uuid()).strip();
                case UPDATE -> ("Update " + op.uuid() + " " + op.version() + " " + op.url()).strip().replaceAll(" +", " ");
                case UNINSTALL -> ("Uninstall " + op.uuid() + " " + op.version()).strip();
            });
        }
        return String.join("; ", parts);
    }

    /** The file name a download names: the last segment of its URL. */
    static String fileNameOf(String url) {
        int slash = url.lastIndexOf('/');
        String last = slash < 0 ? url : url.substring(slash + 1);
        try {
            return java.net.URLDecoder.decode(last, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            // a stray % in a URL the task gave: the name as written
            return last;
        }
    }
}
