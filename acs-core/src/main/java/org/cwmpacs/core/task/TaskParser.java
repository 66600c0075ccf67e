package org.cwmpacs.core.task;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cwmpacs.core.task.TaskSpec.AttributeChange;
import org.cwmpacs.core.task.TaskSpec.ParameterValue;

/**
 * Reads a task from its JSON (or stored document) fields and refuses what cannot run, naming the field.
 * Field names and rules are GenieACS's ({@code parameterNames}, {@code parameterValues}, {@code objectName},
 * {@code file} or {@code fileType} + {@code fileName}, ...), with the fields GenieACS lacks added.
 */
public final class TaskParser {
    /** Fields that are the task's envelope, not its arguments. */
    public static final Set<String> ENVELOPE = Set.of("_id", "device", "name", "timestamp", "expiry", "uniqueKey");

    private TaskParser() {
    }

    public static TaskSpec parse(Map<String, ?> fields) throws InvalidTaskException {
        Object name = fields.get("name");
        if (!(name instanceof String)) {
            throw new InvalidTaskException("Invalid task: \"name\" must be a task name such as \"getParameterValues\"");
        }
        switch ((String) name) {
            case "getParameterValues":
                return new TaskSpec.GetParameterValues(names(fields, "parameterNames"));
            case "setParameterValues":
                return new TaskSpec.SetParameterValues(parameterValues(fields, "parameterValues", true));
            case "refreshObject": {
                Object objectName = fields.get("objectName");
                if (!(objectName instanceof String)) {
                    throw new InvalidTaskException("Invalid task: \"objectName\" must be a string (\"\" for the whole tree)");
                }
                return new TaskSpec.RefreshObject(stripDot((String) objectName));
            }
            case "addObject":
                return new TaskSpec.AddObject(path(fields, "objectName"),
                        fields.containsKey("parameterValues") ? parameterValues(fields, "parameterValues", false) : List.of());
            case "deleteObject":
                return new TaskSpec.DeleteObject(path(fields, "objectName"));
            case "reboot":
                return new TaskSpec.Reboot(optionalString(fields, "commandKey"));
            case "factoryReset":
                return new TaskSpec.FactoryReset();
            case "download":
                return download(fields);
            case "upload":
                return new TaskSpec.Upload(requiredString(fields, "fileType"), requiredString(fields, "url"),
                        optionalString(fields, "username").orElse(""), optionalString(fields, "password").orElse(""),
                        optionalCount(fields, "delaySeconds").orElse(0L), optionalString(fields, "commandKey"));
            case "scheduleInform":
                return new TaskSpec.ScheduleInform(optionalCount(fields, "delaySeconds").orElse(0L),
                        optionalString(fields, "commandKey"));
            case "getParameterAttributes":
                return new TaskSpec.GetParameterAttributes(names(fields, "parameterNames"));
            case "setParameterAttributes":
                return new TaskSpec.SetParameterAttributes(attributeChanges(fields));
            case "getRPCMethods":
                return new TaskSpec.GetRPCMethods();
            case "provisions":
                return provisions(fields);
            case "scheduleDownload":
                return RpcTaskParser.scheduleDownload(fields);
            case "cancelTransfer":
                return RpcTaskParser.cancelTransfer(fields);
            case "getQueuedTransfers":
                return new TaskSpec.GetQueuedTransfers();
            case "getAllQueuedTransfers":
                return new TaskSpec.GetAllQueuedTransfers();
            case "changeDUState":
                return RpcTaskParser.changeDuState(fields);
            case "setVouchers":
                return RpcTaskParser.setVouchers(fields);
            case "getOptions":
                return RpcTaskParser.getOptions(fields);
            default:
                throw new InvalidTaskException("Invalid task name \"" + name + "\"; expected one of getParameterValues, "
                        + "setParameterValues, refreshObject, addObject, deleteObject, reboot, factoryReset, download, "
                        + "upload, scheduleInform, getParameterAttributes, setParameterAttributes, getRPCMethods, provisions, "
                        + "scheduleDownload, cancelTransfer, getQueuedTransfers, getAllQueuedTransfers, changeDUState, "
                        + "setVouchers, getOptions");
        }
    }

