package org.cwmpacs.store.engine;

import java.util.AbstractMap;
import java.util.Map;

/**
 * A document read without decoding it whole: a field is looked up where it is stored. What
 * {@link LazyDocument} and {@link OverlayDocument} share.
 */
public abstract class DocumentView extends AbstractMap<String, Object> {
    /** The field's value, or {@link Docs#MISSING} when there is no such field (null is a value). */
    public abstract Object lookup(String key);

    /**
     * The fields whose names start with {@code first}, in one pass over the level (a device node's
     * {@code _value}, {@code _type}, … are read together, not each by a walk of its level).
     */
    public Map<String, Object> fieldsStartingWith(char first) {
        Map<String, Object> out = new java.util.HashMap<>();
        for (Map.Entry<String, Object> e : entrySet()) {
            if (!e.getKey().isEmpty() && e.getKey().charAt(0) == first) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
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
}
