package org.cwmpacs.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cwmpacs.core.task.TaskSpec.ParameterValue;
import org.cwmpacs.soap.message.AcsRequest;

/**
 * What must hold on a device, whatever RPCs it takes. Tasks (and later provisioning) are turned into
 * declarations; the {@link Planner} turns the outstanding ones into the fewest RPCs. Paths are dotted,
 * without a trailing dot; {@code ""} is the whole tree.
 */
public sealed interface Declaration {
    /**
     * {@code path} (and, with {@code subtree}, everything below it: existence, type, writability and value)
     * must have been read at or after {@code notBefore}. {@link Instant#EPOCH} means "known at all".
     */
    record Fresh(String path, boolean subtree, Instant notBefore) implements Declaration {
        public Fresh {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(notBefore, "notBefore");
        }
    }

    /** The leaf must hold this value; the type, if not given, is the stored one (else inferred from the value). */
    record Value(String path, Object value, Optional<String> type) implements Declaration {
        public Value {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
        }
    }

    /** The attributes of the leaves at or below {@code path} must have been read at or after {@code notBefore}. */
    record FreshAttributes(String path, Instant notBefore) implements Declaration {
        public FreshAttributes {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(notBefore, "notBefore");
        }
    }

    /** The leaf (or subtree) must have these attributes. */
    record Attributes(String path, Optional<Integer> notification, Optional<List<String>> accessList)
            implements Declaration {
        public Attributes {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(notification, "notification");
            accessList = accessList.map(List::copyOf);
        }
    }

    /**
     * One new instance of the table {@code table}, whose children (relative names) get these values.
     * {@code origin} names what asked for it (a provision's alias path; empty for a task), so that an instance
     * created but not yet given its values still counts for that provision ({@link Planner#created}).
     */
    record NewInstance(String table, List<ParameterValue> values, String origin) implements Declaration {
        public NewInstance {
            Objects.requireNonNull(table, "table");
            values = List.copyOf(values);
            Objects.requireNonNull(origin, "origin");
        }

        public NewInstance(String table, List<ParameterValue> values) {
            this(table, values, "");
        }
    }

    /**
     * The direct children of the object {@code path} must have been listed at or after {@code notBefore}
     * (for wildcards and aliases: which instances there are). {@link Instant#EPOCH}: listed at all. With
     * {@code subtree}, everything below is listed in the same request (the path goes deeper: one
     * GetParameterNames instead of one per level and instance).
     */
    record Children(String path, Instant notBefore, boolean subtree) implements Declaration {
        public Children {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(notBefore, "notBefore");
        }

        public Children(String path, Instant notBefore) {
            this(path, notBefore, false);
        }
    }

    /** The instance (object) {@code path} must no longer exist. */
    record NoInstance(String path) implements Declaration {
        public NoInstance {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * An RPC that must be sent once (Download, Upload, ScheduleInform, GetRPCMethods, Reboot, FactoryReset):
     * they change no parameter the planner could compare, so they are done once their response arrives.
     */
    record Command(AcsRequest request) implements Declaration {
        public Command {
            Objects.requireNonNull(request, "request");
        }
    }
}
