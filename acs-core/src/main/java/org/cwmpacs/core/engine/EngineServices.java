package org.cwmpacs.core.engine;

import java.util.Objects;
import org.cwmpacs.core.store.DeviceStore;
import org.cwmpacs.core.store.FaultStore;
import org.cwmpacs.core.store.FileCatalog;
import org.cwmpacs.core.store.OperationStore;
import org.cwmpacs.core.store.TaskStore;

/** What the engine reads and writes, and how it behaves: one per server. */
public record EngineServices(DeviceStore devices, TaskStore tasks, FaultStore faults, OperationStore operations,
                             FileCatalog files, EngineConfig config, CpeProfiles profiles,
                             org.cwmpacs.core.provision.Provisioning provisioning) {
    public EngineServices(DeviceStore devices, TaskStore tasks, FaultStore faults, OperationStore operations,
                          FileCatalog files, EngineConfig config, CpeProfiles profiles) {
        this(devices, tasks, faults, operations, files, config, profiles,
                org.cwmpacs.core.provision.Provisioning.NONE);
    }

    public EngineServices {
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(provisioning, "provisioning");
    }
}
