package org.cwmpacs.store.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A stored document with the values its {@link Overlay} sets, seen as one document: what a query or a
 * reader gets for a document with pending small changes. Lazy like the stored view beneath it.
 */
final class OverlayDocument extends DocumentView {
    /** The stored document at this level; null where only the overlay has something. */
    private final Map<String, ?> base;
    /** This level's path with a trailing dot; empty for the top. */
    private final String prefix;
    private final Overlay overlay;

    OverlayDocument(Map<String, ?> base, String prefix, Overlay overlay) {
        this.base = base;
        this.prefix = prefix;
        this.overlay = overlay;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object lookup(String key) {
        String path = prefix + key;
        Object set = overlay.exact(path);
        if (set != Docs.MISSING) {
            return set;
        }
        Object stored = base == null ? Docs.MISSING : Docs.field(base, key);
        if (overlay.hasUnder(path + ".")) {
            return new OverlayDocument(stored instanceof Map ? (Map<String, ?>) stored : null, path + ".", overlay);
        }
        return stored;
    }

    /** The value at {@code key} given its stored value. */
    @SuppressWarnings("unchecked")
    private Object overlaid(String key, Object stored) {
        String path = prefix + key;
        Object set = overlay.exact(path);
        if (set != Docs.MISSING) {
            return set;
        }
        if (overlay.hasUnder(path + ".")) {
            return new OverlayDocument(stored instanceof Map ? (Map<String, ?>) stored : null, path + ".", overlay);
        }
        return stored;
    }

    /** The stored fields in stored order, then the fields only the overlay has, in path order. */
    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        Map<String, Object> level = new LinkedHashMap<>();
        if (base != null) {
            // one pass over the stored level: a lookup per key would walk the level again for each
            for (Map.Entry<String, ?> e : base.entrySet()) {
                level.put(e.getKey(), overlaid(e.getKey(), e.getValue()));
            }
        }
        for (String child : overlay.childrenUnder(prefix)) {
            if (!level.containsKey(child)) {
                level.put(child, lookup(child));
            }
        }
        return level.entrySet();
    }
}
