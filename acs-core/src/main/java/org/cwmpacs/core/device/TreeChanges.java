package org.cwmpacs.core.device;

import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a session changed in a device's tree, to be written in one go: subtrees removed (first), then
 * nodes whose attributes are written (every attribute present in the {@link ParameterAttributes}).
 * Paths are dotted, without a trailing dot; {@code ""} is the device's root.
 */
public record TreeChanges(SortedMap<String, ParameterAttributes> set, Set<String> removed) {
    public TreeChanges {
        set = new TreeMap<>(set);
        removed = Set.copyOf(removed);
    }

    public boolean isEmpty() {
        return set.isEmpty() && removed.isEmpty();
    }
}
