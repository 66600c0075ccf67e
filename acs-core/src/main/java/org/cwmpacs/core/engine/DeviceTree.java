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
    private long writes;

    /** Where nodes not read yet come from; null: everything is in {@link #nodes}. */
    private final org.cwmpacs.core.device.TreeSource source;
    /** Paths whose own node was read from the source (whether or not it is there). */
    private final Set<String> probed = new HashSet<>();
    /** Objects whose children were read from the source, with the children's names. */
    private final Map<String, List<String>> levelLoaded = new java.util.HashMap<>();
    /** Objects whose whole subtree was read from the source. */
    private final Set<String> subtreeLoaded = new HashSet<>();
    /** Subtrees removed in this session: the source no longer speaks for them. */
    private final Set<String> cut = new HashSet<>();

    public DeviceTree(Map<String, ParameterAttributes> parameters) {
        this.nodes = new TreeMap<>(parameters);
        this.source = null;
    }

    /**
     * A tree read from {@code source} as it is used, with {@code known} nodes (e.g. the device's tags) in it
     * from the start; neither counts as a change.
     */
    public DeviceTree(org.cwmpacs.core.device.TreeSource source, Map<String, ParameterAttributes> known) {
        this.nodes = new TreeMap<>(known);
        this.source = source;
    }

    public Optional<ParameterAttributes> get(String path) {
        probe(path);
        return Optional.ofNullable(nodes.get(path));
    }

    /** Reads the node itself from the source, once. */
    private void probe(String path) {
        if (source == null || nodes.containsKey(path) || !probed.add(path) || underCut(path) || underLoaded(path)) {
            return;
        }
        source.attributes(path).ifPresent(a -> nodes.put(path, a));
    }

    /**
     * Reads the node's children (their own attributes) from the source, once; returns the names the
     * source has (a child stored without attributes of its own is an object implied by what is below it).
     */
    private List<String> loadLevel(String path) {
        if (source == null || underCut(path) || underLoaded(path)) {
            return List.of();
        }
        List<String> known = levelLoaded.get(path);
        if (known != null) {
            return known;
        }
        List<String> children = source.children(path);
        levelLoaded.put(path, children);
        for (String child : children) {
            probe(child);
        }
        return children;
    }

    /** Whether the source has something stored below {@code path} that the session did not remove. */
    private boolean sourceHasBelow(String path) {
        for (String child : loadLevel(path)) {
            if (!cut.contains(child)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the whole subtree from the source, once. */
    private void loadSubtree(String path) {
        if (source == null || underCut(path) || underLoaded(path)) {
            return;
        }
        probe(path);
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
        todo.add(path);
        while (!todo.isEmpty()) {
            String p = todo.poll();
            if (cut.contains(p)) {
                continue;
            }
            for (String child : loadLevel(p)) {
                if (!cut.contains(child)) {
                    todo.add(child);
                }
            }
        }
        subtreeLoaded.add(path);
    }

    private boolean underCut(String path) {
        return !cut.isEmpty() && (cut.contains(path) || ancestorIn(path, cut));
    }

    private boolean underLoaded(String path) {
        return subtreeLoaded.contains("") || (!subtreeLoaded.isEmpty() && (subtreeLoaded.contains(path)
                || ancestorIn(path, subtreeLoaded)));
    }

    private static boolean ancestorIn(String path, Set<String> set) {
        int dot = path.lastIndexOf('.');
        while (dot > 0) {
            if (set.contains(path.substring(0, dot))) {
                return true;
            }
            dot = path.lastIndexOf('.', dot - 1);
        }
        return false;
    }

    /** A node, or a parent implied by nodes below it (a stored document need not hold every object's attributes). */
    public boolean exists(String path) {
        if (path.isEmpty()) {
            return true;
        }
        probe(path);
        if (nodes.containsKey(path)) {
            return true;
        }
        return !below(path, false).isEmpty() || sourceHasBelow(path);
    }

    public boolean isObject(String path) {
        if (path.isEmpty()) {
            return true;
        }
        probe(path);
        ParameterAttributes node = nodes.get(path);
        if (node != null) {
            return node.isObject();
        }
        return !below(path, false).isEmpty() || sourceHasBelow(path);
    }

    /** Every node strictly below {@code path}. */
    public NavigableMap<String, ParameterAttributes> below(String path) {
        return below(path, true);
    }

    private NavigableMap<String, ParameterAttributes> below(String path, boolean load) {
        if (load) {
            loadSubtree(path);
        }
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
        ParameterAttributes self = path.isEmpty() ? null : get(path).orElse(null);
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
     * The direct children of {@code path}, existing or implied by nodes below them, in name order. Each
     * child's subtree is skipped over, not walked: a table's instances are found without visiting their
     * parameters.
     */
    public List<String> children(String path) {
        List<String> stored = loadLevel(path);
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
        java.util.TreeSet<String> all = new java.util.TreeSet<>(result);
        for (String child : stored) {
            if (!cut.contains(child)) {
                all.add(child);
            }
        }
        // in name order (a scan meets "A-x" before "A", whose subtree sorts after "A.")
        return new ArrayList<>(all);
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
        return org.cwmpacs.core.device.DocumentRoots.isLocal(dot < 0 ? path : path.substring(0, dot));
    }

    public void put(String path, ParameterAttributes attributes) {
        writes++;
        probe(path);
        ParameterAttributes before = nodes.put(path, attributes);
        changed.put(path, attributes);
        if (before == null || !sameButTimestamps(before, attributes)) {
            modifications++;
        }
    }

    /** How many times the tree was written, timestamps included: what was derived from it before may differ. */
    public long writes() {
        return writes;
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
            ParameterAttributes p = get(parent).orElse(null);
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
        // what the source holds below goes too: it no longer speaks for the subtree
        writes++;
        if (source != null) {
            cut.add(path);
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
