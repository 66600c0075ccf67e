package org.cwmpacs.core.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cwmpacs.core.fault.Fault;
import org.cwmpacs.core.transfer.Operation;
import org.cwmpacs.soap.message.AutonomousDUStateChangeComplete;
import org.cwmpacs.soap.message.AutonomousDUStateChangeCompleteResponse;
import org.cwmpacs.soap.message.AutonomousTransferComplete;
import org.cwmpacs.soap.message.AutonomousTransferCompleteResponse;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.cwmpacs.soap.message.CwmpMessage;
import org.cwmpacs.soap.message.DUStateChangeComplete;
import org.cwmpacs.soap.message.DUStateChangeCompleteResponse;
import org.cwmpacs.soap.message.GetRPCMethods;
import org.cwmpacs.soap.message.GetRPCMethodsResponse;
import org.cwmpacs.soap.message.Kicked;
import org.cwmpacs.soap.message.KickedResponse;
import org.cwmpacs.soap.message.OpResultStruct;
import org.cwmpacs.soap.message.RequestDownload;
import org.cwmpacs.soap.message.RequestDownloadResponse;
import org.cwmpacs.soap.message.SoapFault;
import org.cwmpacs.soap.message.TransferComplete;
import org.cwmpacs.soap.message.TransferCompleteResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests a CPE sends the ACS after its Inform: what each reports is stored, then it is answered (a
 * CPE that gets no answer reports again, so nothing is lost when the store fails).
 */
public final class CpeReports {
    private static final Logger LOG = LoggerFactory.getLogger("cwmp");
    /** The ACS methods we answer; GetRPCMethods from a CPE gets this list. */
    static final List<String> ACS_METHODS = List.of("Inform", "GetRPCMethods", "TransferComplete",
            "AutonomousTransferComplete", "DUStateChangeComplete", "AutonomousDUStateChangeComplete",
            "RequestDownload", "Kicked");

    private final EngineServices services;
    private final String deviceId;
    private final String who;
    private final Instant sessionStart;
    private final Clock clock;

    /** @param sessionStart the time of the session's Inform: work queued for this session is due from it */
    public CpeReports(EngineServices services, String deviceId, String remoteAddress, Instant sessionStart,
                      Clock clock) {
        this.services = services;
        this.deviceId = deviceId;
        this.who = remoteAddress + " " + deviceId;
        this.sessionStart = sessionStart;
        this.clock = clock;
    }

    /**
     * The answer to {@code request} once what it reports is stored; empty for a method the ACS does not
     * take (the caller answers fault 8000).
     */
    public Optional<CompletableFuture<CwmpMessage>> answer(CwmpMessage request) {
        Optional<String> tooMuch = ReportLimits.problem(request);
        if (tooMuch.isPresent()) {
            LOG.warn("{}: {} refused, nothing of it stored: {}", who, request.methodName(), tooMuch.get());
            return Optional.of(CompletableFuture.completedFuture(SoapFault.of(8003, "Invalid arguments: "
                    + tooMuch.get())));
        }
        if (request instanceof TransferComplete) {
            TransferComplete tc = (TransferComplete) request;
            LOG.info("{}: CPE request; cpeRequestName=\"TransferComplete\" commandKey=\"{}\" faultCode={}", who,
                    tc.commandKey(), tc.faultStruct().faultCode());
            return Optional.of(transferComplete(tc).thenApply(stored -> new TransferCompleteResponse()));
        }
        if (request instanceof DUStateChangeComplete) {
            DUStateChangeComplete dsc = (DUStateChangeComplete) request;
            LOG.info("{}: CPE request; cpeRequestName=\"DUStateChangeComplete\" commandKey=\"{}\" results={}", who,
                    dsc.commandKey(), dsc.results().size());
            return Optional.of(duStateChangeComplete(dsc).thenApply(stored -> new DUStateChangeCompleteResponse()));
        }
        if (!ACS_METHODS.contains(request.methodName()) || "Inform".equals(request.methodName())) {
            // a second Inform in a session is not a report either
            LOG.warn("{}: Method not supported; cpeRequestName=\"{}\"", who, request.methodName());
            return Optional.empty();
        }
        LOG.info("{}: CPE request; cpeRequestName=\"{}\"", who, request.methodName());
        Instant now = clock.instant();
        DeviceTree changes = new DeviceTree(Map.of());
        CwmpMessage answer;
        if (request instanceof GetRPCMethods) {
            return Optional.of(CompletableFuture.completedFuture(new GetRPCMethodsResponse(ACS_METHODS)));
        } else if (request instanceof AutonomousTransferComplete) {
            TransferRecords.autonomous(changes, (AutonomousTransferComplete) request, now);
            answer = new AutonomousTransferCompleteResponse();
        } else if (request instanceof AutonomousDUStateChangeComplete) {
            List<org.cwmpacs.soap.message.AutonOpResultStruct> results =
                    ((AutonomousDUStateChangeComplete) request).results();
            DeviceRecords.autonomousDuStateChange(changes, results, now);
            return Optional.of(services.devices().apply(deviceId, changes.drainChanges())
                    .thenCompose(stored -> refreshSoftwareModules(results.stream()
                            .map(org.cwmpacs.soap.message.AutonOpResultStruct::deploymentUnitRef).toList()))
                    .thenApply(queued -> new AutonomousDUStateChangeCompleteResponse()));
        } else if (request instanceof RequestDownload) {
            DeviceRecords.requestDownload(changes, (RequestDownload) request, now);
            answer = new RequestDownloadResponse();
        } else if (request instanceof Kicked) {
            Kicked k = (Kicked) request;
            String next = services.config().kickedNextUrl().isEmpty() ? k.next() : services.config().kickedNextUrl();
            DeviceRecords.kicked(changes, k, next, now);
            answer = new KickedResponse(next);
        } else {
            return Optional.empty();
        }
        return Optional.of(services.devices().apply(deviceId, changes.drainChanges()).thenApply(stored -> answer));
    }

