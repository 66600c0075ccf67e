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
