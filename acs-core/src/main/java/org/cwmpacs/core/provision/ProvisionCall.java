package org.cwmpacs.core.provision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cwmpacs.core.script.Json;

/**
 * One provision to run in a session: its name, its arguments (as expressions computed them), and where its
 * replays stand.
 */
final class ProvisionCall {
    private final String name;
    private final List<Object> args;
    final ScriptSteps.Revisions revisions = new ScriptSteps.Revisions();
    /** The last run stopped at a commit. */
    boolean stoppedAtCommit;
    /** Relative instance counts ({@code instances} with +n/-n), fixed once first known in the session. */
    final Map<String, Integer> counts = new HashMap<>();

    ProvisionCall(String name, List<Object> args) {
        this.name = Objects.requireNonNull(name, "name");
        this.args = new ArrayList<>(args);
    }

    String name() {
        return name;
    }

    List<Object> args() {
        return args;
    }

    /** The same provision with the same arguments is the same call. */
    String key() {
        return name + Json.write(args);
    }
}
