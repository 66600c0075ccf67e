package org.cwmpacs.core.store;

import java.time.Duration;

/**
 * How long a query may run and whether its caller still wants the answer. The store checks it while it
 * works (between documents, and inside regular-expression matching), so that a slow query ends at its time
 * limit and a query whose client has gone stops at once.
 */
public final class QueryControl {
    /** No time limit, never cancelled: for the store's own short lookups. */
    public static final QueryControl NONE = new QueryControl(Long.MAX_VALUE, "");

    private volatile long deadlineNanos;
    private final String limitName;
    private volatile boolean cancelled;

    private QueryControl(long deadlineNanos, String limitName) {
        this.deadlineNanos = deadlineNanos;
        this.limitName = limitName;
    }

    /**
     * @param limitName the option that sets the limit, named in the error that ends a query at it
     */
    public static QueryControl withTimeout(Duration timeout, String limitName) {
        return new QueryControl(System.nanoTime() + timeout.toNanos(), limitName + " (" + timeout.toMillis() + " ms)");
    }

    /** Moves the deadline by time the query spent waiting for its client (which does not count). */
    public void extend(long nanos) {
        if (deadlineNanos != Long.MAX_VALUE && nanos > 0) {
            deadlineNanos += nanos;
        }
    }

    /** The caller has gone: the query stops at its next check. */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Milliseconds left, at least 1; {@link Long#MAX_VALUE} without a limit. */
    public long remainingMillis() {
        if (deadlineNanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    /** Throws when the query must stop. */
    public void check() {
        if (cancelled) {
            throw new QueryAbortedException("the query was cancelled: its client went away", false);
        }
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            throw new QueryAbortedException("the query ran longer than its time limit, " + limitName
                    + "; narrow it (a more selective filter, a projection, a limit)", true);
        }
    }

    /** A query ended before its answer was complete. */
    public static final class QueryAbortedException extends RuntimeException {
        private final boolean timedOut;

        public QueryAbortedException(String message, boolean timedOut) {
            super(message);
            this.timedOut = timedOut;
        }

        /** True for the time limit, false for a cancellation. */
        public boolean timedOut() {
            return timedOut;
        }
    }
}
