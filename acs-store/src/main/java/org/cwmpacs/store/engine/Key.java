package org.cwmpacs.store.engine;

/** A document's {@code _id} as a map key: ordered and equal as MongoDB orders and compares ids. */
final class Key implements Comparable<Key> {
    final Object id;
    private final int hash;

    Key(Object id) {
        this.id = id;
        this.hash = Values.hash(id);
    }

    @Override
    public int compareTo(Key other) {
        return Values.compare(id, other.id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key && hash == ((Key) o).hash && Values.equal(id, ((Key) o).id);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return String.valueOf(id);
    }
}