    /** {@code provisions: [["name", arg, …], …]}: each a name, then texts, numbers, booleans or nulls. */
    private static TaskSpec provisions(Map<String, ?> fields) throws InvalidTaskException {
        Object list = fields.get("provisions");
        if (!(list instanceof List) || ((List<?>) list).isEmpty()) {
            throw new InvalidTaskException("Invalid task: \"provisions\" must be a list of [name, arguments…] lists, "
                    + "e.g. [[\"refresh\", \"Device.DeviceInfo\"]]");
        }
        if (((List<?>) list).size() > 1000) {
            throw new InvalidTaskException("Invalid task: more than 1000 provisions");
        }
        List<List<Object>> out = new java.util.ArrayList<>();
        for (Object p : (List<?>) list) {
            if (!(p instanceof List) || ((List<?>) p).isEmpty() || !(((List<?>) p).get(0) instanceof String)
                    || ((String) ((List<?>) p).get(0)).isEmpty()) {
                throw new InvalidTaskException("Invalid task: each provision must be a list starting with its name, "
                        + "not " + p);
            }
            List<Object> provision = new java.util.ArrayList<>();
            for (Object a : (List<?>) p) {
                if (a != null && !(a instanceof String) && !(a instanceof Number) && !(a instanceof Boolean)) {
                    throw new InvalidTaskException("Invalid task: provision arguments must be texts, numbers, "
                            + "booleans or null, not " + a);
                }
                provision.add(a instanceof Number && !(a instanceof Double) ? ((Number) a).doubleValue() : a);
            }
            out.add(provision);
        }
        return new TaskSpec.Provisions(out);
    }

    /** {@code expiry}: a number of seconds after {@code timestamp}, or a date. */
    public static Optional<Instant> expiry(Map<String, ?> fields, Instant timestamp) throws InvalidTaskException {
        Object expiry = fields.get("expiry");
        if (expiry == null) {
            return Optional.empty();
        }
        if (expiry instanceof Number) {
            return Optional.of(timestamp.plusMillis((long) (((Number) expiry).doubleValue() * 1000)));
        }
        return Optional.of(date(expiry, "expiry"));
    }

    /** {@code timestamp}: a date; absent means now. A future timestamp defers the task. */
    public static Instant timestamp(Map<String, ?> fields, Instant now) throws InvalidTaskException {
        Object t = fields.get("timestamp");
        return t == null ? now : date(t, "timestamp");
    }

    private static Instant date(Object value, String field) throws InvalidTaskException {
        if (value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof Date) {
            return ((Date) value).toInstant();
        }
        if (value instanceof String) {
            try {
                return Instant.parse((String) value);
            } catch (DateTimeParseException e) {
                // fall through to the message
            }
        }
        throw new InvalidTaskException("Invalid task: \"" + field + "\" must be a date such as \"2026-01-01T00:00:00Z\""
                + ("expiry".equals(field) ? " or a number of seconds" : ""));
    }

    static TaskSpec.Download download(Map<String, ?> fields) throws InvalidTaskException {
        Optional<String> file = optionalString(fields, "file");
        Optional<String> fileType = optionalString(fields, "fileType");
        Optional<String> fileName = optionalString(fields, "fileName");
        Optional<String> url = optionalString(fields, "url");
        if (file.isEmpty() && url.isEmpty() && fileName.isEmpty()) {
            throw new InvalidTaskException("Invalid task: a download needs \"file\" (a stored file), or \"fileType\" "
                    + "with \"fileName\" or \"url\"");
        }
        if (file.isEmpty() && fileType.isEmpty()) {
            throw new InvalidTaskException("Invalid task: \"fileType\" is required when \"file\" is not given, e.g. "
                    + "\"1 Firmware Upgrade Image\"");
        }
        Optional<String> commandKey = commandKey(fields);
        return new TaskSpec.Download(file, fileType, fileName, url, optionalString(fields, "targetFileName").orElse(""),
                optionalString(fields, "username").orElse(""), optionalString(fields, "password").orElse(""),
                optionalCount(fields, "fileSize"), optionalCount(fields, "delaySeconds").orElse(0L),
                optionalString(fields, "successUrl").orElse(""), optionalString(fields, "failureUrl").orElse(""),
                commandKey);
    }

