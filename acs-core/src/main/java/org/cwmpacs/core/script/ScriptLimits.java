package org.cwmpacs.core.script;

/**
 * What one run of a provision or virtual-parameter script may use. Bounds on the script's own work, not on
 * wall-clock time, so that a busy server does not turn correct scripts into faults (GenieACS's 50 ms wall
 * clock does).
 *
 * @param statements JavaScript statements per run ({@code ACS_SCRIPT_MAX_STATEMENTS})
 * @param cpuMillis CPU time of the running thread per run, which also stops a single statement that never
 *     ends, such as a catastrophic regular expression ({@code ACS_SCRIPT_MAX_CPU_MS})
 * @param allocationBytes memory allocated per run ({@code ACS_SCRIPT_MAX_MEMORY_MB})
 */
public record ScriptLimits(long statements, long cpuMillis, long allocationBytes) {
    public static final ScriptLimits DEFAULT = new ScriptLimits(1_000_000, 1_000, 256L << 20);

    public ScriptLimits {
        if (statements < 1000 || cpuMillis < 10 || allocationBytes < (1 << 20)) {
            throw new IllegalArgumentException("script limits must allow at least 1000 statements, 10 ms of CPU and "
                    + "1 MB of memory");
        }
    }
}
