package org.cwmpacs.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MongoDB's sort order over one or more fields: values in MongoDB's order ({@link Values}), a missing field
 * as null, an array by its smallest element ascending and its largest descending.
 */
public final class Sort {
    public static final Sort NONE = new Sort(new String[0][], new int[0]);

    private final String[][] fields;
    private final int[] directions;

    private Sort(String[][] fields, int[] directions) {
        this.fields = fields;
        this.directions = directions;
    }

    public static Sort compile(Map<String, ?> spec) {
        if (spec == null || spec.isEmpty()) {
            return NONE;
        }
        String[][] fields = new String[spec.size()][];
        int[] directions = new int[spec.size()];
        int i = 0;
        for (Map.Entry<String, ?> e : spec.entrySet()) {
            Object d = e.getValue();
            if (!(d instanceof Number) || Math.abs(((Number) d).doubleValue()) != 1) {
                throw new QueryRefusedException("sort: " + e.getKey() + " must be 1 or -1, not " + d);
            }
            String[] segments = e.getKey().split("\\.", -1);
            for (String s : segments) {
                if (s.isEmpty()) {
                    throw new QueryRefusedException("sort: the field '" + e.getKey() + "' has an empty part");
                }
            }
            fields[i] = segments;
            directions[i] = ((Number) d).intValue();
            i++;
        }
        return new Sort(fields, directions);
    }

    public boolean isNone() {
        return fields.length == 0;
    }

    /** The document's sort key: one value per field. */
    Object[] key(Map<String, ?> doc) {
        Object[] key = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            List<Object> values = new ArrayList<>(2);
            Filter.resolve(doc, fields[i], 0, values);
            Object chosen = null;
            boolean first = true;
            for (Object v : values) {
                List<?> candidates = v instanceof List && !((List<?>) v).isEmpty() ? (List<?>) v : java.util.Collections.singletonList(v);
                for (Object c : candidates) {
                    if (first || (directions[i] > 0 ? Values.compare(c, chosen) < 0 : Values.compare(c, chosen) > 0)) {
                        chosen = c;
                        first = false;
                    }
                }
            }
            key[i] = chosen;
        }
        return key;
    }

    int compare(Object[] a, Object[] b) {
        for (int i = 0; i < directions.length; i++) {
            int c = Values.compare(a[i], b[i]);
            if (c != 0) {
                return directions[i] * c;
            }
        }
        return 0;
    }
}
