package org.cwmpacs.core.preset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.script.Cron;

/**
 * A preset as GenieACS runs it ({@code lib/cwmp/local-cache.ts#fetchPresets}): when it applies (channel,
 * events, schedule, precondition) and the provisions it adds, in order.
 *
 * @param events event names ({@code 0_BOOTSTRAP}, {@code Inform}, {@code Registered}, spaces as
 *     underscores) that must be present (true) or absent (false) in the session
 * @param provisions the provisions, each a name and its arguments as expressions evaluated per device
 */
public record Preset(String id, double weight, String channel, Map<String, Boolean> events, Expr precondition,
                     Optional<Schedule> schedule, List<Provision> provisions) {
    public Preset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        events = Map.copyOf(events);
        Objects.requireNonNull(precondition, "precondition");
        Objects.requireNonNull(schedule, "schedule");
        provisions = List.copyOf(provisions);
    }

    /** A provision to run: a built-in ({@code refresh}, {@code value}, ...) or a stored script, with arguments. */
    public record Provision(String name, List<Expr> args) {
        public Provision {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
        }
    }

    /**
     * {@code "<seconds> <cron>"}: the preset applies for that many seconds after each tick. A schedule that
     * cannot be read never applies (GenieACS logs it and goes on), and says why.
     */
    public record Schedule(String text, long durationMillis, Optional<Cron> cron, Optional<String> problem) {
        public Schedule {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(cron, "cron");
            Objects.requireNonNull(problem, "problem");
        }

        public static Schedule parse(String text) {
            String[] parts = text.strip().split("\\s+", 2);
            try {
                double seconds = Double.parseDouble(parts[0]);
                if (parts.length < 2 || Double.isNaN(seconds)) {
                    throw new IllegalArgumentException("a schedule is \"<seconds> <cron>\", not \"" + text + "\"");
                }
                return new Schedule(text, (long) (seconds * 1000), Optional.of(Cron.parse(parts[1])), Optional.empty());
            } catch (IllegalArgumentException e) {
                return new Schedule(text, 0, Optional.empty(), Optional.of(e instanceof NumberFormatException
                        ? "the duration \"" + parts[0] + "\" is not a number of seconds" : e.getMessage()));
            }
        }

        /** Whether the last tick at or before {@code now}, plus the duration, lies after {@code now}. */
        public boolean active(Instant now) {
            return cron.flatMap(c -> c.prev(now)).map(tick -> tick.toEpochMilli() + durationMillis > now.toEpochMilli())
                    .orElse(false);
        }
    }
}
