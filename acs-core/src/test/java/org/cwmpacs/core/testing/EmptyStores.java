package org.cwmpacs.core.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cwmpacs.core.engine.CpeProfiles;
import org.cwmpacs.core.engine.EngineConfig;
import org.cwmpacs.core.engine.EngineServices;
import org.cwmpacs.core.fault.Fault;
import org.cwmpacs.core.store.DeviceStore;
import org.cwmpacs.core.store.FaultStore;
import org.cwmpacs.core.store.OperationStore;
import org.cwmpacs.core.store.TaskStore;
import org.cwmpacs.core.task.InvalidTaskException;
import org.cwmpacs.core.task.Task;
import org.cwmpacs.core.transfer.Operation;

/** Stores with nothing in them, for tests of the session layer that queue no work. */
public final class EmptyStores {
    private EmptyStores() {
    }

    public static EngineServices services(DeviceStore devices) {
        return services(devices, false);
    }

    /** @param operationsFail every operation lookup fails, as with an unreachable database */
    public static EngineServices services(DeviceStore devices, boolean operationsFail) {
        return services(devices, operationsFail, EngineConfig.Discovery.OFF);
    }

    /** @param discovery when the session learns the device's tree */
    public static EngineServices services(DeviceStore devices, boolean operationsFail, EngineConfig.Discovery discovery) {
        TaskStore tasks = new TaskStore() {
            @Override
            public Task queue(String deviceId, Map<String, Object> fields, Instant now) throws InvalidTaskException {
                throw new InvalidTaskException("no tasks here");
            }

            @Override
            public CompletableFuture<List<Task>> due(String deviceId, Instant now) {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public Optional<Task> find(String taskId) {
                return Optional.empty();
            }

            @Override
            public CompletableFuture<Void> delete(String taskId) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void deleteForDevice(String deviceId) {
            }
        };
        FaultStore faults = new FaultStore() {
            @Override
            public CompletableFuture<Void> save(Fault fault) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<List<Fault>> forDevice(String deviceId) {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<Void> delete(String faultId) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean exists(String faultId) {
                return false;
            }

            @Override
            public void deleteForDevice(String deviceId) {
            }
        };
        OperationStore operations = new OperationStore() {
            @Override
            public CompletableFuture<Void> save(Operation operation) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Optional<Operation>> find(String deviceId, String commandKey) {
                return operationsFail ? CompletableFuture.failedFuture(new IllegalStateException("database unreachable"))
                        : CompletableFuture.completedFuture(Optional.empty());
            }

            @Override
            public CompletableFuture<List<Operation>> forDevice(String deviceId) {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<Void> delete(String operationId) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void deleteForDevice(String deviceId) {
            }
        };
        return new EngineServices(devices, tasks, faults, operations, name -> CompletableFuture.completedFuture(Optional.empty()),
                EngineConfig.DEFAULT.withDiscovery(discovery), new CpeProfiles(127));
    }
}
