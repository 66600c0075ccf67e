package org.cwmpacs.core.engine;

import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.TreeChanges;
import org.cwmpacs.core.expression.TagNames;

/**
 * A session's changes split into the parameter tree's and the tags' ({@code Tags.<name>} in the session,
 * {@code _tags} in the document).
 */
record TagChanges(TreeChanges parameters, Set<String> added, Set<String> removed) {
    static TagChanges split(TreeChanges changes) {
        SortedMap<String, ParameterAttributes> set = new TreeMap<>();
        Set<String> removedPaths = new TreeSet<>();
        Set<String> added = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        changes.set().forEach((path, a) -> {
            if (path.equals("Tags")) {
                return;
            }
            if (path.startsWith("Tags.")) {
                added.add(TagNames.decode(path.substring(5)));
            } else {
                set.put(path, a);
            }
        });
        for (String path : changes.removed()) {
            if (path.startsWith("Tags.")) {
                removed.add(TagNames.decode(path.substring(5)));
            } else if (!path.equals("Tags")) {
                removedPaths.add(path);
            }
        }
        return new TagChanges(new TreeChanges(set, removedPaths), added, removed);
    }

    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }
}
