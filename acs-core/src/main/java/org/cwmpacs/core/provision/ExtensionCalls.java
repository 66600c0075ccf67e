package org.cwmpacs.core.provision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.script.Extensions;
import org.cwmpacs.core.script.ScriptRun;

/**
 * The extension calls of one session: a script that stopped at {@code ext()} gets the result (kept for the
 * session, so that replays see the same value) and runs again; a failure faults the script's channel.
 */
final class ExtensionCalls {
    private final Optional<Extensions> extensions;
    /** By call ({@code "<revision>: [file, function, args…]"}), as GenieACS keys them. */
    private final Map<String, Object> results = new HashMap<>();

    ExtensionCalls(Optional<Extensions> extensions) {
        this.extensions = extensions;
    }

    /** The results, for the script runs of this session. */
    Map<String, Object> results() {
        return results;
    }

    /** Makes the calls a run stopped at; empty when all answered (the script is then run again). */
    Optional<ProvisionCalls.Failure> call(ScriptRun run) {
        for (Map.Entry<String, List<String>> c : run.extensionCalls().entrySet()) {
            if (results.containsKey(c.getKey())) {
                continue;
            }
            String file = c.getValue().isEmpty() ? "" : c.getValue().get(0);
            if (extensions.isEmpty()) {
                return Optional.of(new ProvisionCalls.Failure("ext", "Extensions are not enabled on this server ("
                        + run.name() + " calls ext(\"" + file + "\"))", Map.of()));
            }
            Extensions.Result r = extensions.get().call(c.getValue());
            if (r.fault().isPresent()) {
                return Optional.of(ProvisionCalls.Failure.of(r.fault().get()));
            }
            results.put(c.getKey(), new Extensions.RawJson(r.json()));
        }
        return Optional.empty();
    }
}
