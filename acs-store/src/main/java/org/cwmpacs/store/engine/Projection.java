package org.cwmpacs.store.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Which fields of a document to return, as MongoDB's projection: inclusion ({@code {"a.b": 1}}, with
 * {@code _id} unless {@code {"_id": 0}}) or exclusion ({@code {"a": 0}}). Only the included parts of a
 * stored document are decoded.
 */
public final class Projection {
    /** The whole document. */
    public static final Projection ALL = new Projection(null, false);

    private final Tree tree;
    private final boolean exclusion;

    private static final class Tree {
        final Map<String, Tree> children = new LinkedHashMap<>();
        boolean whole;
    }

    private Projection(Tree tree, boolean exclusion) {
        this.tree = tree;
        this.exclusion = exclusion;
    }

    /** These fields and {@code _id}. */
    public static Projection including(Collection<String> paths) {
        Map<String, Object> spec = new LinkedHashMap<>();
        for (String path : paths) {
            spec.put(path, 1);
        }
        return compile(spec);
    }

    public static Projection compile(Map<String, ?> spec) {
        if (spec == null || spec.isEmpty()) {
            return ALL;
        }
        Boolean include = null;
        boolean withId = true;
        Tree tree = new Tree();
        for (Map.Entry<String, ?> e : spec.entrySet()) {
            boolean on = flag(e.getKey(), e.getValue());
            if (e.getKey().equals("_id")) {
                withId = on;
                continue;
            }
            if (include != null && include != on) {
                throw new QueryRefusedException("a projection either includes or excludes fields, not both ("
                        + e.getKey() + ")");
            }
            include = on;
            add(tree, e.getKey());
        }
        if (include == null) {
            include = !withId ? Boolean.FALSE : Boolean.TRUE;
            if (!withId) {
                add(tree, "_id");
                return new Projection(tree, true);
            }
        }
        if (include) {
            if (withId) {
                add(tree, "_id");
            }
            return new Projection(tree, false);
        }
        if (!withId) {
            add(tree, "_id");
        }
        return new Projection(tree, true);
    }

    private static boolean flag(String path, Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue() != 0;
        }
        throw new QueryRefusedException("projection: " + path + " must be 1 or 0, not " + value);
    }

    private static void add(Tree tree, String path) {
        Tree node = tree;
        for (String segment : path.split("\\.", -1)) {
            if (segment.isEmpty()) {
                throw new QueryRefusedException("projection: the field '" + path + "' has an empty part");
            }
            if (node.whole) {
                return;
            }
            node = node.children.computeIfAbsent(segment, s -> new Tree());
        }
        node.whole = true;
        node.children.clear();
    }

    /** The projected document, decoded. */
    public Document apply(Map<String, ?> doc) {
        if (tree == null) {
            return Docs.materialize(doc);
        }
        return exclusion ? exclude(doc, tree) : include(doc, tree);
    }

    private static Document include(Map<String, ?> doc, Tree tree) {
        Document out = new Document();
        if (tree.children.size() == 1) {
            Map.Entry<String, Tree> only = tree.children.entrySet().iterator().next();
            Object value = Docs.field(doc, only.getKey());
            if (value != Docs.MISSING) {
                included(out, only.getKey(), value, only.getValue());
            }
            return out;
        }
        for (Map.Entry<String, ?> e : doc.entrySet()) {
            Tree child = tree.children.get(e.getKey());
            if (child != null) {
                included(out, e.getKey(), e.getValue(), child);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void included(Document out, String key, Object value, Tree child) {
        if (child.whole) {
            out.put(key, Docs.copy(value));
        } else if (value instanceof Map) {
            out.put(key, include((Map<String, ?>) value, child));
        } else if (value instanceof List) {
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                if (item instanceof Map) {
                    items.add(include((Map<String, ?>) item, child));
                }
            }
            out.put(key, items);
        }
    }

    @SuppressWarnings("unchecked")
    private static Document exclude(Map<String, ?> doc, Tree tree) {
        Document out = new Document();
        for (Map.Entry<String, ?> e : doc.entrySet()) {
            Tree child = tree.children.get(e.getKey());
            if (child == null) {
                out.put(e.getKey(), Docs.copy(e.getValue()));
            } else if (!child.whole) {
                Object value = e.getValue();
                if (value instanceof Map) {
                    out.put(e.getKey(), exclude((Map<String, ?>) value, child));
                } else if (value instanceof List) {
                    List<Object> items = new ArrayList<>();
                    for (Object item : (List<?>) value) {
                        items.add(item instanceof Map ? exclude((Map<String, ?>) item, child) : Docs.copy(item));
                    }
                    out.put(e.getKey(), items);
                } else {
                    out.put(e.getKey(), value);
                }
            }
        }
        return out;
    }
}
