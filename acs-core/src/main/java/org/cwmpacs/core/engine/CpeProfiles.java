package org.cwmpacs.core.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link CpeProfile} of every kind of CPE seen since the process started, keyed by OUI and product class. */
public final class CpeProfiles {
    private final Map<String, CpeProfile> profiles = new ConcurrentHashMap<>();
    private final int defaultMaxSetEntries;

    public CpeProfiles(int defaultMaxSetEntries) {
        this.defaultMaxSetEntries = defaultMaxSetEntries;
    }

    public CpeProfile of(String oui, String productClass) {
        return profiles.computeIfAbsent(oui + "-" + productClass, k -> new CpeProfile(defaultMaxSetEntries));
    }
}