    /** A transfer's or DU change's command key: the CPE reports the outcome under it (at most 32 characters). */
    static Optional<String> commandKey(Map<String, ?> fields) throws InvalidTaskException {
        Optional<String> commandKey = optionalString(fields, "commandKey");
        if (commandKey.isPresent() && commandKey.get().length() > 32) {
            throw new InvalidTaskException("Invalid task: \"commandKey\" must be at most 32 characters");
        }
        return commandKey;
    }

    private static List<String> names(Map<String, ?> fields, String field) throws InvalidTaskException {
        Object value = fields.get(field);
        if (!(value instanceof List) || ((List<?>) value).isEmpty()) {
            throw new InvalidTaskException("Invalid task: \"" + field + "\" must be a non-empty array of parameter names");
        }
        List<String> names = new ArrayList<>();
        for (Object o : (List<?>) value) {
            if (!(o instanceof String) || ((String) o).isEmpty()) {
                throw new InvalidTaskException("Invalid task: \"" + field + "\" must hold parameter names (strings), not "
                        + o);
            }
            names.add(stripDot((String) o));
        }
        return names;
    }

    private static List<ParameterValue> parameterValues(Map<String, ?> fields, String field, boolean required)
            throws InvalidTaskException {
        Object value = fields.get(field);
        if (!(value instanceof List) || (required && ((List<?>) value).isEmpty())) {
            throw new InvalidTaskException("Invalid task: \"" + field + "\" must be a " + (required ? "non-empty " : "")
                    + "array of [name, value, type?] arrays");
        }
        List<ParameterValue> result = new ArrayList<>();
        int i = 0;
        for (Object o : (List<?>) value) {
            String at = "\"" + field + "[" + i++ + "]\"";
            if (!(o instanceof List) || ((List<?>) o).size() < 2 || ((List<?>) o).size() > 3) {
                throw new InvalidTaskException("Invalid task: " + at + " must be [name, value] or [name, value, type]");
            }
            List<?> entry = (List<?>) o;
            if (!(entry.get(0) instanceof String) || ((String) entry.get(0)).isEmpty()) {
                throw new InvalidTaskException("Invalid task: " + at + " must start with a parameter name");
            }
            Object v = entry.get(1);
            if (v instanceof Date) {
                v = ((Date) v).toInstant();
            }
            if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                v = ((Number) v).longValue();
            } else if (v instanceof Float) {
                v = ((Float) v).doubleValue();
            }
            if (!(v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                    || v instanceof Instant)) {
                throw new InvalidTaskException("Invalid task: the value of " + at + " must be a string, number, boolean "
                        + "or date, not " + (v == null ? "null" : v.getClass().getSimpleName()));
            }
            Optional<String> type = Optional.empty();
            if (entry.size() == 3 && entry.get(2) != null) {
                if (!(entry.get(2) instanceof String) || !((String) entry.get(2)).startsWith("xsd:")) {
                    throw new InvalidTaskException("Invalid task: the type of " + at + " must be an xsd type such as "
                            + "\"xsd:string\", not " + entry.get(2));
                }
                type = Optional.of((String) entry.get(2));
                if (org.cwmpacs.core.device.ParameterValues.convert(v, type.get()).isEmpty()) {
                    throw new InvalidTaskException("Invalid task: the value of " + at + " is not a valid " + type.get()
                            + ": " + (v instanceof String ? "\"" + v + "\"" : String.valueOf(v)));
                }
            }
            result.add(new ParameterValue((String) entry.get(0), v, type));
        }
        return result;
    }

    private static List<AttributeChange> attributeChanges(Map<String, ?> fields) throws InvalidTaskException {
        Object value = fields.get("parameterAttributes");
        if (!(value instanceof List) || ((List<?>) value).isEmpty()) {
            throw new InvalidTaskException("Invalid task: \"parameterAttributes\" must be a non-empty array of "
                    + "{\"name\", \"notification\"?, \"accessList\"?} objects");
        }
        List<AttributeChange> result = new ArrayList<>();
        int i = 0;
        for (Object o : (List<?>) value) {
            String at = "\"parameterAttributes[" + i++ + "]\"";
            if (!(o instanceof Map)) {
                throw new InvalidTaskException("Invalid task: " + at + " must be an object with \"name\"");
            }
            Map<?, ?> m = (Map<?, ?>) o;
            if (!(m.get("name") instanceof String) || ((String) m.get("name")).isEmpty()) {
                throw new InvalidTaskException("Invalid task: " + at + ".name must be a parameter name");
            }
            Optional<Integer> notification = Optional.empty();
            if (m.get("notification") != null) {
                if (!(m.get("notification") instanceof Number) || ((Number) m.get("notification")).intValue() < 0
                        || ((Number) m.get("notification")).intValue() > 6) {
                    throw new InvalidTaskException("Invalid task: " + at + ".notification must be 0 (off), 1 (passive) "
                            + "or 2 (active)");
                }
                notification = Optional.of(((Number) m.get("notification")).intValue());
            }
            Optional<List<String>> accessList = Optional.empty();
            if (m.get("accessList") != null) {
                if (!(m.get("accessList") instanceof List)) {
                    throw new InvalidTaskException("Invalid task: " + at + ".accessList must be an array of strings");
                }
                accessList = Optional.of(((List<?>) m.get("accessList")).stream().map(String::valueOf).toList());
            }
            if (notification.isEmpty() && accessList.isEmpty()) {
                throw new InvalidTaskException("Invalid task: " + at + " changes nothing; give notification or accessList");
            }
            result.add(new AttributeChange(stripDot((String) m.get("name")), notification, accessList));
        }
        return result;
    }

    private static String path(Map<String, ?> fields, String field) throws InvalidTaskException {
        Object value = fields.get(field);
        if (!(value instanceof String) || ((String) value).isEmpty() || ".".equals(value)) {
            throw new InvalidTaskException("Invalid task: \"" + field + "\" must be a non-empty object path");
        }
        return stripDot((String) value);
    }

    private static String requiredString(Map<String, ?> fields, String field) throws InvalidTaskException {
        Optional<String> value = optionalString(fields, field);
        if (value.isEmpty() || value.get().isEmpty()) {
            throw new InvalidTaskException("Invalid task: \"" + field + "\" is required and must be a string");
        }
        return value.get();
    }

    private static Optional<String> optionalString(Map<String, ?> fields, String field) throws InvalidTaskException {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String)) {
            // GenieACS accepts an ObjectId as "file"
            if ("file".equals(field) && value.getClass().getSimpleName().equals("ObjectId")) {
                return Optional.of(value.toString());
            }
            throw new InvalidTaskException("Invalid task: \"" + field + "\" must be a string");
        }
        return Optional.of((String) value);
    }

    private static Optional<Long> optionalCount(Map<String, ?> fields, String field) throws InvalidTaskException {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number) || ((Number) value).doubleValue() < 0
                || ((Number) value).doubleValue() != Math.floor(((Number) value).doubleValue())) {
            throw new InvalidTaskException("Invalid task: \"" + field + "\" must be a whole number of at least 0");
        }
        return Optional.of(((Number) value).longValue());
    }

    /** Object paths are stored without their trailing dot, as the device document nests them. */
    static String stripDot(String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }
}
