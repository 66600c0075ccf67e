package org.cwmpacs.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Reading fields of documents whatever their form (decoded, read in place, or with pending changes). */
public final class Docs {
    /** What a lookup of an absent field returns; {@code null} is a stored value. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "(missing)";
        }
    };

    private Docs() {
    }

    /** The field's value, or {@link #MISSING}. */
    public static Object field(Map<?, ?> doc, String key) {
        if (doc instanceof DocumentView) {
            return ((DocumentView) doc).lookup(key);
        }
        Object value = doc.get(key);
        return value != null || doc.containsKey(key) ? value : MISSING;
    }

    /**
     * The value at a dotted path, through documents only (and array positions given as numbers), or
     * {@link #MISSING}.
     */
    public static Object at(Map<?, ?> doc, String path) {
        Object current = doc;
        int start = 0;
        while (true) {
            int dot = path.indexOf('.', start);
            String segment = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (current instanceof Map) {
                current = field((Map<?, ?>) current, segment);
            } else if (current instanceof List && isIndex(segment)) {
                List<?> list = (List<?>) current;
                int i = Integer.parseInt(segment);
                current = i < list.size() ? list.get(i) : MISSING;
            } else {
                return MISSING;
            }
            if (current == MISSING || dot < 0) {
                return current;
            }
            start = dot + 1;
        }
    }

    static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A deep copy in the driver's types ({@link Document}, {@link ArrayList}), lazy views read whole. */
    public static Object copy(Object value) {
        if (value instanceof LazyDocument) {
            return ((LazyDocument) value).materialize();
        }
        if (value instanceof Map) {
            Document doc = new Document();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                doc.put(String.valueOf(e.getKey()), copy(e.getValue()));
            }
            return doc;
        }
        if (value instanceof List) {
            List<Object> list = new ArrayList<>(((List<?>) value).size());
            for (Object item : (List<?>) value) {
                list.add(copy(item));
            }
            return list;
        }
        return value;
    }

    /** A whole document as a decoded {@link Document}. */
    public static Document materialize(Map<String, ?> doc) {
        if (doc instanceof Document) {
            return (Document) doc;
        }
        return (Document) copy(doc);
    }
}
