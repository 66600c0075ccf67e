package org.cwmpacs.core.engine;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.cwmpacs.core.store.ProfileMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CpeProfile} of every kind of CPE (OUI and product class), read from and written to a
 * {@link ProfileMemory} so that what one CPE taught survives restarts and serves other instances.
 */
public final class CpeProfiles {
    private static final Logger LOG = LoggerFactory.getLogger(CpeProfiles.class);

    private final Map<String, CompletableFuture<CpeProfile>> profiles = new ConcurrentHashMap<>();
    private final int defaultMaxSetEntries;
    private final ProfileMemory memory;
    private final boolean partialPaths;

    public CpeProfiles(int defaultMaxSetEntries) {
        this(defaultMaxSetEntries, ProfileMemory.NONE);
    }

    public CpeProfiles(int defaultMaxSetEntries, ProfileMemory memory) {
        this(defaultMaxSetEntries, memory, true);
    }

    /** @param partialPaths false: every CPE is asked for values by name only ({@code ACS_PARTIAL_PATHS=off}) */
    public CpeProfiles(int defaultMaxSetEntries, ProfileMemory memory, boolean partialPaths) {
        this.defaultMaxSetEntries = defaultMaxSetEntries;
        this.memory = memory;
        this.partialPaths = partialPaths;
    }

    /** The profile of a kind of CPE, read from the memory the first time the kind is seen. */
    public CompletableFuture<CpeProfile> of(String oui, String productClass) {
        return profiles.computeIfAbsent(oui + "-" + productClass, this::load);
    }

    private CompletableFuture<CpeProfile> load(String kind) {
        CpeProfile profile = new CpeProfile(defaultMaxSetEntries);
        profile.kind = kind;
        profile.owner = this;
        return memory.load(kind).handle((text, failure) -> {
            if (failure != null) {
                LOG.warn("the stored limits of CPEs of kind {} could not be read ({}); they are learned again", kind,
                        failure.toString());
            } else {
                text.ifPresent(t -> parse(t, profile));
            }
            if (!partialPaths) {
                // names only by configuration: what the kind taught is kept as it was, not overwritten
                profile.storedPartialPaths = profile.partialPaths;
                profile.partialPaths = false;
            }
            return profile;
        });
    }

    /** {@code maxValues=N;partialPaths=true;maxSetEntries=N;rootListingRefused=false}. */
    static void parse(String text, CpeProfile profile) {
        for (String field : text.split(";")) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = field.substring(0, eq).strip();
            String value = field.substring(eq + 1).strip();
            try {
                switch (name) {
                    case "maxValues" -> profile.maxValues = Math.max(1, Integer.parseInt(value));
                    case "partialPaths" -> profile.partialPaths = Boolean.parseBoolean(value);
                    case "maxSetEntries" -> profile.maxSetEntries = Math.max(1, Integer.parseInt(value));
                    case "rootListingRefused" -> profile.rootListingRefused = Boolean.parseBoolean(value);
                    default -> {
                        // a field of a later version
                    }
                }
            } catch (NumberFormatException ignored) {
                // a damaged record: that limit is learned again
            }
        }
    }

    static String format(CpeProfile profile) {
        boolean partial = profile.storedPartialPaths != null ? profile.storedPartialPaths : profile.partialPaths;
        return "maxValues=" + profile.maxValues + ";partialPaths=" + partial + ";maxSetEntries="
                + profile.maxSetEntries + ";rootListingRefused=" + profile.rootListingRefused;
    }

    /** A profile changed: keep it. */
    void learned(CpeProfile profile) {
        LOG.info("CPEs of kind {} learned: {}", profile.kind, profile);
        try {
            memory.save(profile.kind, format(profile));
        } catch (RuntimeException e) {
            LOG.warn("the limits of CPEs of kind {} could not be stored: {}", profile.kind, e.toString());
        }
    }

}
