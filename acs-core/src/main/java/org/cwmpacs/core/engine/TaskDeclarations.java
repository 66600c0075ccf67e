package org.cwmpacs.core.engine;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cwmpacs.core.auth.CpeCredentials;
import org.cwmpacs.core.store.FileCatalog.StoredFile;
import org.cwmpacs.core.task.Task;
import org.cwmpacs.core.task.TaskSpec;
import org.cwmpacs.soap.message.CancelTransfer;
import org.cwmpacs.soap.message.ChangeDUState;
import org.cwmpacs.soap.message.Download;
import org.cwmpacs.soap.message.GetAllQueuedTransfers;
import org.cwmpacs.soap.message.GetOptions;
import org.cwmpacs.soap.message.GetQueuedTransfers;
import org.cwmpacs.soap.message.OperationStruct;
import org.cwmpacs.soap.message.ScheduleDownload;
import org.cwmpacs.soap.message.SetVouchers;
import org.cwmpacs.soap.message.TimeWindowStruct;
import org.cwmpacs.soap.message.FactoryReset;
import org.cwmpacs.soap.message.GetRPCMethods;
import org.cwmpacs.soap.message.Reboot;
import org.cwmpacs.soap.message.ScheduleInform;
import org.cwmpacs.soap.message.Upload;

/** What each task declares (GenieACS's task → provision mapping, and the RPC tasks GenieACS lacks). */
final class TaskDeclarations {
    private TaskDeclarations() {
    }

    /**
     * @param file the stored file a download task names, if found
     * @param fileServer the file server's base URL, ending with a slash
     */
    static List<Declaration> of(Task task, Instant sessionStart, Optional<StoredFile> file, String fileServer) {
        List<Declaration> result = new ArrayList<>();
        TaskSpec spec = task.spec();
        if (spec instanceof TaskSpec.GetParameterValues) {
            for (String name : ((TaskSpec.GetParameterValues) spec).parameterNames()) {
                result.add(new Declaration.Fresh(name, true, sessionStart));
            }
        } else if (spec instanceof TaskSpec.SetParameterValues) {
            for (TaskSpec.ParameterValue v : ((TaskSpec.SetParameterValues) spec).parameterValues()) {
                result.add(new Declaration.Value(Planner.strip(v.name()), v.value(), v.type()));
            }
        } else if (spec instanceof TaskSpec.RefreshObject) {
            result.add(new Declaration.Fresh(((TaskSpec.RefreshObject) spec).objectName(), true, sessionStart));
        } else if (spec instanceof TaskSpec.AddObject) {
            TaskSpec.AddObject add = (TaskSpec.AddObject) spec;
            result.add(new Declaration.NewInstance(add.objectName(), add.parameterValues()));
        } else if (spec instanceof TaskSpec.DeleteObject) {
            result.add(new Declaration.NoInstance(((TaskSpec.DeleteObject) spec).objectName()));
        } else if (spec instanceof TaskSpec.Reboot) {
            result.add(new Declaration.Command(new Reboot(((TaskSpec.Reboot) spec).commandKey().orElse(task.id()))));
        } else if (spec instanceof TaskSpec.FactoryReset) {
            result.add(new Declaration.Command(new FactoryReset()));
        } else if (spec instanceof TaskSpec.Download) {
            result.add(new Declaration.Command(download(task, (TaskSpec.Download) spec, file, fileServer)));
        } else if (spec instanceof TaskSpec.Upload) {
            TaskSpec.Upload u = (TaskSpec.Upload) spec;
            result.add(new Declaration.Command(new Upload(u.commandKey().orElse(task.id()), u.fileType(), u.url(),
                    u.username(), u.password(), u.delaySeconds())));
        } else if (spec instanceof TaskSpec.ScheduleInform) {
            TaskSpec.ScheduleInform s = (TaskSpec.ScheduleInform) spec;
            result.add(new Declaration.Command(new ScheduleInform(s.delaySeconds(), s.commandKey().orElse(task.id()))));
        } else if (spec instanceof TaskSpec.GetParameterAttributes) {
            for (String name : ((TaskSpec.GetParameterAttributes) spec).parameterNames()) {
                result.add(new Declaration.FreshAttributes(name, sessionStart));
            }
        } else if (spec instanceof TaskSpec.SetParameterAttributes) {
            for (TaskSpec.AttributeChange a : ((TaskSpec.SetParameterAttributes) spec).parameterAttributes()) {
                result.add(new Declaration.Attributes(a.name(), a.notification(), a.accessList()));
            }
        } else if (spec instanceof TaskSpec.GetRPCMethods) {
            result.add(new Declaration.Command(new GetRPCMethods()));
        } else {
            laterRpc(task, file, fileServer).ifPresent(request -> result.add(new Declaration.Command(request)));
        }
        return result;
    }

