package org.cwmpacs.core.provision;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cwmpacs.core.preset.PresetSource;
import org.cwmpacs.core.script.ScriptEngine;

/**
 * What sessions need to run presets: where the presets and scripts are read from, the script engine, the
 * extensions, and where a session's work goes once its data is loaded ({@code work}): scripts, extension
 * calls and file lookups then run there, not on the store's read threads that completed the loading.
 * {@link #NONE} runs no presets (tests of other parts of the engine).
 */
public record Provisioning(Optional<PresetSource> presets, Optional<ScriptEngine> scripts,
                           Optional<org.cwmpacs.core.script.Extensions> extensions, java.util.concurrent.Executor work) {
    public static final Provisioning NONE = new Provisioning(Optional.empty(), Optional.empty(), Optional.empty(),
            Runnable::run);

    public Provisioning(PresetSource presets, ScriptEngine scripts, org.cwmpacs.core.script.Extensions extensions,
                        java.util.concurrent.Executor work) {
        this(Optional.of(presets), Optional.of(scripts), Optional.of(extensions), work);
    }

    /** The newest snapshot already read, whatever its age (no wait for the store). */
    public Optional<PresetSource.Snapshot> latestSnapshot() {
        return presets.isEmpty() ? Optional.of(PresetSource.Snapshot.EMPTY) : presets.get().latest();
    }

    /** The presets and scripts a session starting now works with. */
    public CompletableFuture<PresetSource.Snapshot> snapshot() {
        return presets.map(PresetSource::snapshot)
                .orElse(CompletableFuture.completedFuture(PresetSource.Snapshot.EMPTY));
    }
}
