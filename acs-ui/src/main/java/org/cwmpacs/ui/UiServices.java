package org.cwmpacs.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.cwmpacs.core.connreq.ConnectionRequester;
import org.cwmpacs.core.store.DeviceStore;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.core.store.FaultStore;
import org.cwmpacs.core.store.FileStore;
import org.cwmpacs.core.store.OperationStore;
import org.cwmpacs.core.store.SessionLocks;
import org.cwmpacs.core.store.TaskStore;
import org.cwmpacs.core.task.SessionWait;

/**
 * What the UI works on: the core's and the store's services themselves (never the NBI over HTTP).
 *
 * @param onlineThreshold how long a posted task waits for the woken device's session to start, unless the
 *     device's {@code cwmp.deviceOnlineThreshold} says otherwise
 * @param transcripts the last CWMP sessions of each device, recorded by this process
 * @param maxFileBytes the largest file an upload may store ({@code ACS_MAX_FILE_MB})
 * @param queryTimeout how long a list or export may spend examining documents ({@code ACS_NBI_QUERY_TIMEOUT})
 */
public record UiServices(DocumentStore documents, DeviceStore devices, TaskStore tasks, FaultStore faults,
                         OperationStore operations, FileStore files, SessionLocks locks,
                         ConnectionRequester connectionRequests, Clock clock, SessionWait.Timing timing,
                         Duration onlineThreshold, org.cwmpacs.core.session.Transcripts transcripts,
                         long maxFileBytes, Duration queryTimeout) {
    public UiServices {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(connectionRequests, "connectionRequests");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(onlineThreshold, "onlineThreshold");
        Objects.requireNonNull(transcripts, "transcripts");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
    }
}
