package org.cwmpacs.core.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.cwmpacs.core.store.QueryControl;
import org.cwmpacs.core.store.StoreFailures;
import org.cwmpacs.core.store.StoreUnavailableException;

/** What a failed request is answered with: the client's mistake (400), the store's state (503, 504), ours (500). */
public final class Failures {
    private Failures() {
    }

    public static HttpResponseStatus status(Throwable failure) {
        Throwable cause = StoreFailures.cause(failure);
        if (cause instanceof IllegalArgumentException) {
            // a document or query the store refuses as it is, the message naming the limit
            return HttpResponseStatus.BAD_REQUEST;
        }
        if (cause instanceof StoreUnavailableException) {
            return HttpResponseStatus.SERVICE_UNAVAILABLE;
        }
        if (cause instanceof QueryControl.QueryAbortedException) {
            return HttpResponseStatus.GATEWAY_TIMEOUT;
        }
        return HttpResponseStatus.INTERNAL_SERVER_ERROR;
    }
}
