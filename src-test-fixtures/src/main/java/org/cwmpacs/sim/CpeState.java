package org.cwmpacs.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.cwmpacs.soap.message.EventStruct;
import org.cwmpacs.soap.message.FaultStruct;
import org.cwmpacs.soap.message.TransferComplete;

/** What a simulated CPE remembers between sessions. */
final class CpeState {
    boolean bootstrapped;
    /** A FactoryReset was accepted: after this session the CPE comes back as new (0 BOOTSTRAP). */
    boolean factoryReset;
    final List<EventStruct> pendingEvents = new ArrayList<>();
    Optional<TransferComplete> pendingTransfer = Optional.empty();
    /** Downloads accepted in this session, fetched once it has ended. */
    final List<org.cwmpacs.soap.message.Download> pendingFetches = new ArrayList<>();
    /** Every file fetched so far, in order. */
    final List<FileFetcher.Fetched> fetched = new ArrayList<>();

    void scheduleTransferComplete(String methodEvent, String commandKey, FaultStruct outcome) {
        String now = CwmpDateTime.format(Instant.now());
        pendingEvents.add(new EventStruct("7 TRANSFER COMPLETE", ""));
        pendingEvents.add(new EventStruct(methodEvent, commandKey));
        pendingTransfer = Optional.of(new TransferComplete(commandKey, outcome, now, now));
    }
}
