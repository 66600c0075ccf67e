package org.cwmpacs.store.engine;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A stored document with the values its {@link Overlay} sets, seen as one document: what a query or a
 * reader gets for a document with pending small changes. Lazy like the stored view beneath it.
 */
final class OverlayDocument extends AbstractMap<String, Object> {
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

    @SuppressWarnings("unchecked")
    Object lookup(String key) {
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

    @Override
    public Object get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        Object value = lookup((String) key);
        return value == Docs.MISSING ? null : value;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && lookup((String) key) != Docs.MISSING;
    }

    /** The stored fields in stored order, then the fields only the overlay has, in path order. */
    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        Map<String, Object> level = new LinkedHashMap<>();
        if (base != null) {
            for (String key : base.keySet()) {
                level.put(key, lookup(key));
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
