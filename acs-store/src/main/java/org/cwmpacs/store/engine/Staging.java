package org.cwmpacs.store.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import org.bson.Document;

/**
 * What the writer builds for one group commit before it is on the disk: the records, and the new version of
 * every document they change. Readers see none of it until the engine publishes it.
 */
final class Staging {
    /** A document's deletion, staged. */
    static final Entry DELETED = new Entry(null, null, 0, null, Overlay.EMPTY, null);

    private Staging() {
    }

    record Slot(Table table, Key key) {
    }

    /** One group commit: its records (in the writer's buffer, offsets from 0) and new versions. */
    static final class Group {
        final ByteOut out;
        final Map<Slot, Entry> staged = new LinkedHashMap<>();
        /** Where the records landed in the log file, once written. */
        long base;

        Group(ByteOut out) {
            this.out = out;
        }
    }

    /** One submission's changes, staged on top of its group until it succeeds whole. */
    static final class Txn {
        final Group group;
        final Map<Slot, Entry> local = new LinkedHashMap<>();
        final int start;
        int changes;

        Txn(Group group) {
            this.group = group;
            this.start = Records.begin(group.out, Records.TXN);
            group.out.putInt(0);
        }

        /** The document as this transaction sees it: its own changes, the group's, else what is published. */
        Entry current(Table table, Key key) {
            Slot slot = new Slot(table, key);
            Entry e = local.get(slot);
            if (e == null) {
                e = group.staged.get(slot);
            }
            if (e == null) {
                return table.entries.get(key);
            }
            return e == DELETED ? null : e;
        }

        void put(Table table, Key key, Map<String, ?> doc) {
            ByteOut out = group.out;
            int change = Records.beginChange(out, Records.PUT, table.name);
            int at = out.size();
            Bson.encode(out, doc);
            Records.endChange(out, change);
            changes++;
            // read from the buffer until the group is written, then from the log file (Entry.relocated)
            Entry e = new Entry(key, Bson.wrap(out.array()), at, null, Overlay.EMPTY, null);
            local.put(new Slot(table, key), withIndex(table, e));
        }

        void patch(Table table, Entry current, Overlay overlay, SortedMap<String, Object> sets) {
            ByteOut out = group.out;
            int change = Records.beginChange(out, Records.PATCH, table.name);
            Bson.encode(out, new Document("_id", current.key.id).append("s", sets));
            Records.endChange(out, change);
            changes++;
            local.put(new Slot(table, current.key), current.withOverlay(overlay));
        }

        void delete(Table table, Key key) {
            ByteOut out = group.out;
            int change = Records.beginChange(out, Records.DELETE, table.name);
            Bson.encode(out, new Document("_id", key.id));
            Records.endChange(out, change);
            changes++;
            local.put(new Slot(table, key), DELETED);
        }

        void commit() {
            if (changes == 0) {
                group.out.truncate(start);
                return;
            }
            group.out.putInt(start + Records.HEADER, changes);
            Records.end(group.out, start);
            group.staged.putAll(local);
        }

        void rollback() {
            group.out.truncate(start);
        }
    }

    /** The entry with the values of its collection's indexed fields. */
    static Entry withIndex(Table table, Entry e) {
        Object[][] indexed = table.indexValues(e.view());
        return indexed == null ? e : new Entry(e.key, e.buf, e.offset, e.segment, e.overlay, indexed);
    }
}
