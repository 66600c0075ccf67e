package org.cwmpacs.nbi.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code projection} and {@code sort} parameters of a collection query. */
public final class ResultShape {
    private ResultShape() {
    }

    /**
     * {@code a,b.c,b} → {@code [a, b]}: a path inside another one asked for is dropped (MongoDB refuses
     * both in one projection), as are empty names.
     */
    public static List<String> projection(String text) {
        List<String> paths = new ArrayList<>();
        for (String raw : text.split(",")) {
            String path = raw.strip();
            if (!path.isEmpty() && !paths.contains(path)) {
                paths.add(path);
            }
        }
        List<String> kept = new ArrayList<>();
        for (String path : paths) {
            boolean covered = false;
            for (String other : paths) {
                if (!other.equals(path) && path.startsWith(other + ".")) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                kept.add(path);
            }
        }
        return kept;
    }

    /** {@code {"field": 1 | -1}}; for devices a parameter sorts by its value. */
    public static Map<String, Integer> sort(Map<String, Object> sort, boolean devices) throws InvalidQuery {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : sort.entrySet()) {
            Object direction = e.getValue();
            if (!(direction instanceof Number) || Math.abs(((Number) direction).doubleValue()) != 1) {
                throw new InvalidQuery("sort: " + e.getKey() + " must be 1 (ascending) or -1 (descending), not "
                        + direction);
            }
            result.put(devices ? DeviceQuery.valuePath(e.getKey()) : e.getKey(), ((Number) direction).intValue());
        }
        return result;
    }
}
