package org.cwmpacs.core.provision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.engine.DeviceTree;

/**
 * What provisions see of a device in one session: its tree as the session knows it (with {@code Tags.*}),
 * and the session's own {@code DeviceID.*} and {@code Events.*}, which are never stored as parameters.
 */
public final class SessionView {
    private final DeviceTree tree;
    private final Instant sessionTime;
    private final String deviceId;
    private final String commandKey;
    private final int maxCommits;
    /** DeviceID.* and Events.*, as GenieACS shows them to scripts. */
    private final TreeMap<String, ParameterAttributes> virtual;

    /**
     * @param identity {@code DeviceID.*} values by name ({@code ID}, {@code Manufacturer}, {@code OUI},
     *     {@code ProductClass}, {@code SerialNumber})
     * @param events the session's events ({@code Inform}, {@code 1_BOOT}, {@code Registered}, ...)
     */
    public SessionView(DeviceTree tree, Instant sessionTime, String deviceId, Map<String, String> identity,
                       List<String> events) {
        this(tree, sessionTime, deviceId, identity, events, PresetRun.MAX_COMMITS);
    }

    /**
     * @param maxCommits commits one provision or virtual parameter may make in this session (twice GenieACS's
     *     {@code cwmp.maxCommitIterations})
     */
    public SessionView(DeviceTree tree, Instant sessionTime, String deviceId, Map<String, String> identity,
                       List<String> events, int maxCommits) {
        this.maxCommits = maxCommits;
        this.tree = tree;
        this.sessionTime = sessionTime;
        this.deviceId = deviceId;
        this.commandKey = "acs-" + Long.toHexString(sessionTime.toEpochMilli());
        this.virtual = new TreeMap<>();
        identity.forEach((k, v) -> virtual.put("DeviceID." + k, ParameterAttributes.leaf(v, "xsd:string", sessionTime)
                .withWritable(false)));
        for (String event : events) {
            virtual.put("Events." + event, ParameterAttributes.leaf(sessionTime, "xsd:dateTime", sessionTime)
                    .withWritable(false));
        }
        virtual.put("DeviceID", ParameterAttributes.NONE.withObject(true).withWritable(false));
        virtual.put("Events", ParameterAttributes.NONE.withObject(true).withWritable(false));
    }

    public int maxCommits() {
        return maxCommits;
    }

    public DeviceTree tree() {
        return tree;
    }

    public Instant sessionTime() {
        return sessionTime;
    }

    public String deviceId() {
        return deviceId;
    }

    /** The command key of Reboot and FactoryReset requests provisions make. */
    String commandKey() {
        return commandKey;
    }

    /** A declared timestamp as a freshness: 1 (or less) is "known at all"; never later than the session. */
    Instant fresh(long millis) {
        if (millis <= 1) {
            return Instant.EPOCH;
        }
        return millis >= sessionTime.toEpochMilli() ? sessionTime : Instant.ofEpochMilli(millis);
    }

    boolean isVirtual(String root) {
        return root.equals("DeviceID") || root.equals("Events");
    }

    /** A node's attributes as a script reads them. */
    public Optional<ParameterAttributes> get(String path) {
        ParameterAttributes v = virtual.get(path);
        return v != null ? Optional.of(v) : tree.get(path).or(() -> tree.exists(path)
                ? Optional.of(ParameterAttributes.NONE.withObject(true)) : Optional.empty());
    }

    List<String> virtualMatches(Path path, BiPredicate<String, Path.Alias> alias) {
        List<String> current = List.of("");
        for (Path.Segment s : path.segments()) {
            List<String> next = new ArrayList<>();
            for (String prefix : current) {
                if (s instanceof Path.Name n) {
                    String child = prefix.isEmpty() ? n.name() : prefix + "." + n.name();
                    if (virtual.containsKey(child)) {
                        next.add(child);
                    }
                } else {
                    for (String k : virtual.subMap(prefix + ".", prefix + "/").keySet()) {
                        if (k.indexOf('.', prefix.length() + 1) < 0
                                && (!(s instanceof Path.Alias a) || alias.test(k, a))) {
                            next.add(k);
                        }
                    }
                }
            }
            current = next;
        }
        return current;
    }

    /**
     * A value as expressions see it: texts, booleans, numbers as doubles, dates and events as milliseconds,
     * a tag as true; anything unknown is NULL.
     */
    public Object expressionValue(String path) {
        Optional<ParameterAttributes> node = get(path);
        if (node.isEmpty() || node.get().value().isEmpty()) {
            return org.cwmpacs.core.expression.Values.NULL;
        }
        Object v = node.get().value().get();
        if (v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Instant) {
            return (double) ((Instant) v).toEpochMilli();
        }
        return String.valueOf(v);
    }

    /**
     * GenieACS's {@code clear(path, timestamp)}: what the session knows at or below the path from before
     * {@code timestamp} is forgotten (values and listings), so that it is read again when declared.
     */
    void clear(Path path, long timestamp) {
        if (!path.concrete()) {
            return;
        }
        String root = path.toString();
        Instant before = Instant.ofEpochMilli(timestamp);
        List<String> nodes = new ArrayList<>();
        if (!root.isEmpty() && tree.get(root).isPresent()) {
            nodes.add(root);
        }
        nodes.addAll(tree.below(root).keySet());
        for (String p : nodes) {
            Optional<ParameterAttributes> node = tree.get(p);
            // only what was read before then: a node listed but not read yet holds nothing to forget
            if (node.isEmpty() || node.get().timestamp().filter(t -> t.isBefore(before)).isEmpty()) {
                continue;
            }
            ParameterAttributes a = node.get();
            if (a.isObject()) {
                if (a.timestamp().isPresent()) {
                    tree.put(p, new ParameterAttributes(a.object(), a.writable(), a.value(), a.type(), Optional.empty(),
                            a.notification(), a.accessList(), a.attributesTimestamp()));
                }
            } else if (!p.startsWith("Tags.")) {
                tree.removeSubtree(p);
            }
        }
    }

    /** Adds or removes a tag at once (written with the session's other changes). */
    void tag(String encodedName, boolean on) {
        String path = "Tags." + encodedName;
        boolean present = tree.get(path).isPresent();
        if (on && !present) {
            tree.put(path, ParameterAttributes.leaf(Boolean.TRUE, "xsd:boolean", sessionTime).withWritable(true));
        } else if (!on && present) {
            tree.removeSubtree(path);
        }
    }
}
