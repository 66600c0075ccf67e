package org.cwmpacs.nbi;

import java.time.Clock;
import java.util.Objects;
import org.cwmpacs.core.connreq.ConnectionRequester;
import org.cwmpacs.core.store.DeviceStore;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.core.store.FaultStore;
import org.cwmpacs.core.store.FileStore;
import org.cwmpacs.core.store.OperationStore;
import org.cwmpacs.core.store.SessionLocks;
import org.cwmpacs.core.store.TaskStore;

/** What the NBI works on: the store's collections, the session locks the CWMP side holds, and the waker. */
public record NbiServices(DocumentStore documents, DeviceStore devices, TaskStore tasks, FaultStore faults,
                          OperationStore operations, FileStore files, SessionLocks locks,
                          ConnectionRequester connectionRequests, Clock clock) {
    public NbiServices {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(connectionRequests, "connectionRequests");
        Objects.requireNonNull(clock, "clock");
    }
}
