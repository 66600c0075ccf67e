package org.cwmpacs.store;

import java.util.Map;
import java.util.function.Consumer;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.core.store.QueryControl;
import org.cwmpacs.store.engine.Filter;
import org.cwmpacs.store.engine.Projection;
import org.cwmpacs.store.engine.QueryGate;
import org.cwmpacs.store.engine.Sort;
import org.cwmpacs.store.engine.StoreEngine;
import org.cwmpacs.store.engine.Table;

/**
 * GenieACS's collections as whole documents for the NBI, on the embedded store. Queries run on the caller's
 * thread (the NBI's workers, never the store's writer), through a {@link QueryGate} that leaves CPU to the
 * CWMP sessions, and end at their control's time limit or when their client goes.
 */
final class EmbeddedDocumentStore implements DocumentStore {
    private final StoreEngine engine;
    private final QueryGate gate;

    EmbeddedDocumentStore(StoreEngine engine, QueryGate gate) {
        this.engine = engine;
        this.gate = gate;
    }

    private Table table(String collection) {
        if (!COLLECTIONS.contains(collection)) {
            throw new IllegalArgumentException("no collection " + collection);
        }
        return engine.table("files".equals(collection) ? EmbeddedFileStore.FILES : collection);
    }

    @Override
    public long count(String collection, Map<String, Object> filter, QueryControl control) {
        return table(collection).count(Filter.compile(BsonValues.toBson(collection, filter)), control, gate);
    }

    @Override
    public void find(String collection, DocumentQuery query, QueryControl control,
                     Consumer<Map<String, Object>> each) {
        table(collection).find(Filter.compile(BsonValues.toBson(collection, query.filter())),
                query.projection().isEmpty() ? Projection.ALL : Projection.including(query.projection()),
                Sort.compile(query.sort()), query.skip(), query.limit(), control, gate,
                doc -> each.accept(BsonValues.fromBson(doc)));
    }

    @Override
    public void replace(String collection, String id, Map<String, Object> document) {
        table(collection).replace(id, BsonValues.toBson(collection, document), true).join();
    }

    @Override
    public boolean delete(String collection, String id) {
        return table(collection).delete(id).join();
    }
}
