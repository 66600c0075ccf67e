package org.cwmpacs.store.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import org.bson.Document;
import org.cwmpacs.core.store.QueryControl;

/**
 * One collection: its documents by {@code _id} in MongoDB's id order, and the indexes it was opened with
 * (equality on one field, for the lookups every session makes, such as a device's tasks). Reads never
 * wait: they see the last acknowledged version of each document. Writes go through the engine.
 */
public final class Table {
    final String name;
    final StoreEngine engine;
    final ConcurrentSkipListMap<Key, Entry> entries = new ConcurrentSkipListMap<>();
    final String[] indexedFields;
    private final List<Map<Key, Set<Key>>> indexes = new ArrayList<>();
    /** Documents held; written by the engine's writer only. */
    private volatile long count;

    Table(StoreEngine engine, String name, List<String> indexedFields) {
        this.engine = engine;
        this.name = name;
        this.indexedFields = indexedFields.toArray(new String[0]);
        for (int i = 0; i < this.indexedFields.length; i++) {
            indexes.add(new ConcurrentHashMap<>());
        }
    }

    public String name() {
        return name;
    }

    /** The engine it belongs to, for writes spanning collections. */
    public StoreEngine engine() {
        return engine;
    }

    /** Whether a document has this value in an indexed field: an answer from memory, without reading any. */
    public boolean anyIndexed(String field, Object value) {
        for (int i = 0; i < indexedFields.length; i++) {
            if (indexedFields[i].equals(field)) {
                Set<Key> holders = indexes.get(i).get(new Key(value));
                return holders != null && !holders.isEmpty();
            }
        }
        throw new IllegalArgumentException(name + " has no index on " + field);
    }

    /** How many documents it holds. */
    public long count() {
        return count;
    }

    // ---- reading ----

    /** The document read in place (lazily); valid as long as it is kept. */
    public Optional<Map<String, Object>> view(Object id) {
        Entry e = entries.get(new Key(id));
        return e == null ? Optional.empty() : Optional.of(e.view());
    }

    public Optional<Document> get(Object id) {
        Entry e = entries.get(new Key(id));
        return e == null ? Optional.empty() : Optional.of(e.materialize());
    }

    public Optional<Document> get(Object id, Projection projection) {
        Entry e = entries.get(new Key(id));
        return e == null ? Optional.empty() : Optional.of(output(e, projection));
    }

    public boolean contains(Object id) {
        return entries.containsKey(new Key(id));
    }

    /** The value at a dotted path of a document, or {@link Docs#MISSING} (also for no such document). */
    public Object value(Object id, String path) {
        Entry e = entries.get(new Key(id));
        return e == null ? Docs.MISSING : Docs.at(e.view(), path);
    }

    /** Ids starting with {@code prefix}, in order. */
    public List<Object> idsWithPrefix(String prefix) {
        List<Object> ids = new ArrayList<>();
        for (Key k : entries.tailMap(new Key(prefix), true).keySet()) {
            if (!(k.id instanceof String) || !((String) k.id).startsWith(prefix)) {
                break;
            }
            ids.add(k.id);
        }
        return ids;
    }

    /**
     * Streams the matching documents: sorted (else in id order), {@code skip} of them left out, at most
     * {@code limit} (0: all), each projected.
     */
    public void find(Filter filter, Projection projection, Sort sort, int skip, int limit, QueryControl control,
                     Consumer<Document> each) {
        find(filter, projection, sort, skip, limit, control, QueryGate.OPEN, each);
    }

