package org.cwmpacs.core.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.TreeChanges;
import org.cwmpacs.core.fault.Fault;
import org.cwmpacs.core.store.FileCatalog.StoredFile;
import org.cwmpacs.core.task.Task;
import org.cwmpacs.core.task.TaskSpec;
import org.cwmpacs.core.transfer.Operation;
import org.cwmpacs.soap.message.AcsRequest;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.TransferComplete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACS-driven part of one session: first the automatic discovery (when due), then the device's due
 * tasks oldest first, each to completion; a fault ends that piece of work for the session. Everything it
 * learned or decided is written when the session ends ({@link #finish}). One driver per session, used by
 * one message at a time.
 */
public final class SessionDriver {
    private static final Logger LOG = LoggerFactory.getLogger("cwmp");
    static final String DISCOVERY_CHANNEL = "discovery";
    /** The work of the presets (each of their channels faults on its own). */
    private static final String PRESETS = "\u0000presets";

    private final DeviceInform inform;
    private final String remoteAddress;
    private final String fileServer;
    private final EngineServices services;
    private final Clock clock;
    private final Instant sessionStart;
    private final Deque<Work> queue = new ArrayDeque<>();
    private final List<String> tasksDone = new ArrayList<>();
    private final Map<String, Fault> faultsToSave = new LinkedHashMap<>();
    private final List<String> faultsToDelete = new ArrayList<>();
    private final List<Operation> operationsToSave = new ArrayList<>();
    private final List<String> operationsToDelete = new ArrayList<>();
    private final Map<String, Fault> knownFaults = new HashMap<>();
    private Planner planner;
    private Work current;
    private org.cwmpacs.core.provision.Resolver resolver;
    private final Map<String, Optional<StoredFile>> filesByName = new HashMap<>();
    private int rpcs;
    private boolean finished;

    /** One piece of work: the discovery, or a task. */
    private static final class Work {
        final String channel;
        final Optional<Task> task;
        /** For provisions: the last declarations they gave. */
        List<Declaration> declarations;
        /** The presets, or a task's provisions; null for other work. */
        org.cwmpacs.core.provision.PresetRun run;

        Work(String channel, Optional<Task> task, List<Declaration> declarations) {
            this.channel = channel;
            this.task = task;
            this.declarations = declarations;
        }

        boolean presets() {
            return run != null;
        }

        String label() {
            return channel.equals(PRESETS) ? "the presets" : task.map(t -> "task " + t.name() + " (" + t.id() + ")").orElse("discovery");
        }
    }

    /**
     * @param fileServer the file server's base URL as CPEs reach it, ending with a slash
     */
    public SessionDriver(DeviceInform inform, String remoteAddress, String fileServer, EngineServices services,
                         Clock clock) {
        this.inform = inform;
        this.remoteAddress = remoteAddress;
        this.fileServer = fileServer;
        this.services = services;
        this.clock = clock;
        this.sessionStart = inform.time();
    }

    private String deviceId() {
        return inform.deviceId();
    }

    /** The time of the session's Inform. */
    public Instant sessionStart() {
        return sessionStart;
    }

    private CompletableFuture<org.cwmpacs.core.config.DeviceConfig> settings;

    /** The {@code config} collection's values for this device (started once, when first asked for). */
    public synchronized CompletableFuture<org.cwmpacs.core.config.DeviceConfig> settings() {
        if (settings == null) {
            settings = SessionSettings.evaluate(inform, remoteAddress, services);
        }
        return settings;
    }

    /** Evaluated by then: {@link #load} waits for it. */
    private org.cwmpacs.core.config.DeviceConfig config() {
        return settings().join();
    }

    private java.time.Duration retryDelay() {
        return config().seconds(org.cwmpacs.core.config.DeviceConfig.RETRY_DELAY, services.config().retryDelay());
    }

    private java.time.Duration downloadTimeout() {
        return config().seconds(org.cwmpacs.core.config.DeviceConfig.DOWNLOAD_TIMEOUT,
                services.config().downloadTimeout());
    }

    /**
     * Loads what this session has to do: due tasks, their faults, pending transfers, the tree if needed. The
     * future completes on the provisioning's work executor, so that what the caller does next (the first
     * {@link #next}, which may run scripts) does not hold a store read thread.
     */
    public CompletableFuture<Void> prepare() {
        return load().thenRunAsync(() -> { }, services.provisioning().work());
    }

    private synchronized CompletableFuture<Void> load() {
        Instant now = clock.instant();
        CompletableFuture<List<Task>> tasks = services.tasks().due(deviceId(), sessionStart.plusMillis(1));
        CompletableFuture<List<Operation>> operations = services.operations().forDevice(deviceId());
        CompletableFuture<org.cwmpacs.core.preset.PresetSource.Snapshot> snapshot = services.provisioning().snapshot();
        CompletableFuture<org.cwmpacs.core.config.DeviceConfig> config = settings();
        CompletableFuture<Boolean> discover = switch (services.config().discovery()) {
            case OFF -> CompletableFuture.completedFuture(false);
            case BOOTSTRAP -> CompletableFuture.completedFuture(inform.hasEvent(DeviceInform.BOOTSTRAP));
            case FIRST_CONTACT -> services.devices().discovered(deviceId()).thenApply(done -> !done);
        };
        return CompletableFuture.allOf(tasks, operations, discover, snapshot, config).thenCompose(ignored -> {
            List<Operation> expired = operations.join().stream()
                    .filter(op -> !now.isBefore(op.deadline(downloadTimeout()))).toList();
            List<Task> due = tasks.join();
            boolean discovery = discover.join();
            boolean anyPreset = !snapshot.join().presets().isEmpty();
            if (due.isEmpty() && !discovery && expired.isEmpty() && !anyPreset) {
                return CompletableFuture.completedFuture(null);
            }
            return services.faults().forDevice(deviceId()).thenCompose(faults -> {
                faults.forEach(f -> knownFaults.put(f.channel(), f));
                List<CompletableFuture<Void>> files = new ArrayList<>();
                for (Operation op : expired) {
                    if (config().flag(org.cwmpacs.core.config.DeviceConfig.DOWNLOAD_SUCCESS_ON_TIMEOUT, false)) {
                        // cwmp.downloadSuccessOnTimeout: as if the CPE had reported success
                        LOG.warn("{} {}: {} timed out; taken as completed (cwmp.downloadSuccessOnTimeout); "
                                + "commandKey=\"{}\"", remoteAddress, deviceId(), op.name(), op.commandKey());
                        files.add(new CpeReports(services, deviceId(), remoteAddress, sessionStart, clock).transferComplete(
                                new TransferComplete(op.commandKey(), new org.cwmpacs.soap.message.FaultStruct(0, ""),
                                        "", "")));
                        continue;
                    }
                    fault(op.channel(), Fault.TIMEOUT, op.name() + " not completed within "
                            + downloadTimeout().toSeconds() + " s" + (op.window().isZero() ? "" : " after its last "
                            + "time window") + " (command key " + op.commandKey() + ")",
                            Map.of());
                    services.operations().delete(op.id());
                }
                if (discovery && retryDue(DISCOVERY_CHANNEL, now)) {
                    queue.add(new Work(DISCOVERY_CHANNEL, Optional.empty(),
                            new ArrayList<>(List.of(new Declaration.Fresh("", true, sessionStart)))));
                }
                for (Task task : due) {
                    if (task.expired(now)) {
                        LOG.info("{} {}: Task expired unrun; task=\"{}\" name=\"{}\"", remoteAddress, deviceId(),
                                task.id(), task.name());
                        tasksDone.add(task.id());
                        continue;
                    }
                    if (!retryDue(task.channel(), now)) {
                        continue;
                    }
                    Work work = new Work(task.channel(), Optional.of(task), new ArrayList<>());
                    queue.add(work);
                    if (TaskDeclarations.asProvisions(task.spec()).isEmpty()) {
                        files.add(resolveFile(task).thenAccept(file -> work.declarations.addAll(
                                TaskDeclarations.of(task, sessionStart, file, fileServer))));
                    }
                }
                if (queue.isEmpty() && !anyPreset) {
                    return CompletableFuture.allOf(files.toArray(CompletableFuture[]::new));
                }
                CompletableFuture<Optional<org.cwmpacs.core.store.DeviceStore.SessionDevice>> device =
                        services.devices().loadForSession(deviceId());
                CompletableFuture<CpeProfile> profile = services.profiles().of(inform.identity().oui(),
                        inform.identity().productClass());
                files.add(device.thenAcceptBoth(profile, (loaded, kind) -> {
                    Optional<Device> d = loaded.map(org.cwmpacs.core.store.DeviceStore.SessionDevice::device);
                    Map<String, ParameterAttributes> tags = new HashMap<>();
                    for (String tag : d.map(Device::tags).orElse(List.of())) {
                        tags.put("Tags." + org.cwmpacs.core.expression.TagNames.encode(tag),
                                ParameterAttributes.leaf(Boolean.TRUE, "xsd:boolean", sessionStart).withWritable(true));
                    }
                    Optional<org.cwmpacs.core.device.TreeSource> lazy = loaded.flatMap(
                            org.cwmpacs.core.store.DeviceStore.SessionDevice::lazyTree);
                    DeviceTree tree;
                    if (lazy.isPresent()) {
                        tree = new DeviceTree(lazy.get(), tags);
                    } else {
                        Map<String, ParameterAttributes> params = new java.util.TreeMap<>(
                                d.<Map<String, ParameterAttributes>>map(Device::parameters).orElse(Map.of()));
                        params.putAll(tags);
                        tree = new DeviceTree(params);
                    }
                    planner = new Planner(deviceId(), tree, kind, clock::instant);
                    planner.skipWritableCheck(config().flag(
                            org.cwmpacs.core.config.DeviceConfig.SKIP_WRITABLE_CHECK, false));
                    boolean registered = d.flatMap(Device::registered).map(sessionStart::equals).orElse(true);
                    startProvisioning(snapshot.join(), registered);
                }));
                return CompletableFuture.allOf(files.toArray(CompletableFuture[]::new));
            });
        });
    }

    /**
     * Tasks run as provisions get theirs; the presets run after the tasks, once per session (GenieACS's
     * order).
     */
    private void startProvisioning(org.cwmpacs.core.preset.PresetSource.Snapshot snapshot, boolean registered) {
        if (services.provisioning().scripts().isEmpty()) {
            for (Work w : queue) {
                w.task.filter(t -> !TaskDeclarations.asProvisions(t.spec()).isEmpty()).ifPresent(t ->
                        fault(w.channel, "provisions", "Provisions cannot run: this server has no script engine",
                                Map.of()));
            }
            queue.removeIf(w -> w.task.filter(t -> !TaskDeclarations.asProvisions(t.spec()).isEmpty()).isPresent());
            return;
        }
        ProvisioningSession session = ProvisioningSession.start(inform, registered, planner, snapshot,
                services.provisioning().scripts().get(), channel -> retryDue(channel, clock.instant()), this::downloadFor,
                new org.cwmpacs.core.provision.PresetRun.Channels() {
                    @Override
                    public void fault(String channel, String code, String message, Map<String, Object> detail,
                                      List<List<Object>> provisions) {
                        SessionDriver.this.fault(channel, code, message, detail, Optional.of(provisions));
                    }

                    @Override
                    public void done(String channel) {
                        channelDone(channel);
                    }
                }, services.provisioning().extensions(), 2 * config().integer(
                        org.cwmpacs.core.config.DeviceConfig.MAX_COMMIT_ITERATIONS,
                        org.cwmpacs.core.provision.PresetRun.MAX_COMMITS / 2));
        resolver = session.resolver();
        for (Work w : queue) {
            List<List<Object>> provisions = w.task.map(t -> TaskDeclarations.asProvisions(t.spec())).orElse(List.of());
            if (!provisions.isEmpty()) {
                w.run = session.forTask(snapshot, services.provisioning().scripts().get(), w.channel, provisions);
            }
        }
        if (session.presets().hasWork()) {
            Work presetWork = new Work(PRESETS, Optional.empty(), new ArrayList<>());
            presetWork.run = session.presets();
            queue.add(presetWork);
        }
    }

    /** The Download a provision's {@code download(fileType, fileName, targetFileName)} sends. */
    private AcsRequest downloadFor(List<String> spec) {
        String name = spec.get(1);
        Optional<StoredFile> file = filesByName.computeIfAbsent(name, n -> {
            // rare (a preset pushing a file) and on a worker thread: the lookup is waited for
            try {
                return services.files().find(n).get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("{} {}: file \"{}\" not looked up ({}); the Download is sent without its size", remoteAddress,
                        deviceId(), n, e.toString());
                return Optional.empty();
            }
        });
        TaskSpec.Download d = new TaskSpec.Download(Optional.of(name), Optional.of(spec.get(0)).filter(t -> !t.isEmpty()),
                Optional.of(name), Optional.empty(), spec.get(2), "", "", Optional.empty(), 0, "", "", Optional.empty());
        return TaskDeclarations.download(new Task("acs-" + Long.toHexString(sessionStart.toEpochMilli()), deviceId(),
                sessionStart, Optional.empty(), d, Map.of()), d, file, fileServer);
    }

    private CompletableFuture<Optional<StoredFile>> resolveFile(Task task) {
        TaskSpec spec = task.spec() instanceof TaskSpec.ScheduleDownload
                ? ((TaskSpec.ScheduleDownload) task.spec()).transfer() : task.spec();
        if (spec instanceof TaskSpec.Download && ((TaskSpec.Download) spec).file().isPresent()) {
            String name = ((TaskSpec.Download) spec).file().get();
            return services.files().find(name).thenApply(found -> {
                if (found.isEmpty()) {
                    LOG.warn("{} {}: download task {} names file \"{}\", which is not stored; the Download is sent "
                            + "without its size", remoteAddress, deviceId(), task.id(), name);
                }
                return found;
            });
        }
        return CompletableFuture.completedFuture(Optional.empty());
    }

    private void channelDone(String channel) {
        if (knownFaults.containsKey(channel)) {
            faultsToDelete.add(deviceId() + ":" + channel);
            knownFaults.remove(channel);
        }
        faultsToSave.remove(channel);
    }

    private boolean retryDue(String channel, Instant now) {
        Fault fault = knownFaults.get(channel);
        return fault == null || !now.isBefore(fault.retryAt(retryDelay()));
    }

    /** The next request for the CPE, or empty when the ACS has nothing more to ask. */
    public synchronized Optional<AcsRequest> next() {
        while (true) {
            if (current == null) {
                current = queue.poll();
                if (current == null) {
                    return Optional.empty();
                }
            }
            if (current.presets()) {
                current.declarations = current.run.declarations(resolver);
            }
            Optional<AcsRequest> request = planner.next(current.declarations);
            Optional<Planner.Failed> refused = planner.takeRefusal();
            if (refused.isPresent()) {
                if (current.presets()) {
                    current.run.failActive(refused.get().code(), refused.get().message(), refused.get().detail());
                    continue;
                }
                fault(current.channel, refused.get().code(), refused.get().message(), refused.get().detail());
                current = null;
                continue;
            }
            if (request.isEmpty()) {
                if (current.presets() && current.run.advance()) {
                    continue;
                }
                completed(current);
                current = null;
                continue;
            }
            if (rpcs >= services.config().maxRpcsPerSession()) {
                String why = "More than " + services.config().maxRpcsPerSession() + " RPCs in one session";
                if (current.presets()) {
                    current.run.failActive(Fault.TOO_MANY_RPCS, why, Map.of());
                } else {
                    fault(current.channel, Fault.TOO_MANY_RPCS, why, Map.of());
                }
                current = null;
                queue.clear();
                return Optional.empty();
            }
            rpcs++;
            return request;
        }
    }

    /** The CPE's answer (a response or a SOAP fault) to the last request of {@link #next}. */
    public synchronized void onResponse(CwmpMessage response) {
        if (current == null) {
            return;
        }
        Optional<String> invalid = ResponseLimits.problem(response, services.config().maxResponseParameters());
        if (invalid.isPresent()) {
            LOG.warn("{}: {} refused: {}", deviceId(), response.methodName(), invalid.get());
            invalidResponse(invalid.get());
            return;
        }
        Planner.Outcome outcome = planner.onResponse(response, current.declarations);
        if (outcome instanceof Planner.Failed) {
            Planner.Failed failed = (Planner.Failed) outcome;
            if (current.presets()) {
                // the channels whose work was asked for fault; the other channels go on
                current.run.failActive(failed.code(), failed.message(), failed.detail());
                return;
            }
            fault(current.channel, failed.code(), failed.message(), failed.detail());
            current = null;
        } else if (outcome instanceof Planner.CommandDone) {
            commandDone((Planner.CommandDone) outcome);
        }
    }

    /** The CPE's answer cannot be taken (e.g. its cwmp:ID names another request): the running work faults. */
    public synchronized void invalidResponse(String why) {
        if (current == null) {
            return;
        }
        planner.abandon();
        if (current.presets()) {
            current.run.failActive(Fault.INVALID_RESPONSE, why, Map.of());
            return;
        }
        fault(current.channel, Fault.INVALID_RESPONSE, why, Map.of());
        current = null;
    }

    /** RPCs sent so far in this session. */
    public int rpcCount() {
        return rpcs;
    }

    private void commandDone(Planner.CommandDone done) {
        CommandResults.Recorded recorded = CommandResults.record(done, planner.tree(), deviceId(),
                remoteAddress + " " + deviceId(), current.channel, clock.instant());
        operationsToSave.addAll(recorded.started());
        operationsToDelete.addAll(recorded.cancelled());
    }

    private void completed(Work work) {
        if (work.presets() && (work.task.isEmpty() || work.run.faulted())) {
            // the presets' channels, and a task's faulted provisions, were settled by the run itself
            return;
        }
        if (work.task.isPresent()) {
            Task task = work.task.get();
            tasksDone.add(task.id());
            LOG.info("{} {}: Task completed; task=\"{}\" name=\"{}\"", remoteAddress, deviceId(), task.id(), task.name());
        } else {
            // the root's _timestamp: the whole tree has been listed and read
            Instant now = clock.instant();
            DeviceTree tree = planner.tree();
            tree.put("", tree.get("").orElse(ParameterAttributes.NONE).withTimestamp(now));
            LOG.info("{} {}: Discovery completed; parameters={} rpcs={}", remoteAddress, deviceId(),
                    tree.leaves("").size(), rpcs);
        }
        if (knownFaults.containsKey(work.channel)) {
            faultsToDelete.add(deviceId() + ":" + work.channel);
            knownFaults.remove(work.channel);
        }
        faultsToSave.remove(work.channel);
    }

    private void fault(String channel, String code, String message, Map<String, Object> detail) {
        fault(channel, code, message, detail, Optional.empty());
    }

    private void fault(String channel, String code, String message, Map<String, Object> detail,
                       Optional<List<List<Object>>> presetProvisions) {
        Instant now = clock.instant();
        Fault previous = faultsToSave.getOrDefault(channel, knownFaults.get(channel));
        Optional<Instant> expiry = queue.stream().filter(w -> w.channel.equals(channel)).findFirst()
                .or(() -> Optional.ofNullable(current).filter(w -> w.channel.equals(channel)))
                .flatMap(w -> w.task).flatMap(Task::expiry);
        List<List<Object>> provisions = presetProvisions.orElseGet(() -> queue.stream()
                .filter(w -> w.channel.equals(channel)).findFirst()
                .or(() -> Optional.ofNullable(current).filter(w -> w.channel.equals(channel)))
                .map(w -> w.task.map(t -> org.cwmpacs.core.task.TaskProvisions.of(t.spec()))
                        .orElse(List.of(List.of("refresh", ""))))
                .orElse(List.of()));
        Fault fault = (previous == null ? new Fault(deviceId(), channel, now, code, message, detail, 0, expiry)
                : previous.next(now, code, message, detail)).withProvisions(provisions);
        faultsToSave.put(channel, fault);
        faultsToDelete.remove(fault.id());
        LOG.warn("{} {}: Channel has faulted; channel=\"{}\" retries={} faultCode=\"{}\" faultMessage=\"{}\"",
                remoteAddress, deviceId(), channel, fault.retries(), code, message);
    }

    /**
     * Writes what the session learned and decided. {@code terminated}: the session ended before the ACS was
     * done (timeout, a new Inform); the running work faults {@code session_terminated}.
     */
    public synchronized CompletableFuture<Void> finish(boolean terminated) {
        if (finished) {
            return CompletableFuture.completedFuture(null);
        }
        finished = true;
        boolean learned = terminated && planner != null && planner.sessionDied();
        if (terminated && current != null && !learned) {
            String why = "The session ended before " + current.label() + " was done";
            if (current.presets()) {
                current.run.terminated(why);
            } else {
                fault(current.channel, Fault.SESSION_TERMINATED, why, Map.of());
            }
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        if (planner != null) {
            TreeChanges changes = planner.tree().drainChanges();
            TagChanges tags = TagChanges.split(changes);
            if (!tags.parameters().isEmpty()) {
                writes.add(services.devices().apply(deviceId(), tags.parameters()));
            }
            if (!tags.isEmpty()) {
                writes.add(services.devices().tags(deviceId(), tags.added(), tags.removed()));
            }
        }
        for (String id : tasksDone) {
            writes.add(services.tasks().delete(id));
        }
        for (Fault f : faultsToSave.values()) {
            writes.add(services.faults().save(f));
        }
        for (String id : faultsToDelete) {
            writes.add(services.faults().delete(id));
        }
        for (Operation op : operationsToSave) {
            writes.add(services.operations().save(op));
        }
        for (String id : operationsToDelete) {
            writes.add(services.operations().delete(id));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }
}
