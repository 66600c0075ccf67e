package org.cwmpacs.store.engine;

import java.nio.ByteBuffer;
import java.util.Map;
import org.bson.Document;

/**
 * One stored document as the store holds it: where its BSON lies (in a data file's mapping, or in memory
 * while its write is under way) and the values set on it since (its {@link Overlay}). Immutable: a write
 * makes a new entry, so a reader always sees one whole version.
 */
final class Entry {
    final Key key;
    /** The stored BSON: a little-endian buffer and the document's offset in it. */
    final ByteBuffer buf;
    final int offset;
    /** The data file holding it; null while it is only in memory. */
    final Segment segment;
    final Overlay overlay;
    /** The values of the collection's indexed fields, one array per index (null: none). */
    final Object[][] indexed;

    Entry(Key key, ByteBuffer buf, int offset, Segment segment, Overlay overlay, Object[][] indexed) {
        this.key = key;
        this.buf = buf;
        this.offset = offset;
        this.segment = segment;
        this.overlay = overlay;
        this.indexed = indexed;
    }

    int baseLength() {
        return buf.getInt(offset);
    }

    /** About what the document takes: its stored BSON and its overlay. */
    long bytes() {
        return (long) baseLength() + overlay.bytes();
    }

    /** The document, read in place. */
    Map<String, Object> view() {
        LazyDocument base = new LazyDocument(buf, offset, 1);
        return overlay.isEmpty() ? base : new OverlayDocument(base, "", overlay);
    }

    /** The document decoded, overlay applied. */
    Document materialize() {
        Document doc = Bson.decode(buf, offset);
        overlay.applyTo(doc);
        return doc;
    }

    Entry withOverlay(Overlay newOverlay) {
        return new Entry(key, buf, offset, segment, newOverlay, indexed);
    }

    Entry relocated(ByteBuffer newBuf, int newOffset, Segment newSegment) {
        return new Entry(key, newBuf, newOffset, newSegment, overlay, indexed);
    }
}