    /** {@link #find(Filter, Projection, Sort, int, int, QueryControl, Consumer)} through a gate. */
    public void find(Filter filter, Projection projection, Sort sort, int skip, int limit, QueryControl control,
                     QueryGate gate, Consumer<Document> each) {
        gate.enter(control);
        boolean inside = true;
        try {
            if (sort.isNone()) {
                int skipped = 0;
                int sent = 0;
                for (Entry e : candidates(filter)) {
                    control.check();
                    if (filter.matches(e.view(), control)) {
                        if (skipped < skip) {
                            skipped++;
                            continue;
                        }
                        Document out = output(e, projection);
                        // the client reads at its pace without holding the gate
                        gate.exit();
                        inside = false;
                        each.accept(out);
                        if (limit > 0 && ++sent >= limit) {
                            return;
                        }
                        gate.enter(control);
                        inside = true;
                    }
                }
                return;
            }
            List<Entry> sorted = sorted(filter, sort, skip, limit, control);
            gate.exit();
            inside = false;
            for (Entry e : sorted) {
                control.check();
                each.accept(output(e, projection));
            }
        } finally {
            if (inside) {
                gate.exit();
            }
        }
    }

    /** The page of matching entries in sort order ({@code skip} and {@code limit} applied). */
    private List<Entry> sorted(Filter filter, Sort sort, int skip, int limit, QueryControl control) {
        record Keyed(Entry entry, Object[] key) {
        }
        Comparator<Keyed> order = (a, b) -> sort.compare(a.key(), b.key());
        int keep = limit > 0 && (long) skip + limit < 100_000 ? skip + limit : -1;
        List<Keyed> matched = new ArrayList<>();
        PriorityQueue<Keyed> top = keep > 0 ? new PriorityQueue<>(order.reversed()) : null;
        for (Entry e : candidates(filter)) {
            control.check();
            Map<String, Object> view = e.view();
            if (filter.matches(view, control)) {
                Keyed k = new Keyed(e, sort.key(view));
                if (top != null) {
                    top.add(k);
                    if (top.size() > keep) {
                        top.poll();
                    }
                } else {
                    matched.add(k);
                }
            }
        }
        if (top != null) {
            matched.addAll(top);
        }
        matched.sort(order);
        int end = limit > 0 ? (int) Math.min(matched.size(), (long) skip + limit) : matched.size();
        List<Entry> page = new ArrayList<>(Math.max(0, end - skip));
        for (int i = skip; i < end; i++) {
            page.add(matched.get(i).entry());
        }
        return page;
    }

    public List<Document> findAll(Filter filter, Projection projection, Sort sort, int skip, int limit) {
        List<Document> all = new ArrayList<>();
        find(filter, projection, sort, skip, limit, QueryControl.NONE, all::add);
        return all;
    }

    public long count(Filter filter, QueryControl control) {
        return count(filter, control, QueryGate.OPEN);
    }

    public long count(Filter filter, QueryControl control, QueryGate gate) {
        if (filter == Filter.ALL) {
            return count;
        }
        gate.enter(control);
        try {
            long n = 0;
            for (Entry e : candidates(filter)) {
                control.check();
                if (filter.matches(e.view(), control)) {
                    n++;
                }
            }
            return n;
        } finally {
            gate.exit();
        }
    }

    /** The ids of the matching documents. */
    public List<Object> ids(Filter filter, QueryControl control) {
        List<Object> ids = new ArrayList<>();
        for (Entry e : candidates(filter)) {
            control.check();
            if (filter.matches(e.view(), control)) {
                ids.add(e.key.id);
            }
        }
        return ids;
    }

    private static Document output(Entry e, Projection projection) {
        return projection == Projection.ALL ? e.materialize() : projection.apply(e.view());
    }

    /** The documents a filter may match: by id, by an index, else all of them. */
    private Iterable<Entry> candidates(Filter filter) {
        Optional<List<Object>> ids = filter.ids();
        if (ids.isPresent()) {
            return lookup(ids.get().stream().map(Key::new).toList());
        }
        for (int i = 0; i < indexedFields.length; i++) {
            Optional<List<Object>> values = filter.equality(indexedFields[i]);
            if (values.isPresent()) {
                Map<Key, Set<Key>> index = indexes.get(i);
                List<Key> keys = new ArrayList<>();
                for (Object v : values.get()) {
                    Set<Key> holders = index.get(new Key(v));
                    if (holders != null) {
                        keys.addAll(holders);
                    }
                }
                keys.sort(null);
                return lookup(keys);
            }
        }
        return entries.values();
    }

