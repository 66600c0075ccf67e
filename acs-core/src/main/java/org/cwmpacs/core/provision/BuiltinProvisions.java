package org.cwmpacs.core.provision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cwmpacs.core.expression.Values;
import org.cwmpacs.core.script.Scheduling;

/**
 * GenieACS's built-in provisions ({@code lib/default-provisions.ts}), usable from presets and the NBI's
 * {@code provisions} task: {@code refresh}, {@code value}, {@code tag}, {@code reboot}, {@code reset},
 * {@code download}, {@code instances}. Arguments are as the expression language computes them (texts,
 * numbers as doubles, booleans, {@link Values#NULL}).
 */
public final class BuiltinProvisions {
    public static final Set<String> NAMES = Set.of("refresh", "value", "tag", "reboot", "reset", "download",
            "instances");

    private BuiltinProvisions() {
    }

    /** Arguments a built-in does not take; the message says what it takes. */
    public static final class InvalidArguments extends IllegalArgumentException {
        public InvalidArguments(String message) {
            super(message);
        }
    }

    /**
     * @param current how many instances a path matches now (for {@code instances} with {@code +n}/{@code -n}),
     *     empty while that is not known
     */
    public static List<Declare> declarations(String name, List<Object> args, String deviceId, Instant session,
                                             java.util.function.Function<Path, Optional<Integer>> current) {
        switch (name) {
            case "refresh":
                return refresh(args, deviceId, session);
            case "value":
                return value(args);
            case "tag":
                if (args.size() != 2 || !(args.get(0) instanceof String) || !(args.get(1) instanceof Boolean)) {
                    throw new InvalidArguments("tag takes a tag name and true or false");
                }
                return List.of(set(Path.parse("Tags." + org.cwmpacs.core.expression.TagNames.encode((String) args.get(0))),
                        args.get(1)));
            case "reboot":
            case "reset":
                if (!args.isEmpty()) {
                    throw new InvalidArguments(name + " takes no arguments");
                }
                return List.of(set(Path.parse(name.equals("reboot") ? "Reboot" : "FactoryReset"), session));
            case "download":
                return download(args, session);
            case "instances":
                return instances(args, current);
            default:
                throw new IllegalArgumentException("not a built-in provision: " + name);
        }
    }

    private static List<Declare> refresh(List<Object> args, String deviceId, Instant session) {
        boolean ok = !args.isEmpty() && args.get(0) instanceof String
                && (args.size() < 2 || args.get(1) instanceof Double)
                && (args.size() < 3 || args.get(2) instanceof Boolean);
        if (!ok) {
            throw new InvalidArguments("refresh takes a path, then optionally every how many seconds, whether "
                    + "children too, and the attributes to refresh");
        }
        double seconds = args.size() > 1 ? (Double) args.get(1) : 0;
        long every = (long) (1000 * (seconds == 0 || Double.isNaN(seconds) ? 1 : seconds));
        long offset = Scheduling.variance(deviceId, every);
        long t = Scheduling.interval(session.toEpochMilli(), every, offset);
        Path path = Path.parse((String) args.get(0));
        Map<String, Long> get = new HashMap<>();
        boolean children = true;
        if (args.size() > 2) {
            children = (Boolean) args.get(2);
            for (Object a : args.subList(3, args.size())) {
                get.put(String.valueOf(a), t);
            }
        } else {
            get.put("object", 1L);
            get.put("writable", 1L);
            get.put("value", t);
        }
        return List.of(new Declare(path, t, Optional.empty(), get, Map.of(), children));
    }

    private static List<Declare> value(List<Object> args) {
        if (args.size() < 2 || args.size() > 3 || !(args.get(0) instanceof String)) {
            throw new InvalidArguments("value takes a path and a value, or a path, an attribute and a value");
        }
        String attribute = args.size() == 2 ? "value" : String.valueOf(args.get(1));
        Object v = args.get(args.size() - 1);
        Object wanted;
        if (attribute.equals("accessList")) {
            List<String> list = new ArrayList<>();
            for (String s : (v == Values.NULL ? "" : String.valueOf(v)).split(",")) {
                if (!s.isBlank()) {
                    list.add(s.strip());
                }
            }
            wanted = list;
        } else if (attribute.equals("value")) {
            if (v == Values.NULL) {
                return List.of();
            }
            wanted = new Declare.Value(v, Optional.empty());
        } else {
            wanted = v instanceof Double ? (Object) ((Double) v).intValue() : v;
        }
        return List.of(new Declare(Path.parse((String) args.get(0)), 1, Optional.empty(), Map.of(attribute, 1L),
                Map.of(attribute, wanted)));
    }

    private static List<Declare> download(List<Object> args, Instant session) {
        boolean ok = (args.size() == 2 || args.size() == 3) && args.stream().allMatch(String.class::isInstance);
        if (!ok) {
            throw new InvalidArguments("download takes a file type, a file name and optionally a target file name");
        }
        String alias = "[FileType:" + json(args.get(0)) + ",FileName:" + json(args.get(1)) + ",TargetFileName:"
                + json(args.size() > 2 ? args.get(2) : "") + "]";
        return List.of(set(Path.parse("Downloads." + alias + ".Download"), session));
    }

    private static List<Declare> instances(List<Object> args, java.util.function.Function<Path, Optional<Integer>> current) {
        if (args.size() != 2 || !(args.get(0) instanceof String)) {
            throw new InvalidArguments("instances takes a path and a count (n, +n or -n)");
        }
        Path path = Path.parse((String) args.get(0));
        Object c = args.get(1);
        String text = c instanceof Double ? Values.jsNumber((Double) c) : String.valueOf(c).strip();
        double n = Values.toNumber(text);
        if (Double.isNaN(n) || text.isEmpty()) {
            throw new InvalidArguments("instances: \"" + text + "\" is not a count");
        }
        long count = (long) n;
        if (text.startsWith("+") || text.startsWith("-")) {
            Optional<Integer> now = current.apply(path);
            if (now.isEmpty()) {
                // the present count must be read first
                return List.of(new Declare(path, 1, Optional.empty(), Map.of(), Map.of()));
            }
            count = Math.max(0, now.get() + count);
        }
        int wanted = (int) Math.max(0, Math.min(count, 10_000));
        return List.of(new Declare(path, 1, Optional.of(new Declare.Count(wanted, wanted)), Map.of(), Map.of()));
    }

    private static Declare set(Path path, Object value) {
        return new Declare(path, 1, Optional.empty(), Map.of("value", 1L),
                Map.of("value", new Declare.Value(value, Optional.empty())));
    }

    private static String json(Object s) {
        return "\"" + String.valueOf(s).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
