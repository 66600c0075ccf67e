package org.cwmpacs.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One GetParameterValues: the names to ask for, the leaves the answer should hold, and which of them were
 * asked for by name. Whole subtrees go by partial path where every leaf under them is stale and the CPE takes
 * partial paths; the rest by name; the request is filled up to the CPE's limit so that the tree comes in
 * ⌈values / limit⌉ answers.
 */
record ValuesRequest(List<String> names, List<String> expected, List<String> explicit) {
    /** Explicit names per GetParameterValues when the CPE takes no partial paths and has shown no limit. */
    static final int MAX_EXPLICIT_NAMES = 1000;

    /** The first request for these stale leaves. */
    static ValuesRequest first(DeviceTree tree, Set<String> stale, List<String> subtreeRoots, Set<String> askByName,
                               CpeProfile profile, int maxNames) {
        int cap = profile.partialPaths() ? profile.maxValues() : Math.min(profile.maxValues(), MAX_EXPLICIT_NAMES);
        List<List<String>> units = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        if (profile.partialPaths()) {
            // count leaves and stale leaves per object once
            Map<String, int[]> counts = new HashMap<>();
            for (String root : subtreeRoots) {
                for (String leaf : tree.leaves(root)) {
                    boolean s = stale.contains(leaf) && !askByName.contains(leaf);
                    String p = leaf;
                    int dot;
                    while ((dot = p.lastIndexOf('.')) > 0) {
                        p = p.substring(0, dot);
                        int[] c = counts.computeIfAbsent(p, k -> new int[2]);
                        c[0]++;
                        if (s) {
                            c[1]++;
                        }
                        if (p.equals(root)) {
                            break;
                        }
                    }
                }
            }
            for (String root : new TreeSet<>(subtreeRoots)) {
                if (!covered.contains(root) && !coveredByAncestor(root, covered)) {
                    cover(tree, root.isEmpty() ? tree.roots() : List.of(root), counts, cap, units, covered);
                }
            }
        }
        for (String leaf : stale) {
            if (!coveredByAncestor(leaf, covered)) {
                units.add(List.of(leaf));
            }
        }
        // pack units into the first request
        List<String> names = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> explicit = new ArrayList<>();
        int size = 0;
        for (List<String> unit : units) {
            int unitSize = unit.size() - 1;
            boolean partial = unit.get(0).endsWith(".");
            int n = partial ? unitSize : 1;
            if (!names.isEmpty() && size + n > cap) {
                if (partial) {
                    // fill the request up to the cap by name, so that ⌈values / cap⌉ requests suffice
                    for (String leaf : unit.subList(1, unit.size())) {
                        if (size >= cap) {
                            break;
                        }
                        names.add(leaf);
                        expected.add(leaf);
                        explicit.add(leaf);
                        size++;
                    }
                }
                if (size >= cap) {
                    break;
                }
                continue;
            }
            names.add(unit.get(0));
            if (partial) {
                expected.addAll(unit.subList(1, unit.size()));
            } else {
                expected.add(unit.get(0));
                explicit.add(unit.get(0));
            }
            size += n;
            if (size >= cap) {
                break;
            }
        }
        if (names.size() > maxNames) {
            // fewer names at a time while a refused request is narrowed down
            List<String> kept = names.subList(0, maxNames);
            Set<String> keptSet = new HashSet<>(kept);
            List<String> partials = kept.stream().filter(n -> n.endsWith(".")).toList();
            expected = expected.stream().filter(e -> keptSet.contains(e) || partials.stream().anyMatch(e::startsWith))
                    .toList();
            explicit = explicit.stream().filter(keptSet::contains).toList();
            names = new ArrayList<>(kept);
        }
        return new ValuesRequest(names, expected, explicit);
    }

    private static boolean coveredByAncestor(String path, Set<String> covered) {
        String p = path;
        int dot;
        while ((dot = p.lastIndexOf('.')) > 0) {
            p = p.substring(0, dot);
            if (covered.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Partial paths for the largest wholly stale objects that fit the cap; their leaves follow the path. */
    private static void cover(DeviceTree tree, List<String> objects, Map<String, int[]> counts, int cap,
                              List<List<String>> units, Set<String> covered) {
        for (String object : objects) {
            int[] c = counts.get(object);
            if (c == null || c[1] == 0) {
                continue;
            }
            if (c[0] == c[1] && c[0] <= cap) {
                List<String> unit = new ArrayList<>();
                unit.add(object + ".");
                unit.addAll(tree.leaves(object));
                units.add(unit);
                covered.add(object);
            } else {
                List<String> childObjects = new ArrayList<>();
                for (String child : tree.children(object)) {
                    if (tree.isObject(child)) {
                        childObjects.add(child);
                    }
                }
                cover(tree, childObjects, counts, cap, units, covered);
            }
        }
    }
}
