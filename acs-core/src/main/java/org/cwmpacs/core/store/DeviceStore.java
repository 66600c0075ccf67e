package org.cwmpacs.core.store;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.device.TreeChanges;

/**
 * The device registry. Implementations must not block the caller on writes: the CWMP listener calls
 * them from its event loop and continues when the future completes.
 */
public interface DeviceStore {
    /**
     * Records an Inform in one write: creates the device on first contact ({@code _registered},
     * {@code _deviceId}), sets {@code _lastInform} (and {@code _lastBoot} on {@code 1 BOOT},
     * {@code _lastBootstrap} on {@code 0 BOOTSTRAP}) and every Inform parameter with value, type and
     * timestamp. A {@code 0 BOOTSTRAP} forgets the cached parameter tree first, so that a factory-reset CPE
     * is learned again.
     *
     * @return whether the device was new
     */
    CompletableFuture<InformRecorded> recordInform(DeviceInform inform);

    /** Reads a device; blocking. */
    Optional<Device> find(String deviceId);

    /** Reads a device off the caller's thread. */
    CompletableFuture<Optional<Device>> load(String deviceId);

    /**
     * Writes what a session changed in the device's tree: the removed subtrees, then the attributes of the
     * set nodes, in GenieACS's document shape.
     */
    CompletableFuture<Void> apply(String deviceId, TreeChanges changes);

    /**
     * Whether the device's whole tree has been learned (GenieACS's root {@code _timestamp}: the list of
     * the root's children was read) since it last bootstrapped.
     */
    CompletableFuture<Boolean> discovered(String deviceId);

    /** Forgets a device: its document and whatever this process remembers of it. Blocking. */
    void delete(String deviceId);

    /**
     * Adds a tag to (or removes it from) the device's {@code _tags}. Blocking.
     *
     * @return false if there is no such device
     */
    boolean tag(String deviceId, String tag, boolean add);

    /**
     * Adds and removes tags of a session (its provisions' {@code Tags.*}), off the caller's thread.
     */
    default CompletableFuture<Void> tags(String deviceId, java.util.Set<String> added, java.util.Set<String> removed) {
        return CompletableFuture.runAsync(() -> {
            added.forEach(t -> tag(deviceId, t, true));
            removed.forEach(t -> tag(deviceId, t, false));
        });
    }

    /** When the device last informed; empty for an unknown device. Blocking. */
    Optional<java.time.Instant> lastInform(String deviceId);

    /**
     * A device as a session reads it: its own fields, and its parameter tree either in {@code device} or,
     * when the store can read it in place, as {@code lazyTree} (then {@code device} holds no parameters).
     */
    record SessionDevice(Device device, Optional<org.cwmpacs.core.device.TreeSource> lazyTree) {
    }

    /** Reads a device for a session, off the caller's thread; a store that can read in place does so. */
    default CompletableFuture<Optional<SessionDevice>> loadForSession(String deviceId) {
        return load(deviceId).thenApply(d -> d.map(device -> new SessionDevice(device, Optional.empty())));
    }

    /** The outcome of {@link #recordInform}. */
    record InformRecorded(boolean newDevice) {
    }
}
