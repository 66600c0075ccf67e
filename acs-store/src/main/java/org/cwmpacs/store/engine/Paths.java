package org.cwmpacs.store.engine;

import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Dotted paths ({@code a.b.c}) in decoded documents, with MongoDB's rules for updates. */
final class Paths {
    private Paths() {
    }

    /**
     * Checks a path an update names: non-empty segments, none starting with {@code $} (no positional
     * operators), at most {@link Limits#MAX_DEPTH} of them.
     */
    static void check(String path) {
        if (path.isEmpty()) {
            throw new DocumentRefusedException("an update names an empty field path");
        }
        int segments = 1;
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '.') {
                if (i == start) {
                    throw new DocumentRefusedException("the field path '" + Bson.abbreviate(path)
                            + "' has an empty part");
                }
                if (path.charAt(start) == '$') {
                    throw new DocumentRefusedException("the field path '" + Bson.abbreviate(path)
                            + "' has a part starting with $, which the store does not support in updates");
                }
                if (i < path.length()) {
                    segments++;
                    start = i + 1;
                }
            } else if (path.charAt(i) == 0) {
                throw new DocumentRefusedException("the field path '" + Bson.abbreviate(path)
                        + "' contains a NUL character");
            }
        }
        if (segments >= Limits.MAX_DEPTH) {
            throw new DocumentRefusedException("the field path '" + Bson.abbreviate(path) + "' is " + segments
                    + " levels deep; documents may nest at most " + Limits.MAX_DEPTH + " levels");
        }
    }

    /** MongoDB's {@code $set}: creates the documents on the way; an array takes a numeric part as a position. */
    @SuppressWarnings("unchecked")
    static void set(Document doc, String path, Object value) {
        Object container = doc;
        int start = 0;
        while (true) {
            int dot = path.indexOf('.', start);
            String segment = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (dot < 0) {
                put(container, segment, value, path);
                return;
            }
            container = descend(container, segment, path, dot);
            start = dot + 1;
        }
    }

    /**
     * {@link #set} of many paths, in their sorted order: each path walks down only from where it parts
     * from the one before (a device's thousands of attribute paths share most of their parents), so the
     * work is one lookup per new path segment.
     */
    static void setAll(Document doc, java.util.SortedMap<String, Object> values) {
        List<Object> containers = new java.util.ArrayList<>();
        String previous = null;
        int[] previousDots = new int[8];
        int previousSegments = 0;
        int[] dots = new int[8];
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String path = e.getKey();
            // segment i of path runs from dots[i - 1] + 1 (0 for the first) to dots[i] (path.length() for the last)
            int segments = 0;
            for (int i = 0; i <= path.length(); i++) {
                if (i == path.length() || path.charAt(i) == '.') {
                    if (segments == dots.length) {
                        dots = java.util.Arrays.copyOf(dots, segments * 2);
                    }
                    dots[segments++] = i;
                }
            }
            int common = 0;
            if (previous != null) {
                int max = Math.min(segments, previousSegments) - 1;
                // the segments before `common` matched already: compare only the next one
                while (common < max && dots[common] == previousDots[common] && path.regionMatches(
                        common == 0 ? 0 : dots[common - 1], previous, common == 0 ? 0 : dots[common - 1],
                        dots[common] - (common == 0 ? 0 : dots[common - 1]))) {
                    common++;
                }
            }
            // containers.get(i) holds segment i; those of the shared parents are still right (no conflicts)
            while (containers.size() > common + 1) {
                containers.remove(containers.size() - 1);
            }
            if (containers.isEmpty()) {
                containers.add(doc);
            }
            Object container = containers.get(common);
            for (int i = common; i < segments - 1; i++) {
                String segment = path.substring(i == 0 ? 0 : dots[i - 1] + 1, dots[i]);
                container = descend(container, segment, path, dots[i]);
                containers.add(container);
            }
            put(container, path.substring(segments == 1 ? 0 : dots[segments - 2] + 1), e.getValue(), path);
            previous = path;
            int[] swap = previousDots;
            previousDots = dots;
            dots = swap;
            previousSegments = segments;
        }
    }

    /**
     * The document (or array) under {@code segment} of {@code container}, created when absent, for a
     * {@code $set} of {@code path} going through it ({@code end}: where the segment ends in the path).
     */
    private static Object descend(Object container, String segment, String path, int end) {
        Object next = get(container, segment, path);
        if (next == Docs.MISSING || next == null) {
            next = new Document();
            put(container, segment, next, path);
        } else if (next instanceof Map && !(next instanceof Document)) {
            next = Docs.copy(next);
            put(container, segment, next, path);
        } else if (!(next instanceof Document) && !(next instanceof List)) {
            throw new DocumentRefusedException("cannot set '" + Bson.abbreviate(path) + "': '"
                    + Bson.abbreviate(path.substring(0, end)) + "' holds a value, not a document");
        }
        return next;
    }

    /** MongoDB's {@code $unset}: removes the field (an array element becomes null); false if it was not there. */
    static boolean unset(Document doc, String path) {
        Object container = doc;
        int start = 0;
        while (true) {
            int dot = path.indexOf('.', start);
            String segment = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (dot < 0) {
                if (container instanceof Document) {
                    boolean had = ((Document) container).containsKey(segment);
                    ((Document) container).remove(segment);
                    return had;
                }
                if (container instanceof List && Docs.isIndex(segment)) {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) container;
                    int i = Integer.parseInt(segment);
                    if (i < list.size()) {
                        list.set(i, null);
                        return true;
                    }
                }
                return false;
            }
            Object next = get(container, segment, path);
            if (next instanceof Map && !(next instanceof Document)) {
                next = Docs.copy(next);
                put(container, segment, next, path);
            }
            if (!(next instanceof Document) && !(next instanceof List)) {
                return false;
            }
            container = next;
            start = dot + 1;
        }
    }

    private static Object get(Object container, String segment, String path) {
        if (container instanceof Document) {
            return Docs.field((Document) container, segment);
        }
        List<?> list = (List<?>) container;
        if (!Docs.isIndex(segment)) {
            throw new DocumentRefusedException("cannot use '" + Bson.abbreviate(path)
                    + "': the part '" + segment + "' names a field of an array");
        }
        int i = Integer.parseInt(segment);
        return i < list.size() ? list.get(i) : Docs.MISSING;
    }

    @SuppressWarnings("unchecked")
    private static void put(Object container, String segment, Object value, String path) {
        if (container instanceof Document) {
            ((Document) container).put(segment, value);
            return;
        }
        if (!(container instanceof List) || !Docs.isIndex(segment)) {
            throw new DocumentRefusedException("cannot set '" + Bson.abbreviate(path) + "' inside an array");
        }
        List<Object> list = (List<Object>) container;
        int i = Integer.parseInt(segment);
        if (i > list.size() + 1_000) {
            throw new DocumentRefusedException("cannot set '" + Bson.abbreviate(path)
                    + "': the position is far past the end of the array");
        }
        while (list.size() <= i) {
            list.add(null);
        }
        list.set(i, value);
    }
}
