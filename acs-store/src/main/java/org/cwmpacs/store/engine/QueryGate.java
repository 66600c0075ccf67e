package org.cwmpacs.store.engine;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.cwmpacs.core.store.QueryControl;

/**
 * How many queries may be evaluating documents at once. The NBI's queries pass through one with fewer
 * permits than the machine has cores, so that however many heavy queries arrive, CPU is left for the CWMP
 * sessions. A query holds a permit only while it examines documents, not while its client reads the
 * results; it waits for one within its time limit.
 */
public final class QueryGate {
    /** No limit: the store's own lookups. */
    public static final QueryGate OPEN = new QueryGate(0);

    private final Semaphore permits;

    /** @param permits queries evaluating at once; 0 for no limit */
    public QueryGate(int permits) {
        this.permits = permits > 0 ? new Semaphore(permits, true) : null;
    }

    /** Gate for this machine: one permit fewer than its cores, at least one. */
    public static QueryGate forThisMachine() {
        return new QueryGate(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    void enter(QueryControl control) {
        if (permits == null) {
            return;
        }
        try {
            while (!permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                control.check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryControl.QueryAbortedException("the query was interrupted", false);
        }
    }

    void exit() {
        if (permits != null) {
            permits.release();
        }
    }
}
