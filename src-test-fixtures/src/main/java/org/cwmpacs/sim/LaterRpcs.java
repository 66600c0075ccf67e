package org.cwmpacs.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cwmpacs.soap.message.*;

/**
 * How a simulated CPE answers the transfer-queue and option RPCs: ScheduleDownload (queued until its first
 * window opens), CancelTransfer, GetQueuedTransfers, GetAllQueuedTransfers, SetVouchers, GetOptions.
 */
final class LaterRpcs {
    /** A simulator voucher: base64 of text holding {@code <OptionIdent>name</OptionIdent>}. */
    private static final Pattern OPTION = Pattern.compile("<OptionIdent>([^<]{1,64})</OptionIdent>");

    private final CpeState state;
    private final boolean rdkb;

    LaterRpcs(CpeState state, boolean rdkb) {
        this.state = state;
        this.rdkb = rdkb;
    }

    /** The answer, or null when {@code request} is not one of these. */
    CwmpMessage respond(CwmpMessage request) {
        if (request instanceof ScheduleDownload) {
            return scheduleDownload((ScheduleDownload) request);
        }
        if (request instanceof CancelTransfer) {
            return cancelTransfer(((CancelTransfer) request).commandKey());
        }
        if (request instanceof GetQueuedTransfers) {
            return new GetQueuedTransfersResponse(state.queued.values().stream()
                    .map(t -> new QueuedTransferStruct(t.commandKey(), 1)).toList());
        }
        if (request instanceof GetAllQueuedTransfers) {
            return new GetAllQueuedTransfersResponse(state.queued.values().stream()
                    .map(t -> new AllQueuedTransferStruct(t.commandKey(), 1, true, t.fileType(), t.fileSize(),
                            t.targetFileName())).toList());
        }
        if (request instanceof SetVouchers) {
            return setVouchers(((SetVouchers) request).voucherList());
        }
        if (request instanceof GetOptions) {
            String name = ((GetOptions) request).optionName();
            return new GetOptionsResponse(state.options.values().stream()
                    .filter(o -> name.isEmpty() || o.optionName().equals(name)).toList());
        }
        return null;
    }

    private CwmpMessage scheduleDownload(ScheduleDownload request) {
        if (rdkb) {
            // the RDK-B agent does not implement ScheduleDownload
            return SoapFault.of(9000, "Method not supported");
        }
        List<TimeWindowStruct> windows = request.timeWindowList();
        if (windows.isEmpty() || windows.size() > 2) {
            return SoapFault.of(9003, "Invalid arguments: one or two time windows");
        }
        for (TimeWindowStruct w : windows) {
            if (w.windowEnd() < w.windowStart()) {
                return SoapFault.of(9003, "Invalid arguments: WindowEnd before WindowStart");
            }
        }
        if (state.queued.containsKey(request.commandKey())) {
            return SoapFault.of(9003, "Invalid arguments: a transfer with this CommandKey is queued");
        }
        state.queued.put(request.commandKey(), new CpeState.QueuedTransfer(request.commandKey(), request.fileType(),
                request.fileSize(), request.targetFileName(), Instant.now().plusSeconds(windows.get(0).windowStart())));
        return new ScheduleDownloadResponse();
    }

    private CwmpMessage cancelTransfer(String commandKey) {
        if (state.queued.remove(commandKey) != null) {
            return new CancelTransferResponse();
        }
        boolean started = state.pendingReports.stream().anyMatch(r -> r instanceof TransferComplete
                && ((TransferComplete) r).commandKey().equals(commandKey));
        return started ? SoapFault.of(9021, "Cancelation of file transfer not permitted in current transfer state")
                : SoapFault.of(9003, "Invalid arguments: no transfer with CommandKey " + commandKey);
    }

    private CwmpMessage setVouchers(List<String> vouchers) {
        List<String> names = new ArrayList<>();
        for (String v : vouchers) {
            String text;
            try {
                text = new String(Base64.getMimeDecoder().decode(v), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return SoapFault.of(9003, "Invalid arguments: voucher is not base64");
            }
            Matcher m = OPTION.matcher(text);
            if (!m.find()) {
                return SoapFault.of(9003, "Invalid arguments: voucher names no option");
            }
            names.add(m.group(1));
        }
        String now = CwmpDateTime.format(Instant.now());
        for (String name : names) {
            state.options.put(name, new OptionStruct(name, ++state.voucherSerial, 3, 2, now, "", false));
        }
        return new SetVouchersResponse();
    }
}
