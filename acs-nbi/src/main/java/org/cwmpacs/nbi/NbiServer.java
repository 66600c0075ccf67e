package org.cwmpacs.nbi;

import io.netty.channel.ChannelHandler;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.cwmpacs.core.http.HttpListener;
import org.cwmpacs.core.http.SelectiveAggregator;

/**
 * The north-bound API (port 7557): HTTP codec, an aggregator that lets file uploads stream, one handler.
 * Store work runs on the listener's worker threads.
 */
public final class NbiServer {
    private NbiServer() {
    }

    public static HttpListener listener(NbiServices services, NbiConfig config) {
        ExecutorService workers = HttpListener.workers("nbi-work");
        // ten refused credentials a minute from one address, then 429 until the minute is over
        org.cwmpacs.core.auth.FailedAttempts failedAttempts = new org.cwmpacs.core.auth.FailedAttempts(
                java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(1), 10);
        return new HttpListener(config.host(), config.port(), workers, () -> List.<ChannelHandler>of(
                new SelectiveAggregator(config.maxBodyBytes(), NbiHandler::isUpload),
                new NbiHandler(services, config, workers, failedAttempts)), config.requestTimeout(),
                "ACS_NBI_REQUEST_TIMEOUT", NbiHandler::isUpload);
    }
}