    /** The RPCs of CWMP 1.1 and later that GenieACS has no task for. */
    private static Optional<org.cwmpacs.soap.message.AcsRequest> laterRpc(Task task, Optional<StoredFile> file,
                                                                       String fileServer) {
        TaskSpec spec = task.spec();
        if (spec instanceof TaskSpec.ScheduleDownload) {
            TaskSpec.ScheduleDownload s = (TaskSpec.ScheduleDownload) spec;
            Download d = download(task, s.transfer(), file, fileServer);
            return Optional.of(new ScheduleDownload(d.commandKey(), d.fileType(), d.url(), d.username(), d.password(),
                    d.fileSize(), d.targetFileName(), s.timeWindows().stream().map(w -> new TimeWindowStruct(
                            w.windowStart(), w.windowEnd(), w.windowMode(), w.userMessage(), w.maxRetries())).toList()));
        } else if (spec instanceof TaskSpec.CancelTransfer) {
            return Optional.of(new CancelTransfer(((TaskSpec.CancelTransfer) spec).commandKey()));
        } else if (spec instanceof TaskSpec.GetQueuedTransfers) {
            return Optional.of(new GetQueuedTransfers());
        } else if (spec instanceof TaskSpec.GetAllQueuedTransfers) {
            return Optional.of(new GetAllQueuedTransfers());
        } else if (spec instanceof TaskSpec.ChangeDUState) {
            TaskSpec.ChangeDUState c = (TaskSpec.ChangeDUState) spec;
            List<OperationStruct> operations = new ArrayList<>();
            for (TaskSpec.DuOperation op : c.operations()) {
                operations.add(switch (op.type()) {
                    case "install" -> OperationStruct.install(op.url(), op.uuid(), op.username(), op.password(),
                            op.executionEnvRef());
                    case "update" -> OperationStruct.update(op.uuid(), op.version(), op.url(), op.username(),
                            op.password());
                    default -> OperationStruct.uninstall(op.uuid(), op.version(), op.executionEnvRef());
                });
            }
            return Optional.of(new ChangeDUState(operations, c.commandKey().orElse(task.id())));
        } else if (spec instanceof TaskSpec.SetVouchers) {
            return Optional.of(new SetVouchers(((TaskSpec.SetVouchers) spec).vouchers()));
        } else if (spec instanceof TaskSpec.GetOptions) {
            return Optional.of(new GetOptions(((TaskSpec.GetOptions) spec).optionName()));
        }
        return Optional.empty();
    }

    /**
     * The provisions a task runs as, when it runs through the provisioning engine: a {@code provisions} task,
     * and reads or writes of virtual parameters (computed by scripts); empty for the rest, which the planner
     * does directly.
     */
    static List<List<Object>> asProvisions(TaskSpec spec) {
        if (spec instanceof TaskSpec.Provisions) {
            return ((TaskSpec.Provisions) spec).provisions();
        }
        boolean virtual = false;
        if (spec instanceof TaskSpec.GetParameterValues) {
            virtual = ((TaskSpec.GetParameterValues) spec).parameterNames().stream().anyMatch(TaskDeclarations::virtual);
        } else if (spec instanceof TaskSpec.SetParameterValues) {
            virtual = ((TaskSpec.SetParameterValues) spec).parameterValues().stream()
                    .anyMatch(v -> virtual(v.name()));
        } else if (spec instanceof TaskSpec.RefreshObject) {
            String name = ((TaskSpec.RefreshObject) spec).objectName();
            virtual = virtual(name) || name.isEmpty();
            if (name.isEmpty()) {
                // the whole tree: the planner reads the CPE's part, no need for the provisions engine
                virtual = false;
            }
        }
        return virtual ? org.cwmpacs.core.task.TaskProvisions.of(spec) : List.of();
    }

    private static boolean virtual(String path) {
        return path.equals("VirtualParameters") || path.startsWith("VirtualParameters.");
    }

    /** All ten fields: what the task gives, else what the stored file says, else empty. */
    static Download download(Task task, TaskSpec.Download d, Optional<StoredFile> file, String fileServer) {
        String fileType = d.fileType().or(() -> file.map(StoredFile::fileType)).orElse("1 Firmware Upgrade Image");
        String name = d.fileName().or(() -> file.map(StoredFile::name)).or(d::file).orElse("");
        String url = d.url().orElseGet(() -> fileServer + encodePath(name));
        long size = d.fileSize().or(() -> file.map(StoredFile::length)).orElse(0L);
        // a file the file server guards: the CPE needs its credentials unless the task gives others
        CpeCredentials given = new CpeCredentials(d.username(), d.password());
        CpeCredentials sent = d.username().isEmpty() && d.url().isEmpty()
                ? file.flatMap(StoredFile::credentials).orElse(given) : given;
        return new Download(d.commandKey().orElse(task.id()), fileType, url, sent.username(), sent.password(), size,
                d.targetFileName(), d.delaySeconds(), d.successUrl(), d.failureUrl());
    }

    /** As JavaScript's encodeURI does for a file name: unreserved characters stay, the rest is escaped. */
    static String encodePath(String name) {
        try {
            return new URI(null, null, name, null).getRawPath();
        } catch (java.net.URISyntaxException e) {
            return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
