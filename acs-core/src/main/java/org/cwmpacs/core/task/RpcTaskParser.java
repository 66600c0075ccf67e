package org.cwmpacs.core.task;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the tasks of the RPCs GenieACS has no task for (scheduleDownload, cancelTransfer, changeDUState,
 * setVouchers, getOptions), refusing what the CPE would refuse (the schema's lengths and enumerations) with
 * the field named, so that an operator learns it when queueing, not from a fault a session later.
 */
final class RpcTaskParser {
    /** TR-069 Table 50's window modes, or a vendor's {@code X <OUI> <mode>}. */
    private static final Set<String> WINDOW_MODES = Set.of("1 At Any Time", "2 Immediately", "3 When Idle",
            "4 Confirmation Needed");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final long UNSIGNED_INT_MAX = 0xFFFF_FFFFL;
    static final int MAX_OPERATIONS = 16;
    static final int MAX_VOUCHERS = 16;
    static final int MAX_VOUCHER_CHARS = 64 * 1024;

    private RpcTaskParser() {
    }

    static TaskSpec scheduleDownload(Map<String, ?> fields) throws InvalidTaskException {
        for (String notHere : List.of("delaySeconds", "successUrl", "failureUrl")) {
            if (fields.get(notHere) != null) {
                throw new InvalidTaskException("Invalid task: a scheduleDownload has no \"" + notHere + "\"; when the "
                        + "CPE fetches the file is given by \"timeWindows\"");
            }
        }
        TaskSpec.Download transfer = TaskParser.download(fields);
        Object list = fields.get("timeWindows");
        if (!(list instanceof List) || ((List<?>) list).isEmpty() || ((List<?>) list).size() > 2) {
            throw new InvalidTaskException("Invalid task: \"timeWindows\" must be a list of one or two windows such as "
                    + "[{\"windowStart\": 0, \"windowEnd\": 3600, \"windowMode\": \"1 At Any Time\"}]");
        }
        List<TaskSpec.TimeWindow> windows = new ArrayList<>();
        long previousEnd = -1;
        int i = 0;
        for (Object o : (List<?>) list) {
            String at = "timeWindows[" + i++ + "]";
            if (!(o instanceof Map)) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" must be an object with windowStart, windowEnd "
                        + "and windowMode");
            }
            Map<String, ?> w = stringKeys((Map<?, ?>) o);
            long start = count(w, "windowStart", at);
            long end = count(w, "windowEnd", at);
            if (end < start) {
                throw new InvalidTaskException("Invalid task: \"" + at + ".windowEnd\" (" + end + ") is before its "
                        + "windowStart (" + start + ")");
            }
            if (start < previousEnd) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" starts (" + start + ") before the window "
                        + "before it ends (" + previousEnd + "); windows must not overlap");
            }
            previousEnd = end;
            Object mode = w.get("windowMode");
            if (!(mode instanceof String) || !(WINDOW_MODES.contains(mode) || ((String) mode).startsWith("X "))) {
                throw new InvalidTaskException("Invalid task: \"" + at + ".windowMode\" must be \"1 At Any Time\", "
                        + "\"2 Immediately\", \"3 When Idle\", \"4 Confirmation Needed\" or a vendor's \"X …\", not "
                        + mode);
            }
            String message = text(w, "userMessage", at + ".userMessage", 256);
            Object retries = w.get("maxRetries");
            if (retries != null && (!(retries instanceof Number) || ((Number) retries).doubleValue() < -1
                    || ((Number) retries).doubleValue() > Integer.MAX_VALUE
                    || ((Number) retries).doubleValue() != Math.floor(((Number) retries).doubleValue()))) {
                throw new InvalidTaskException("Invalid task: \"" + at + ".maxRetries\" must be a whole number of at least "
                        + "-1 (-1: as the CPE decides)");
            }
            windows.add(new TaskSpec.TimeWindow(start, end, (String) mode, message,
                    retries == null ? -1 : ((Number) retries).intValue()));
        }
        return new TaskSpec.ScheduleDownload(transfer, windows);
    }

    static TaskSpec cancelTransfer(Map<String, ?> fields) throws InvalidTaskException {
        Object key = fields.get("commandKey");
        if (!(key instanceof String) || ((String) key).length() > 32) {
            throw new InvalidTaskException("Invalid task: \"commandKey\" must name the transfer to cancel: the "
                    + "command key (at most 32 characters) it was sent with, by default its task's id");
        }
        return new TaskSpec.CancelTransfer((String) key);
    }

    static TaskSpec changeDuState(Map<String, ?> fields) throws InvalidTaskException {
        Object list = fields.get("operations");
        if (!(list instanceof List) || ((List<?>) list).isEmpty() || ((List<?>) list).size() > MAX_OPERATIONS) {
            throw new InvalidTaskException("Invalid task: \"operations\" must be a list of 1 to " + MAX_OPERATIONS
                    + " operations such as [{\"type\": \"install\", \"url\": \"http://…/app.ipk\"}]");
        }
        List<TaskSpec.DuOperation> operations = new ArrayList<>();
        int i = 0;
        for (Object o : (List<?>) list) {
            String at = "operations[" + i++ + "]";
            if (!(o instanceof Map)) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" must be an object with a \"type\"");
            }
            Map<String, ?> op = stringKeys((Map<?, ?>) o);
            Object type = op.get("type");
            if (!"install".equals(type) && !"update".equals(type) && !"uninstall".equals(type)) {
                throw new InvalidTaskException("Invalid task: \"" + at + ".type\" must be install, update or uninstall, not "
                        + type);
            }
            String url = text(op, "url", at + ".url", 1024);
            String uuid = text(op, "uuid", at + ".uuid", 36);
            if (!uuid.isEmpty() && !UUID.matcher(uuid).matches()) {
                throw new InvalidTaskException("Invalid task: \"" + at + ".uuid\" must be a UUID such as "
                        + "\"6ba7b810-9dad-11d1-80b4-00c04fd430c8\", not \"" + uuid + "\"");
            }
            String version = text(op, "version", at + ".version", 32);
            String username = text(op, "username", at + ".username", 256);
            String password = text(op, "password", at + ".password", 256);
            String env = text(op, "executionEnvRef", at + ".executionEnvRef", 256);
            if ("install".equals(type) && url.isEmpty()) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" installs: it needs \"url\"");
            }
            if ("update".equals(type) && url.isEmpty() && uuid.isEmpty()) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" updates: it needs \"uuid\" or \"url\"");
            }
            if ("uninstall".equals(type) && uuid.isEmpty()) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" uninstalls: it needs \"uuid\"");
            }
            if (!"install".equals(type) && !"update".equals(type) && (!username.isEmpty() || !password.isEmpty())) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" uninstalls: it takes no username or password");
            }
            if ("update".equals(type) && !env.isEmpty()) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" updates: it takes no executionEnvRef");
            }
            if ("install".equals(type) && !version.isEmpty()) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" installs: the version comes from the package, "
                        + "not from \"version\"");
            }
            operations.add(new TaskSpec.DuOperation((String) type, url, uuid, version, username, password, env));
        }
        return new TaskSpec.ChangeDUState(operations, TaskParser.commandKey(fields));
    }

    static TaskSpec setVouchers(Map<String, ?> fields) throws InvalidTaskException {
        Object list = fields.get("vouchers");
        if (!(list instanceof List) || ((List<?>) list).isEmpty() || ((List<?>) list).size() > MAX_VOUCHERS) {
            throw new InvalidTaskException("Invalid task: \"vouchers\" must be a list of 1 to " + MAX_VOUCHERS
                    + " vouchers, each its signed XML as base64 text");
        }
        List<String> vouchers = new ArrayList<>();
        int i = 0;
        for (Object v : (List<?>) list) {
            String at = "vouchers[" + i++ + "]";
            if (!(v instanceof String) || ((String) v).isBlank() || ((String) v).length() > MAX_VOUCHER_CHARS) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" must be base64 text of at most "
                        + MAX_VOUCHER_CHARS + " characters");
            }
            String text = ((String) v).replaceAll("\\s", "");
            try {
                Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidTaskException("Invalid task: \"" + at + "\" is not base64: " + e.getMessage());
            }
            vouchers.add(text);
        }
        return new TaskSpec.SetVouchers(vouchers);
    }

    static TaskSpec getOptions(Map<String, ?> fields) throws InvalidTaskException {
        return new TaskSpec.GetOptions(text(fields, "optionName", "optionName", 64));
    }

    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new java.util.HashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static long count(Map<String, ?> w, String field, String at) throws InvalidTaskException {
        Object v = w.get(field);
        if (!(v instanceof Number) || ((Number) v).doubleValue() < 0 || ((Number) v).doubleValue() > UNSIGNED_INT_MAX
                || ((Number) v).doubleValue() != Math.floor(((Number) v).doubleValue())) {
            throw new InvalidTaskException("Invalid task: \"" + at + "." + field + "\" must be a whole number of seconds "
                    + "from 0 to " + UNSIGNED_INT_MAX);
        }
        return ((Number) v).longValue();
    }

    /** An optional text field, "" when absent. */
    private static String text(Map<String, ?> m, String field, String at, int max) throws InvalidTaskException {
        Object v = m.get(field);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String) || ((String) v).length() > max) {
            throw new InvalidTaskException("Invalid task: \"" + at + "\" must be text of at most " + max + " characters");
        }
        return (String) v;
    }
}
