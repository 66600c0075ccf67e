package org.cwmpacs.core.store;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Store calls run on their own executor; their failures arrive wrapped by the futures that carried them. */
public final class StoreFailures {
    private StoreFailures() {
    }

    /** The failure itself (a refusal, the store being unavailable, an abort), out of the futures' wrappers. */
    public static Throwable cause(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
