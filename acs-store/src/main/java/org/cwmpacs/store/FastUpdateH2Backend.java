package org.cwmpacs.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.IdentityHashMap;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with one shortcut: in the {@code devices} collection, an update by
 * {@code _id} that only {@code $set}s fields of an existing document is applied by copying just the
 * sub-documents on the changed paths, instead of the generic path (deep clone of the whole document,
 * normalisation, comparison, re-encoding to measure it), whose cost grows with the document: a periodic
 * Inform of a device with a learned tree of hundreds of parameters spent milliseconds there. Everything
 * else, and the data files, are the library's own.
 */
final class FastUpdateH2Backend extends H2Backend {
    /** The only collection written this way: its documents have no unique index but {@code _id}. */
    static final String COLLECTION = "devices";

    FastUpdateH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Inner: the library reopens existing collections from its constructor, before any field of ours is set. */
    private final class Database extends H2Database {
        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
            MongoCollection<Object> opened = super.openOrCreateCollection(name, options);
            if (!COLLECTION.equals(name)) {
                return opened;
            }
            // the same maps the library opened (MVStore hands out one instance per name)
            String namespace = getFullCollectionNamespace(name);
            MVStore store = getMvStore();
            MVMap<Object, Document> data = store.openMap("databases." + namespace);
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            if (data.isEmpty() && ((H2Collection) opened).count() > 0) {
                throw new IllegalStateException("the embedded store's layout is not the one this version knows");
            }
            return new DevicesCollection(this, name, options, data, meta, cursorRegistry);
        }
    }

    private static final class DevicesCollection extends H2Collection {
        private final MVMap<Object, Document> data;

        DevicesCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                          MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.data = data;
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            Document updated = setById(selector, update, arrayFilters, oplog);
            if (updated != null) {
                return new Document("n", 1).append("nModified", 1);
            }
            return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
        }

        /** The shortcut, or null when the update is not of its kind (the library then does it). */
        private Document setById(Document selector, Document update, ArrayFilters arrayFilters, Oplog oplog) {
            if (selector.size() != 1 || !selector.containsKey("_id") || selector.get("_id") instanceof Document
                    || !(oplog instanceof NoopOplog) || (arrayFilters != null && !arrayFilters.isEmpty())) {
                return null;
            }
            for (String operator : update.keySet()) {
                if (!"$set".equals(operator) && !"$setOnInsert".equals(operator)) {
                    return null;
                }
            }
            Object set = update.get("$set");
            if (!(set instanceof Document) || ((Document) set).isEmpty()) {
                return null;
            }
            Object key = Missing.ofNullable(selector.get("_id"));
            Document old = data.get(key);
            if (old == null) {
                return null;
            }
            Document root = new Document(old);
            Map<Document, Boolean> copied = new IdentityHashMap<>();
            copied.put(root, true);
            for (Map.Entry<String, Object> e : ((Document) set).entrySet()) {
                String[] path = e.getKey().split("\\.", -1);
                if (path[0].equals("_id") || !setPath(root, path, e.getValue(), copied)) {
                    return null;
                }
            }
            data.put(key, root);
            return root;
        }

        /** Sets one dotted path, copying each sub-document on the way once; false for paths it does not handle. */
        private static boolean setPath(Document root, String[] path, Object value, Map<Document, Boolean> copied) {
            Document node = root;
            for (int i = 0; i < path.length - 1; i++) {
                String segment = path[i];
                if (segment.isEmpty() || segment.startsWith("$")) {
                    return false;
                }
                Object child = node.get(segment);
                Document next;
                if (child == null) {
                    next = new Document();
                } else if (child instanceof Document) {
                    next = copied.containsKey(child) ? (Document) child : new Document((Document) child);
                } else {
                    // through an array or a value: the library's rules apply
                    return false;
                }
                copied.put(next, true);
                node.put(segment, next);
                node = next;
            }
            String last = path[path.length - 1];
            if (last.isEmpty() || last.startsWith("$")) {
                return false;
            }
            node.put(last, value);
            return true;
        }

    }
}
