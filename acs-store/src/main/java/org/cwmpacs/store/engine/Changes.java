package org.cwmpacs.store.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.cwmpacs.core.store.QueryControl;

/** How each {@link WriteOp} changes the documents, staged in a transaction of the writer. */
final class Changes {
    /** A document this small is rewritten whole rather than given an overlay. */
    static final int OVERLAY_MIN_BASE = 8 * 1024;
    static final int OVERLAY_MAX_PATHS = 512;
    static final int OVERLAY_MAX_BYTES = 64 * 1024;

    private Changes() {
    }

    /** Stages the change; returns the write's result (see {@link WriteOp}). */
    static Object apply(WriteOp op, Table table, Staging.Txn tx) {
        if (op instanceof WriteOp.Insert) {
            Map<String, ?> given = ((WriteOp.Insert) op).document();
            Object id = given.containsKey("_id") ? given.get("_id") : new ObjectId();
            Key key = key(id);
            if (tx.current(table, key) != null) {
                throw new WriteOp.DuplicateKeyException("E11000 duplicate key: " + table.name + " already has a "
                        + "document with _id " + Bson.abbreviate(String.valueOf(id)));
            }
            tx.put(table, key, withId(given, id));
            return id;
        }
        if (op instanceof WriteOp.Replace) {
            WriteOp.Replace r = (WriteOp.Replace) op;
            Key key = key(r.id());
            boolean existed = tx.current(table, key) != null;
            if (existed || r.upsert()) {
                tx.put(table, key, withId(r.document(), r.id()));
            }
            return existed;
        }
        if (op instanceof WriteOp.Update) {
            return update((WriteOp.Update) op, table, tx);
        }
        if (op instanceof WriteOp.Delete) {
            Key key = key(((WriteOp.Delete) op).id());
            if (tx.current(table, key) == null) {
                return false;
            }
            tx.delete(table, key);
            return true;
        }
        WriteOp.DeleteIfMatches d = (WriteOp.DeleteIfMatches) op;
        Key key = key(d.id());
        Entry current = tx.current(table, key);
        if (current == null || !d.filter().matches(current.view(), QueryControl.NONE)) {
            return false;
        }
        tx.delete(table, key);
        return true;
    }

    private static Key key(Object id) {
        if (id instanceof List || id instanceof java.util.regex.Pattern || id instanceof org.bson.BsonRegularExpression) {
            throw new DocumentRefusedException("_id cannot be an array or a regular expression");
        }
        if (id instanceof Map) {
            id = Docs.copy(id);
        }
        return new Key(id);
    }

    /** The document with {@code _id} first, as MongoDB stores it. */
    private static Map<String, ?> withId(Map<String, ?> given, Object id) {
        if (!given.isEmpty() && given.keySet().iterator().next().equals("_id") && Values.equal(given.get("_id"), id)) {
            return given;
        }
        Document doc = new Document("_id", id);
        for (Map.Entry<String, ?> e : given.entrySet()) {
            if (!e.getKey().equals("_id")) {
                doc.put(e.getKey(), e.getValue());
            }
        }
        return doc;
    }

    private static Object update(WriteOp.Update u, Table table, Staging.Txn tx) {
        Key key = key(u.id());
        Entry current = tx.current(table, key);
        Update update = u.update();
        if (current == null) {
            if (!u.upsert()) {
                return new WriteOp.UpdateResult(false, false);
            }
            Document doc = new Document("_id", key.id);
            update.applyTo(doc, true);
            tx.put(table, key, doc);
            return new WriteOp.UpdateResult(false, true);
        }
        Optional<Overlay> overlay = overlaid(table, current, update);
        if (overlay.isPresent()) {
            tx.patch(table, current, overlay.get(), update.set);
        } else {
            Document doc = current.materialize();
            update.applyTo(doc, false);
            tx.put(table, key, doc);
        }
        return new WriteOp.UpdateResult(true, false);
    }

    /**
     * The entry's overlay with the update's values, when the update can be kept that way: only values set,
     * on a large document of an unindexed collection, each path leading through documents.
     */
    private static Optional<Overlay> overlaid(Table table, Entry current, Update update) {
        if (table.indexedFields.length > 0 || current.baseLength() < OVERLAY_MIN_BASE
                || current.overlay.size() + update.set.size() > OVERLAY_MAX_PATHS || !update.onlySetsScalars()) {
            return Optional.empty();
        }
        Map<String, Object> view = current.view();
        for (String path : update.set.keySet()) {
            if (!leadsThroughDocuments(view, path)) {
                return Optional.empty();
            }
        }
        Overlay next = current.overlay.plus(update.set);
        return next.bytes() > OVERLAY_MAX_BYTES ? Optional.empty() : Optional.of(next);
    }

    /** Whether every parent of the path is a document or absent (so a set creates or replaces only its leaf). */
    private static boolean leadsThroughDocuments(Map<String, Object> view, String path) {
        Map<?, ?> node = view;
        int start = 0;
        int dot;
        while ((dot = path.indexOf('.', start)) >= 0) {
            Object next = Docs.field(node, path.substring(start, dot));
            if (next == Docs.MISSING) {
                return true;
            }
            if (!(next instanceof Map)) {
                return false;
            }
            node = (Map<?, ?>) next;
            start = dot + 1;
        }
        return true;
    }
}
