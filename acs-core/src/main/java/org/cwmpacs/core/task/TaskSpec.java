package org.cwmpacs.core.task;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a task asks of a device: GenieACS's task names and fields, plus the RPCs GenieACS has no task for.
 * Values of parameters are kept as the task gave them (String, Long, Double, Boolean or Instant).
 */
public sealed interface TaskSpec {
    /** GenieACS's task name ({@code getParameterValues}, ...). */
    String name();

    /** One {@code [name, value, type?]} entry of a setParameterValues or addObject task. */
    record ParameterValue(String name, Object value, Optional<String> type) {
        public ParameterValue {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
        }
    }

    /** One entry of a setParameterAttributes task. */
    record AttributeChange(String name, Optional<Integer> notification, Optional<List<String>> accessList) {
        public AttributeChange {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(notification, "notification");
            accessList = accessList.map(List::copyOf);
        }
    }

    record GetParameterValues(List<String> parameterNames) implements TaskSpec {
        public GetParameterValues {
            parameterNames = List.copyOf(parameterNames);
        }

        public String name() {
            return "getParameterValues";
        }
    }

    record SetParameterValues(List<ParameterValue> parameterValues) implements TaskSpec {
        public SetParameterValues {
            parameterValues = List.copyOf(parameterValues);
        }

        public String name() {
            return "setParameterValues";
        }
    }

    /** {@code objectName} "" is the whole tree. */
    record RefreshObject(String objectName) implements TaskSpec {
        public RefreshObject {
            Objects.requireNonNull(objectName, "objectName");
        }

        public String name() {
            return "refreshObject";
        }
    }

    /** Adds one instance to the table {@code objectName} and sets its {@code parameterValues} (relative names). */
    record AddObject(String objectName, List<ParameterValue> parameterValues) implements TaskSpec {
        public AddObject {
            Objects.requireNonNull(objectName, "objectName");
            parameterValues = List.copyOf(parameterValues);
        }

        public String name() {
            return "addObject";
        }
    }

    record DeleteObject(String objectName) implements TaskSpec {
        public DeleteObject {
            Objects.requireNonNull(objectName, "objectName");
        }

        public String name() {
            return "deleteObject";
        }
    }

    record Reboot(Optional<String> commandKey) implements TaskSpec {
        public Reboot {
            Objects.requireNonNull(commandKey, "commandKey");
        }

        public String name() {
            return "reboot";
        }
    }

    record FactoryReset() implements TaskSpec {
        public String name() {
            return "factoryReset";
        }
    }

    /**
     * A Download. {@code file} names a stored file (its type, size and the file server's URL are taken from
     * it); otherwise {@code url} or {@code fileName} (served by the file server) says where the CPE fetches it.
     */
    record Download(Optional<String> file, Optional<String> fileType, Optional<String> fileName,
                    Optional<String> url, String targetFileName, String username, String password,
                    Optional<Long> fileSize, long delaySeconds, String successUrl, String failureUrl,
                    Optional<String> commandKey) implements TaskSpec {
        public Download {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(fileType, "fileType");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(targetFileName, "targetFileName");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(fileSize, "fileSize");
            Objects.requireNonNull(successUrl, "successUrl");
            Objects.requireNonNull(failureUrl, "failureUrl");
            Objects.requireNonNull(commandKey, "commandKey");
        }

        public String name() {
            return "download";
        }
    }

    record Upload(String fileType, String url, String username, String password, long delaySeconds,
                  Optional<String> commandKey) implements TaskSpec {
        public Upload {
            Objects.requireNonNull(fileType, "fileType");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(commandKey, "commandKey");
        }

        public String name() {
            return "upload";
        }
    }

    record ScheduleInform(long delaySeconds, Optional<String> commandKey) implements TaskSpec {
        public ScheduleInform {
            Objects.requireNonNull(commandKey, "commandKey");
        }

        public String name() {
            return "scheduleInform";
        }
    }

    record GetParameterAttributes(List<String> parameterNames) implements TaskSpec {
        public GetParameterAttributes {
            parameterNames = List.copyOf(parameterNames);
        }

        public String name() {
            return "getParameterAttributes";
        }
    }

    record SetParameterAttributes(List<AttributeChange> parameterAttributes) implements TaskSpec {
        public SetParameterAttributes {
            parameterAttributes = List.copyOf(parameterAttributes);
        }

        public String name() {
            return "setParameterAttributes";
        }
    }

    record GetRPCMethods() implements TaskSpec {
        public String name() {
            return "getRPCMethods";
        }
    }

    /** One time window of a scheduleDownload: seconds from when the CPE accepts it (CWMP A.4.1.8). */
    record TimeWindow(long windowStart, long windowEnd, String windowMode, String userMessage, int maxRetries) {
        public TimeWindow {
            Objects.requireNonNull(windowMode, "windowMode");
            Objects.requireNonNull(userMessage, "userMessage");
        }
    }

    /**
     * A ScheduleDownload: the file as a download task names it ({@code transfer}; its delay and success and
     * failure URLs are not part of this RPC), fetched within one or two time windows.
     */
    record ScheduleDownload(Download transfer, List<TimeWindow> timeWindows) implements TaskSpec {
        public ScheduleDownload {
            Objects.requireNonNull(transfer, "transfer");
            timeWindows = List.copyOf(timeWindows);
        }

        public String name() {
            return "scheduleDownload";
        }
    }

    record CancelTransfer(String commandKey) implements TaskSpec {
        public CancelTransfer {
            Objects.requireNonNull(commandKey, "commandKey");
        }

        public String name() {
            return "cancelTransfer";
        }
    }

    record GetQueuedTransfers() implements TaskSpec {
        public String name() {
            return "getQueuedTransfers";
        }
    }

    record GetAllQueuedTransfers() implements TaskSpec {
        public String name() {
            return "getAllQueuedTransfers";
        }
    }

    /**
     * One operation of a changeDUState. {@code type}: {@code install} (needs url), {@code update} (uuid or
     * url) or {@code uninstall} (needs uuid); empty fields are left out of the RPC.
     */
    record DuOperation(String type, String url, String uuid, String version, String username, String password,
                       String executionEnvRef) {
        public DuOperation {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(executionEnvRef, "executionEnvRef");
        }
    }

    record ChangeDUState(List<DuOperation> operations, Optional<String> commandKey) implements TaskSpec {
        public ChangeDUState {
            operations = List.copyOf(operations);
            Objects.requireNonNull(commandKey, "commandKey");
        }

        public String name() {
            return "changeDUState";
        }
    }

    /** Option vouchers, each as its base64 text. */
    record SetVouchers(List<String> vouchers) implements TaskSpec {
        public SetVouchers {
            vouchers = List.copyOf(vouchers);
        }

        public String name() {
            return "setVouchers";
        }
    }

    /** {@code optionName} "" asks for every option. */
    record GetOptions(String optionName) implements TaskSpec {
        public GetOptions {
            Objects.requireNonNull(optionName, "optionName");
        }

        public String name() {
            return "getOptions";
        }
    }

    /**
     * GenieACS's {@code provisions} task: named provisions (built-in or stored scripts), each
     * {@code [name, arg…]} with arguments as JSON gives them (texts, numbers, booleans, null).
     */
    record Provisions(List<List<Object>> provisions) implements TaskSpec {
        public Provisions {
            provisions = provisions.stream().map(p -> java.util.Collections.unmodifiableList(
                    new java.util.ArrayList<>(p))).toList();
        }

        public String name() {
            return "provisions";
        }
    }
}
