package org.cwmpacs.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cwmpacs.soap.message.AllQueuedTransferStruct;
import org.cwmpacs.soap.message.ArgStruct;
import org.cwmpacs.soap.message.AutonOpResultStruct;
import org.cwmpacs.soap.message.AutonomousDUStateChangeComplete;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.DUStateChangeComplete;
import org.cwmpacs.soap.message.GetAllQueuedTransfersResponse;
import org.cwmpacs.soap.message.GetOptionsResponse;
import org.cwmpacs.soap.message.GetQueuedTransfersResponse;
import org.cwmpacs.soap.message.Kicked;
import org.cwmpacs.soap.message.OpResultStruct;
import org.cwmpacs.soap.message.OptionStruct;
import org.cwmpacs.soap.message.QueuedTransferStruct;
import org.cwmpacs.soap.message.RequestDownload;

/**
 * Bounds on the lists and texts the ACS records from the RPCs it keeps on the device (queued transfers,
 * options, DU results, RequestDownload arguments, Kicked): the schema allows 16 of most of these, so a CPE
 * sending thousands is broken, and what it sent is refused with the limit named before anything is stored.
 */
final class ReportLimits {
    /** Entries of one list: far above the schema's 16, far below what could crowd the device document. */
    static final int MAX_ENTRIES = 1024;
    /** Characters of one recorded text: the schema's longest field (a URL) is 1024. */
    static final int MAX_TEXT = 4096;

    private ReportLimits() {
    }

    static Optional<String> problem(CwmpMessage message) {
        String what;
        int entries;
        List<String> texts = new ArrayList<>();
        if (message instanceof GetQueuedTransfersResponse) {
            List<QueuedTransferStruct> list = ((GetQueuedTransfersResponse) message).transferList();
            what = "queued transfers";
            entries = list.size();
            list.forEach(t -> texts.add(t.commandKey()));
        } else if (message instanceof GetAllQueuedTransfersResponse) {
            List<AllQueuedTransferStruct> list = ((GetAllQueuedTransfersResponse) message).transferList();
            what = "queued transfers";
            entries = list.size();
            list.forEach(t -> texts.addAll(List.of(t.commandKey(), t.fileType(), t.targetFileName())));
        } else if (message instanceof GetOptionsResponse) {
            List<OptionStruct> list = ((GetOptionsResponse) message).optionList();
            what = "options";
            entries = list.size();
            list.forEach(o -> texts.addAll(List.of(o.optionName(), o.startDate(), o.expirationDate())));
        } else if (message instanceof DUStateChangeComplete) {
            List<OpResultStruct> list = ((DUStateChangeComplete) message).results();
            what = "results";
            entries = list.size();
            list.forEach(r -> texts.addAll(List.of(r.uuid(), r.deploymentUnitRef(), r.version(), r.currentState(),
                    r.executionUnitRefList(), r.fault().faultString())));
        } else if (message instanceof AutonomousDUStateChangeComplete) {
            List<AutonOpResultStruct> list = ((AutonomousDUStateChangeComplete) message).results();
            what = "results";
            entries = list.size();
            list.forEach(r -> texts.addAll(List.of(r.uuid(), r.deploymentUnitRef(), r.version(), r.currentState(),
                    r.executionUnitRefList(), r.fault().faultString(), r.operationPerformed())));
        } else if (message instanceof RequestDownload) {
            List<ArgStruct> list = ((RequestDownload) message).fileTypeArg();
            what = "FileTypeArg entries";
            entries = list.size();
            texts.add(((RequestDownload) message).fileType());
            list.forEach(a -> texts.addAll(List.of(a.name(), a.value())));
        } else if (message instanceof Kicked) {
            Kicked k = (Kicked) message;
            what = "entries";
            entries = 0;
            texts.addAll(List.of(k.command(), k.referer(), k.arg(), k.next()));
        } else {
            return Optional.empty();
        }
        if (entries > MAX_ENTRIES) {
            return Optional.of(message.methodName() + " carries " + entries + " " + what + "; the ACS keeps at most "
                    + MAX_ENTRIES);
        }
        for (String text : texts) {
            if (text.length() > MAX_TEXT) {
                return Optional.of(message.methodName() + " carries a text of " + text.length()
                        + " characters; the ACS keeps at most " + MAX_TEXT + " in one field");
            }
        }
        return Optional.empty();
    }
}