    /** The outcome of a transfer an earlier (or this) session started. */
    public CompletableFuture<Void> transferComplete(TransferComplete tc) {
        return services.operations().find(deviceId, tc.commandKey()).thenCompose(found -> {
            if (found.isEmpty()) {
                LOG.warn("{}: TransferComplete with an unrecognised command key; commandKey=\"{}\"", who,
                        tc.commandKey());
                return CompletableFuture.completedFuture(null);
            }
            Operation op = found.get();
            Instant now = clock.instant();
            int code = tc.faultStruct().faultCode();
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            if ("Download".equals(op.name()) || Operation.SCHEDULE_DOWNLOAD.equals(op.name())) {
                DeviceTree changes = new DeviceTree(Map.of());
                TransferRecords.completed(changes, op.instance(), op.fileType(), op.fileName(), op.targetFileName(),
                        CwmpDateTime.parse(tc.startTime()).orElse(now), CwmpDateTime.parse(tc.completeTime()).orElse(now),
                        code, tc.faultStruct().faultString(), now);
                writes.add(services.devices().apply(deviceId, changes.drainChanges()));
            }
            if (code != 0) {
                writes.add(fault(op, "cwmp." + code, tc.faultStruct().faultString(), Map.of("faultCode",
                        String.valueOf(code), "faultString", tc.faultStruct().faultString())));
            } else {
                LOG.info("{}: {} completed; commandKey=\"{}\"", who, op.name(), op.commandKey());
            }
            writes.add(services.operations().delete(op.id()));
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
        });
    }

    /**
     * The results of a ChangeDUState: kept on {@code DUStateChanges.<n>}; an operation that failed faults the
     * task's channel with its fault code, as a failed transfer does.
     */
    private CompletableFuture<Void> duStateChangeComplete(DUStateChangeComplete dsc) {
        return services.operations().find(deviceId, dsc.commandKey()).thenCompose(found -> {
            if (found.isEmpty() || !Operation.CHANGE_DU_STATE.equals(found.get().name())) {
                LOG.warn("{}: DUStateChangeComplete with an unrecognised command key; commandKey=\"{}\"", who,
                        dsc.commandKey());
                return CompletableFuture.completedFuture(null);
            }
            Operation op = found.get();
            Instant now = clock.instant();
            DeviceTree changes = new DeviceTree(Map.of());
            DeviceRecords.duStateChangeCompleted(changes, op.instance(), dsc.results(), now);
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            writes.add(services.devices().apply(deviceId, changes.drainChanges()));
            Optional<OpResultStruct> failed = dsc.results().stream().filter(r -> r.fault().faultCode() != 0).findFirst();
            if (failed.isPresent()) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("faultCode", String.valueOf(failed.get().fault().faultCode()));
                detail.put("faultString", failed.get().fault().faultString());
                detail.put("uuid", failed.get().uuid());
                detail.put("failed", dsc.results().stream().filter(r -> r.fault().faultCode() != 0).count());
                detail.put("results", dsc.results().size());
                writes.add(fault(op, "cwmp." + failed.get().fault().faultCode(), failed.get().fault().faultString(),
                        detail));
            } else {
                LOG.info("{}: ChangeDUState completed; commandKey=\"{}\" results={}", who, op.commandKey(),
                        dsc.results().size());
            }
            writes.add(services.operations().delete(op.id()));
            writes.add(refreshSoftwareModules(dsc.results().stream().map(OpResultStruct::deploymentUnitRef).toList()));
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
        });
    }

    /**
     * The CPE's deployment units changed: a {@code refreshObject} task of its {@code SoftwareModules} (one per
     * device, by its uniqueKey) reads them again in this very session, which starts its ACS part after the
     * reports, so the device shows what is installed now. The data model's root is the one the results name.
     */
    private CompletableFuture<Void> refreshSoftwareModules(List<String> deploymentUnitRefs) {
        Optional<String> modules = deploymentUnitRefs.stream().map(ref -> {
            int at = ref.indexOf(".SoftwareModules.");
            return at > 0 && ref.indexOf('.') == at ? ref.substring(0, at) + ".SoftwareModules" : null;
        }).filter(java.util.Objects::nonNull).findFirst();
        if (modules.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                services.tasks().queue(deviceId, Map.of("name", "refreshObject", "objectName", modules.get(),
                        "uniqueKey", "refresh-software-modules"), sessionStart);
            } catch (org.cwmpacs.core.task.InvalidTaskException e) {
                throw new IllegalStateException(e);
            }
        }, services.provisioning().work());
    }

    private CompletableFuture<Void> fault(Operation op, String code, String message, Map<String, Object> detail) {
        Instant now = clock.instant();
        return services.faults().forDevice(deviceId).thenCompose(faults -> {
            Optional<Fault> previous = faults.stream().filter(f -> f.channel().equals(op.channel())).findFirst();
            Fault fault = previous.map(p -> p.next(now, code, message, detail))
                    .orElse(new Fault(deviceId, op.channel(), now, code, message, detail, 0, Optional.empty()));
            LOG.warn("{}: Channel has faulted; channel=\"{}\" retries={} faultCode=\"{}\" faultMessage=\"{}\"", who,
                    op.channel(), fault.retries(), fault.code(), fault.message());
            return services.faults().save(fault);
        });
    }
}
