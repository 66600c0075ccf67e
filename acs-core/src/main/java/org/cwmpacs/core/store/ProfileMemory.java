package org.cwmpacs.core.store;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where what a kind of CPE taught the ACS (its limits) outlives the process: GenieACS's {@code cache}
 * collection. The values are small text records; losing them only costs a CPE of that kind one refused
 * request.
 */
public interface ProfileMemory {
    /** Keeps nothing: profiles live as long as the process. */
    ProfileMemory NONE = new ProfileMemory() {
        @Override
        public CompletableFuture<Optional<String>> load(String kind) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public void save(String kind, String profile) {
        }
    };

    /** Off the caller's thread (a session may be on the event loop); once per kind of CPE and process. */
    CompletableFuture<Optional<String>> load(String kind);

    /** Fire and forget. */
    void save(String kind, String profile);
}
