package org.cwmpacs.core.engine;

/**
 * What one kind of CPE (OUI and product class) has shown it accepts, learned from its faults and shared by
 * every session of that kind: how many values one GetParameterValues may return, whether partial paths
 * are understood, how many entries one SetParameterValues may carry. Fields are read and written by
 * sessions of the same kind at once; a stale read only costs one retry.
 */
public final class CpeProfile {
    /** A partial path is never refused for its size before the CPE has refused one. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    volatile int maxValues = UNLIMITED;
    volatile boolean partialPaths = true;
    /**
     * With partial paths off by configuration ({@code ACS_PARTIAL_PATHS=off}), what the kind had taught
     * before, which is what is stored again; null otherwise.
     */
    volatile Boolean storedPartialPaths;
    volatile int maxSetEntries;
    /** The CPE refuses GetParameterNames of its whole tree (NextLevel false on the root). */
    volatile boolean rootListingRefused;
    /** OUI-ProductClass; set by {@link CpeProfiles}, which is told of every change. */
    String kind = "";
    CpeProfiles owner;

    CpeProfile(int maxSetEntries) {
        this.maxSetEntries = maxSetEntries;
    }

    /** Tells the owner, which stores it. */
    void changed() {
        if (owner != null) {
            owner.learned(this);
        }
    }

    public int maxValues() {
        return maxValues;
    }

    public boolean partialPaths() {
        return partialPaths;
    }

    public int maxSetEntries() {
        return maxSetEntries;
    }

    @Override
    public String toString() {
        return "maxValues=" + (maxValues == UNLIMITED ? "unlimited" : maxValues) + " partialPaths=" + partialPaths
                + " maxSetEntries=" + maxSetEntries + " rootListingRefused=" + rootListingRefused;
    }
}