    private List<Entry> lookup(List<Key> keys) {
        Map<Key, Entry> found = new LinkedHashMap<>();
        for (Key k : keys) {
            Entry e = entries.get(k);
            if (e != null) {
                found.putIfAbsent(k, e);
            }
        }
        return new ArrayList<>(found.values());
    }

    // ---- writing (through the engine) ----

    public CompletableFuture<Object> insert(Map<String, ?> document) {
        return engine.write(new WriteOp.Insert(name, document));
    }

    public CompletableFuture<Boolean> replace(Object id, Map<String, ?> document, boolean upsert) {
        return engine.write(new WriteOp.Replace(name, id, document, upsert)).thenApply(Boolean.class::cast);
    }

    public CompletableFuture<WriteOp.UpdateResult> update(Object id, Update update, boolean upsert) {
        return engine.write(new WriteOp.Update(name, id, update, upsert)).thenApply(WriteOp.UpdateResult.class::cast);
    }

    public CompletableFuture<Boolean> delete(Object id) {
        return engine.write(new WriteOp.Delete(name, id)).thenApply(Boolean.class::cast);
    }

    /** Removes every document matching the filter (each checked again as it is removed); the count. */
    public CompletableFuture<Long> deleteWhere(Filter filter) {
        List<Object> ids = ids(filter, QueryControl.NONE);
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(0L);
        }
        List<WriteOp> ops = new ArrayList<>();
        for (Object id : ids) {
            ops.add(new WriteOp.DeleteIfMatches(name, id, filter));
        }
        return engine.writeAll(ops).thenApply(results -> results.stream().filter(Boolean.TRUE::equals).count());
    }

    // ---- kept by the engine's writer ----

    /** The entry's values of each indexed field; null when the collection has no index. */
    Object[][] indexValues(Map<String, ?> view) {
        if (indexedFields.length == 0) {
            return null;
        }
        Object[][] values = new Object[indexedFields.length][];
        for (int i = 0; i < indexedFields.length; i++) {
            Object v = Docs.at(view, indexedFields[i]);
            if (v == Docs.MISSING || v == null || v instanceof Map) {
                values[i] = new Object[0];
            } else if (v instanceof List) {
                values[i] = ((List<?>) v).stream().filter(x -> x != null && !(x instanceof Map)
                        && !(x instanceof List)).map(Docs::copy).toArray();
            } else {
                values[i] = new Object[] {v};
            }
        }
        return values;
    }

    /** Makes {@code entry} (or, when null, the document's absence) the visible version; returns the old one. */
    Entry publish(Key key, Entry entry) {
        Entry old = entry == null ? entries.remove(key) : entries.put(key, entry);
        if (old == null && entry != null) {
            count++;
        } else if (old != null && entry == null) {
            count--;
        }
        if (indexedFields.length > 0) {
            if (old != null) {
                unindex(old);
            }
            if (entry != null) {
                index(entry);
            }
        }
        return old;
    }

    private void index(Entry e) {
        for (int i = 0; i < indexedFields.length; i++) {
            for (Object v : e.indexed[i]) {
                indexes.get(i).computeIfAbsent(new Key(v), k -> ConcurrentHashMap.newKeySet()).add(e.key);
            }
        }
    }

    private void unindex(Entry e) {
        for (int i = 0; i < indexedFields.length; i++) {
            for (Object v : e.indexed[i]) {
                Key k = new Key(v);
                Set<Key> holders = indexes.get(i).get(k);
                if (holders != null) {
                    holders.remove(e.key);
                    if (holders.isEmpty()) {
                        indexes.get(i).remove(k, holders);
                    }
                }
            }
        }
    }

    /** Replaces an entry only if it is still the one given (compaction moving documents to a new file). */
    boolean swapIfSame(Entry expected, Entry replacement) {
        return entries.replace(expected.key, expected, replacement);
    }
}
