package org.cwmpacs.core.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.store.DeviceStore;

/** A device store that records Informs in memory, or fails on demand. */
final class FakeStore implements DeviceStore {
    final List<DeviceInform> informs = new CopyOnWriteArrayList<>();
    volatile boolean failing;
    /** The tree is not learned yet (a discovery runs), and what it learns the store refuses or cannot take. */
    volatile RuntimeException applyFailure;

    @Override
    public CompletableFuture<InformRecorded> recordInform(DeviceInform inform) {
        if (failing) {
            return CompletableFuture.failedFuture(new IllegalStateException("database unreachable"));
        }
        boolean first = informs.stream().noneMatch(i -> i.deviceId().equals(inform.deviceId()));
        informs.add(inform);
        return CompletableFuture.completedFuture(new InformRecorded(first));
    }

    @Override
    public Optional<Device> find(String deviceId) {
        return Optional.empty();
    }

    @Override
    public CompletableFuture<Optional<Device>> load(String deviceId) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletableFuture<Void> apply(String deviceId, org.cwmpacs.core.device.TreeChanges changes) {
        RuntimeException failure = applyFailure;
        return failure == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure);
    }

    @Override
    public CompletableFuture<Boolean> discovered(String deviceId) {
        return CompletableFuture.completedFuture(applyFailure == null);
    }

    final List<String> deleted = new CopyOnWriteArrayList<>();

    @Override
    public void delete(String deviceId) {
        deleted.add(deviceId);
    }

    @Override
    public boolean tag(String deviceId, String tag, boolean add) {
        throw new UnsupportedOperationException("the session tests tag no device");
    }

    @Override
    public Optional<java.time.Instant> lastInform(String deviceId) {
        return Optional.empty();
    }
}
