package org.cwmpacs.store.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Values set on a large stored document since it was last written whole: dotted path → scalar value,
 * sorted by path. A periodic Inform changes a few fields of a device whose document holds its whole
 * parameter tree; keeping those few here (and logging only them) spares rewriting the document each time.
 * A path set here replaces whatever the stored document has at that path. Immutable.
 */
final class Overlay {
    static final Overlay EMPTY = new Overlay(new String[0], new Object[0], 0);

    private final String[] paths;
    private final Object[] values;
    /** About what the values would take in BSON. */
    private final int bytes;

    private Overlay(String[] paths, Object[] values, int bytes) {
        this.paths = paths;
        this.values = values;
        this.bytes = bytes;
    }

    int size() {
        return paths.length;
    }

    int bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return paths.length == 0;
    }

    String path(int i) {
        return paths[i];
    }

    Object value(int i) {
        return values[i];
    }

    /** The value set at exactly this path, or {@link Docs#MISSING}. */
    Object exact(String path) {
        int i = Arrays.binarySearch(paths, path);
        return i >= 0 ? values[i] : Docs.MISSING;
    }

    /** The first index whose path is at or after {@code path}. */
    int lowerBound(String path) {
        int i = Arrays.binarySearch(paths, path);
        return i >= 0 ? i : -i - 1;
    }

    /** Whether a path below {@code prefix} (which ends with a dot, or is empty for the top) is set. */
    boolean hasUnder(String prefix) {
        int i = lowerBound(prefix);
        return i < paths.length && paths[i].startsWith(prefix);
    }

    /** With these paths set: each replaces what was at or below it. */
    Overlay plus(SortedMap<String, Object> sets) {
        TreeMap<String, Object> merged = new TreeMap<>();
        for (int i = 0; i < paths.length; i++) {
            merged.put(paths[i], values[i]);
        }
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            String path = e.getKey();
            merged.subMap(path + ".", path + "/").clear();
            merged.put(path, e.getValue());
        }
        String[] p = new String[merged.size()];
        Object[] v = new Object[merged.size()];
        int n = 0;
        int size = 0;
        for (Map.Entry<String, Object> e : merged.entrySet()) {
            p[n] = e.getKey();
            v[n] = e.getValue();
            size += e.getKey().length() + 8 + estimate(e.getValue());
            n++;
        }
        return new Overlay(p, v, size);
    }

    static int estimate(Object value) {
        return value instanceof String ? ((String) value).length() + 5 : 8;
    }

    /** Sets every path into a decoded document, creating the documents on the way. */
    void applyTo(Document doc) {
        for (int i = 0; i < paths.length; i++) {
            Paths.set(doc, paths[i], values[i]);
        }
    }

    /** The immediate child names that paths below {@code prefix} go through, in path order. */
    List<String> childrenUnder(String prefix) {
        List<String> children = new ArrayList<>();
        for (int i = lowerBound(prefix); i < paths.length && paths[i].startsWith(prefix); i++) {
            String rest = paths[i].substring(prefix.length());
            int dot = rest.indexOf('.');
            String child = dot < 0 ? rest : rest.substring(0, dot);
            if (children.isEmpty() || !children.get(children.size() - 1).equals(child)) {
                children.add(child);
            }
        }
        return children;
    }
}
