package org.cwmpacs.core.task;

import java.util.List;
import java.util.Map;

/**
 * A task's credentials are for the CPE, not for whoever lists tasks: a transfer's {@code password} and each
 * ChangeDUState operation's {@code operations.password} are never shown, nor queried (a query could find
 * them out).
 */
public final class TaskSecrets {
    /** The fields, as dotted paths of a task document. */
    public static final List<String> FIELDS = List.of("password", "operations.password");

    private TaskSecrets() {
    }

    /** Removes the secrets from {@code task}, a document as stored; returns it. */
    public static Map<String, Object> hide(Map<String, Object> task) {
        task.remove("password");
        if (task.get("operations") instanceof List<?> operations) {
            for (Object op : operations) {
                if (op instanceof Map<?, ?> fields) {
                    try {
                        fields.remove("password");
                    } catch (UnsupportedOperationException readOnly) {
                        // a document the store handed out unmodifiable: show none of its operations
                        task.put("operations", List.of());
                        break;
                    }
                }
            }
        }
        return task;
    }
}
