package org.cwmpacs.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cwmpacs.soap.message.CpeRequest;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.cwmpacs.soap.message.EventStruct;
import org.cwmpacs.soap.message.FaultStruct;
import org.cwmpacs.soap.message.OptionStruct;
import org.cwmpacs.soap.message.TransferComplete;

/** What a simulated CPE remembers between sessions. */
final class CpeState {
    boolean bootstrapped;
    /** A FactoryReset was accepted: after this session the CPE comes back as new (0 BOOTSTRAP). */
    boolean factoryReset;
    final List<EventStruct> pendingEvents = new ArrayList<>();
    /** Requests the CPE sends after its next Inform (TransferComplete, DUStateChangeComplete, …), oldest first. */
    final List<CpeRequest> pendingReports = new ArrayList<>();
    /** Downloads accepted in this session, fetched once it has ended. */
    final List<org.cwmpacs.soap.message.Download> pendingFetches = new ArrayList<>();
    /** Every file fetched so far, in order. */
    final List<FileFetcher.Fetched> fetched = new ArrayList<>();
    /** ScheduleDownloads waiting for their window, by command key. */
    final Map<String, QueuedTransfer> queued = new LinkedHashMap<>();
    /** Options enabled by vouchers, by name. */
    final Map<String, OptionStruct> options = new LinkedHashMap<>();
    long voucherSerial;

    /** A ScheduleDownload accepted: it starts (and completes) in the first session after {@code due}. */
    record QueuedTransfer(String commandKey, String fileType, long fileSize, String targetFileName, Instant due) {
    }

    void scheduleTransferComplete(String methodEvent, String commandKey, FaultStruct outcome) {
        String now = CwmpDateTime.format(Instant.now());
        report(new TransferComplete(commandKey, outcome, now, now), "7 TRANSFER COMPLETE",
                new EventStruct(methodEvent, commandKey));
    }

    void report(CpeRequest request, String event, EventStruct... methodEvents) {
        pendingEvents.add(new EventStruct(event, ""));
        pendingEvents.addAll(List.of(methodEvents));
        pendingReports.add(request);
    }

    /** Scheduled transfers whose window has opened are done: their TransferCompletes go in this session. */
    void startDueTransfers(Instant now) {
        for (Iterator<QueuedTransfer> it = queued.values().iterator(); it.hasNext(); ) {
            QueuedTransfer t = it.next();
            if (!t.due().isAfter(now)) {
                it.remove();
                scheduleTransferComplete("M ScheduleDownload", t.commandKey(), new FaultStruct(0, ""));
            }
        }
    }
}
