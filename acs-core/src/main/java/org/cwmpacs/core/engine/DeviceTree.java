package org.cwmpacs.core.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.TreeChanges;

/**
 * A session's working copy of a device's parameter tree (dotted paths without trailing dots, "" the root),
 * recording what changed so that the session writes only that.
 */
public final class DeviceTree {
    private final TreeMap<String, ParameterAttributes> nodes;
    private final TreeMap<String, ParameterAttributes> changed = new TreeMap<>();
    private final Set<String> removed = new HashSet<>();
    private long modifications;

    public DeviceTree(Map<String, ParameterAttributes> parameters) {
        this.nodes = new TreeMap<>(parameters);
    }

    public Optional<ParameterAttributes> get(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    /** A node, or a parent implied by nodes below it (a stored document need not hold every object's attributes). */
    public boolean exists(String path) {
        return path.isEmpty() || nodes.containsKey(path) || !below(path).isEmpty();
    }

    public boolean isObject(String path) {
        if (path.isEmpty()) {
            return true;
        }
        ParameterAttributes node = nodes.get(path);
        return node != null ? node.isObject() : !below(path).isEmpty();
    }

    /** Every node strictly below {@code path}. */
    public NavigableMap<String, ParameterAttributes> below(String path) {
        if (path.isEmpty()) {
            NavigableMap<String, ParameterAttributes> all = new TreeMap<>(nodes);
            all.remove("");
            return all;
        }
        return nodes.subMap(path + ".", true, path + "/", false);
    }

    /** The leaves at or below {@code path}, in path order. */
    public List<String> leaves(String path) {
        List<String> result = new ArrayList<>();
        ParameterAttributes self = path.isEmpty() ? null : nodes.get(path);
        if (self != null && !self.isObject()) {
            result.add(path);
            return result;
        }
        for (Map.Entry<String, ParameterAttributes> e : below(path).entrySet()) {
            if (!e.getValue().isObject() && !isVirtual(e.getKey())) {
                result.add(e.getKey());
            }
        }
        return result;
    }

    /**
     * The direct children of {@code path}, existing or implied by nodes below them. Each child's subtree is
     * skipped over, not walked: a table's instances are found without visiting their parameters.
     */
    public List<String> children(String path) {
        List<String> result = new ArrayList<>();
        String prefix = path.isEmpty() ? "" : path + ".";
        String end = path.isEmpty() ? null : path + "/";
        String key = nodes.ceilingKey(prefix);
        while (key != null && (end == null || key.compareTo(end) < 0) && key.startsWith(prefix)) {
            if (key.isEmpty()) {
                key = nodes.higherKey(key);
                continue;
            }
            int dot = key.indexOf('.', prefix.length());
            String child = dot < 0 ? key : key.substring(0, dot);
            if (result.isEmpty() || !result.get(result.size() - 1).equals(child)) {
                result.add(child);
            }
            // names are [A-Za-z0-9_-]: after "child." come only names above "child/"
            key = dot < 0 ? nodes.higherKey(key) : nodes.ceilingKey(child + "/");
        }
        return result;
    }

    /** The first segments of the CPE's own parameters ({@code Device}, {@code InternetGatewayDevice}). */
    public List<String> roots() {
        List<String> roots = new ArrayList<>();
        for (String child : children("")) {
            if (!isVirtual(child)) {
                roots.add(child);
            }
        }
        return roots;
    }

    /** GenieACS's virtual roots, which live in the document but not on the CPE. */
    static boolean isVirtual(String path) {
        int dot = path.indexOf('.');
        return VIRTUAL_ROOTS.contains(dot < 0 ? path : path.substring(0, dot));
    }

    private static final Set<String> VIRTUAL_ROOTS = Set.of("Downloads", "Reboot", "FactoryReset", "Tags", "Events",
            "DeviceID", "VirtualParameters", "AutonomousTransferComplete");

    public void put(String path, ParameterAttributes attributes) {
        ParameterAttributes before = nodes.put(path, attributes);
        changed.put(path, attributes);
        if (before == null || !sameButTimestamps(before, attributes)) {
            modifications++;
        }
    }

    /**
     * How many times a node was added, removed or given another value, type, kind or writability (a value
     * read again unchanged does not count): presets are evaluated again while this moves.
     */
    public long modifications() {
        return modifications;
    }

    private static boolean sameButTimestamps(ParameterAttributes a, ParameterAttributes b) {
        return a.object().equals(b.object()) && a.writable().equals(b.writable()) && a.value().equals(b.value())
                && a.type().equals(b.type()) && a.notification().equals(b.notification())
                && a.accessList().equals(b.accessList());
    }

    /** Makes sure every ancestor of {@code path} exists as an object. */
    public void ensureParents(String path) {
        int dot = path.lastIndexOf('.');
        while (dot > 0) {
            String parent = path.substring(0, dot);
            ParameterAttributes p = nodes.get(parent);
            if (p == null) {
                put(parent, ParameterAttributes.NONE.withObject(true));
            } else if (!p.isObject()) {
                put(parent, p.withObject(true));
            } else {
                break;
            }
            dot = parent.lastIndexOf('.');
        }
    }

    public void removeSubtree(String path) {
        if (path.isEmpty()) {
            return;
        }
        List<String> gone = new ArrayList<>(below(path).keySet());
        gone.add(path);
        for (String p : gone) {
            if (nodes.remove(p) != null) {
                modifications++;
            }
            changed.remove(p);
        }
        // a removed ancestor covers its descendants
        removed.removeIf(r -> r.startsWith(path + "."));
        removed.add(path);
    }

    /** What changed since the last call; the tree itself is kept. */
    public TreeChanges drainChanges() {
        TreeChanges changes = new TreeChanges(changed, removed);
        changed.clear();
        removed.clear();
        return changes;
    }

}
