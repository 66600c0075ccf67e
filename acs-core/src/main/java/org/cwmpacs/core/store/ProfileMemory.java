package org.cwmpacs.core.store;

import java.util.Optional;

/**
 * Where what a kind of CPE taught the ACS (its limits) outlives the process: GenieACS's {@code cache}
 * collection. The values are small text records; losing them only costs a CPE of that kind one refused
 * request.
 */
public interface ProfileMemory {
    /** Keeps nothing: profiles live as long as the process. */
    ProfileMemory NONE = new ProfileMemory() {
        @Override
        public Optional<String> load(String kind) {
            return Optional.empty();
        }

        @Override
        public void save(String kind, String profile) {
        }
    };

    /** Blocking; called once per kind of CPE and process. */
    Optional<String> load(String kind);

    /** Fire and forget. */
    void save(String kind, String profile);
}
