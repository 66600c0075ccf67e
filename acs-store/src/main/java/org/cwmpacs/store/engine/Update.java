package org.cwmpacs.store.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.Document;

/**
 * A MongoDB update document ({@code $set}, {@code $unset}, {@code $setOnInsert}, {@code $addToSet},
 * {@code $pull}) checked once: paths valid, no two paths in conflict (one inside the other), checked in
 * one sort rather than pair by pair.
 */
public final class Update {
    final SortedMap<String, Object> set;
    final List<String> unset;
    final SortedMap<String, Object> setOnInsert;
    final Map<String, List<Object>> addToSet;
    final Map<String, Object> pull;

    private Update(SortedMap<String, Object> set, List<String> unset, SortedMap<String, Object> setOnInsert,
                   Map<String, List<Object>> addToSet, Map<String, Object> pull) {
        this.set = set;
        this.unset = unset;
        this.setOnInsert = setOnInsert;
        this.addToSet = addToSet;
        this.pull = pull;
    }

    /** Only {@code $set} of these dotted paths. */
    public static Update set(Map<String, ?> values) {
        return parse(new Document("$set", values));
    }

    @SuppressWarnings("unchecked")
    public static Update parse(Map<String, ?> update) {
        SortedMap<String, Object> set = new TreeMap<>();
        List<String> unset = new ArrayList<>();
        SortedMap<String, Object> setOnInsert = new TreeMap<>();
        Map<String, List<Object>> addToSet = new LinkedHashMap<>();
        Map<String, Object> pull = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : update.entrySet()) {
            if (!(e.getValue() instanceof Map)) {
                throw new DocumentRefusedException("the update operator " + e.getKey() + " needs an object");
            }
            Map<String, Object> fields = (Map<String, Object>) e.getValue();
            switch (e.getKey()) {
                case "$set":
                    set.putAll(fields);
                    break;
                case "$unset":
                    unset.addAll(fields.keySet());
                    break;
                case "$setOnInsert":
                    setOnInsert.putAll(fields);
                    break;
                case "$addToSet":
                    fields.forEach((path, value) -> addToSet.put(path, value instanceof Map
                            && ((Map<?, ?>) value).containsKey("$each") && ((Map<?, ?>) value).get("$each") instanceof List
                            ? new ArrayList<>((List<Object>) ((Map<?, ?>) value).get("$each"))
                            : java.util.Collections.singletonList(value)));
                    break;
                case "$pull":
                    pull.putAll(fields);
                    break;
                default:
                    throw new DocumentRefusedException("the update operator " + e.getKey()
                            + " is not supported by this store");
            }
        }
        List<String> all = new ArrayList<>();
        all.addAll(set.keySet());
        all.addAll(unset);
        all.addAll(addToSet.keySet());
        all.addAll(pull.keySet());
        for (String path : all) {
            Paths.check(path);
            if (path.equals("_id")) {
                throw new DocumentRefusedException("an update cannot change _id");
            }
        }
        for (String path : setOnInsert.keySet()) {
            Paths.check(path);
        }
        checkConflicts(all);
        return new Update(set, unset, setOnInsert, addToSet, pull);
    }

    /**
     * MongoDB refuses an update naming a path and another inside it, or one twice. Sorted with the dot
     * below every other character, a path's descendants follow it directly, so comparing neighbours finds
     * every conflict: linear after the sort, whatever the number of paths.
     */
    private static void checkConflicts(List<String> paths) {
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(Update::segmentOrder);
        for (int i = 1; i < sorted.size(); i++) {
            String previous = sorted.get(i - 1);
            String path = sorted.get(i);
            if (path.equals(previous) || path.startsWith(previous) && path.charAt(previous.length()) == '.') {
                throw new DocumentRefusedException("updating the path '" + Bson.abbreviate(path)
                        + "' would conflict with '" + Bson.abbreviate(previous) + "'");
            }
        }
    }

    /** Text order with the dot below every other character: a parent comes right before its descendants. */
    static int segmentOrder(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return ca == '.' ? -1 : cb == '.' ? 1 : Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Whether it only sets values (no removal, no arrays): what an overlay can hold. */
    boolean onlySetsScalars() {
        if (!unset.isEmpty() || !addToSet.isEmpty() || !pull.isEmpty() || set.isEmpty()) {
            return false;
        }
        for (Object v : set.values()) {
            if (v instanceof Map || v instanceof List || v instanceof Object[]) {
                return false;
            }
        }
        return true;
    }

    /** Applies it to a decoded document; {@code inserting} when the document is being created (upsert). */
    void applyTo(Document doc, boolean inserting) {
        if (inserting) {
            setOnInsert.forEach((path, value) -> Paths.set(doc, path, value));
        }
        for (String path : unset) {
            Paths.unset(doc, path);
        }
        Paths.setAll(doc, set);
        addToSet.forEach((path, values) -> {
            Object current = Docs.at(doc, path);
            List<Object> list;
            if (current == Docs.MISSING || current == null) {
                list = new ArrayList<>();
            } else if (current instanceof List) {
                list = new ArrayList<>((List<?>) current);
            } else {
                throw new DocumentRefusedException("$addToSet: '" + path + "' holds a value, not an array");
            }
            for (Object value : values) {
                if (list.stream().noneMatch(existing -> Values.equal(existing, value))) {
                    list.add(value);
                }
            }
            Paths.set(doc, path, list);
        });
        pull.forEach((path, condition) -> {
            Object current = Docs.at(doc, path);
            if (current instanceof List) {
                List<Object> kept = new ArrayList<>();
                Filter match = condition instanceof Map && !((Map<?, ?>) condition).isEmpty()
                        && String.valueOf(((Map<?, ?>) condition).keySet().iterator().next()).startsWith("$")
                        ? Filter.compile(new Document("v", condition)) : null;
                for (Object item : (List<?>) current) {
                    boolean pulled = match != null ? match.matches(new Document("v", item),
                            org.cwmpacs.core.store.QueryControl.NONE) : Values.equal(item, condition);
                    if (!pulled) {
                        kept.add(item);
                    }
                }
                Paths.set(doc, path, kept);
            }
        });
    }
}
