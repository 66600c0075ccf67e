package org.cwmpacs.core.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.cwmpacs.core.script.ScriptEngine;
import org.cwmpacs.core.script.ScriptRun;

/**
 * One step of a script (a provision's or a virtual parameter's): it runs, its extension calls are made and
 * it runs again with their results, and a commit whose declarations need nothing from the CPE passes at
 * once; it stops where the engine has work to do for it, or at its end.
 */
final class ScriptSteps {
    /** How far a script's replays have come in this session. */
    static final class Revisions {
        /** Commits that pass in the next run. */
        int maxRevision;
        int commits;

        /** One more commit passes; false past {@code limit} ({@link SessionView#maxCommits}). */
        boolean grant(int limit) {
            if (++commits > limit) {
                return false;
            }
            maxRevision++;
            return true;
        }
    }

    /**
     * The run where it stopped, what it declared (with what {@code expand} added: virtual parameters' own
     * declarations), or why its channel faults.
     */
    record Outcome(ScriptRun run, List<Declare> declared, Optional<ProvisionCalls.Failure> failure) {
    }

    private ScriptSteps() {
    }

    /**
     * @param newRun a run for this host and revision
     * @param expand adds to the list what the declarations lead to, or fails
     * @param waiting whether something else must happen before a commit can pass (a virtual parameter's)
     */
    static Outcome step(ScriptEngine engine, String source, String text, Revisions revisions,
                        BiFunction<ScriptHost, Integer, ScriptRun> newRun, SessionView view, Resolver resolver,
                        ExtensionCalls extensions, BiFunction<List<Declare>, List<Declare>,
                        Optional<ProvisionCalls.Failure>> expand, BooleanSupplier waiting) {
        int extensionRounds = 0;
        while (true) {
            ScriptHost host = new ScriptHost(view, resolver);
            ScriptRun run = newRun.apply(host, revisions.maxRevision);
            engine.run(source, text, run);
            if (run.status() == ScriptRun.Status.EXT) {
                if (++extensionRounds > view.maxCommits()) {
                    return failed(run, "too_many_commits", "Too many extension calls");
                }
                Optional<ProvisionCalls.Failure> failed = extensions.call(run);
                if (failed.isPresent()) {
                    return new Outcome(run, List.of(), failed);
                }
                // answered: the script runs again and gets the result
                continue;
            }
            List<Declare> all = new ArrayList<>(host.declared);
            Optional<ProvisionCalls.Failure> failure = expand.apply(host.declared, all);
            if (failure.isPresent()) {
                return new Outcome(run, all, failure);
            }
            if (run.status() == ScriptRun.Status.FAULT) {
                return new Outcome(run, all, Optional.of(ProvisionCalls.Failure.of(run.fault().orElseThrow())));
            }
            // a commit whose declarations need nothing from the CPE passes at once: the script goes on in this
            // step, and what it declares next joins the other provisions' requests
            if (run.status() != ScriptRun.Status.COMMIT || !resolver.resolve(all).isEmpty()
                    || waiting.getAsBoolean() || !revisions.grant(view.maxCommits())) {
                return new Outcome(run, all, Optional.empty());
            }
        }
    }

    private static Outcome failed(ScriptRun run, String code, String message) {
        return new Outcome(run, List.of(), Optional.of(new ProvisionCalls.Failure(code, message, Map.of())));
    }
}
