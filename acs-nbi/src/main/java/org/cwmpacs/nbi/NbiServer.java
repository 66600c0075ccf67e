package org.cwmpacs.nbi;

import io.netty.channel.ChannelHandler;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cwmpacs.nbi.http.HttpListener;
import org.cwmpacs.nbi.http.SelectiveAggregator;

/**
 * The north-bound API (port 7557): HTTP codec, an aggregator that lets file uploads stream, one handler.
 * Store work runs on its own threads.
 */
public final class NbiServer implements AutoCloseable {
    private final HttpListener listener;
    private final ExecutorService executor;

    public NbiServer(NbiServices services, NbiConfig config) {
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "nbi-work");
            t.setDaemon(true);
            return t;
        });
        this.listener = new HttpListener(config.host(), config.port(), () -> List.<ChannelHandler>of(
                new SelectiveAggregator(config.maxBodyBytes(), NbiHandler::isUpload),
                new NbiHandler(services, config, executor)));
    }

    /** Binds and returns the port. */
    public int start() throws InterruptedException {
        return listener.start();
    }

    @Override
    public void close() {
        listener.close();
        executor.shutdownNow();
    }
}
