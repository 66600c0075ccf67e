package org.cwmpacs.store.engine;

import java.util.AbstractMap;

/**
 * A document read without decoding it whole: a field is looked up where it is stored. What
 * {@link LazyDocument} and {@link OverlayDocument} share.
 */
public abstract class DocumentView extends AbstractMap<String, Object> {
    /** The field's value, or {@link Docs#MISSING} when there is no such field (null is a value). */
    public abstract Object lookup(String key);

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
