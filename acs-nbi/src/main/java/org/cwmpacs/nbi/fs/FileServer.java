package org.cwmpacs.nbi.fs;

import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cwmpacs.core.auth.CpeAuthenticator;
import org.cwmpacs.core.store.FileStore;
import org.cwmpacs.nbi.http.HttpListener;

/** The file server (port 7567) CPEs download firmware and configuration files from. */
public final class FileServer implements AutoCloseable {
    private final HttpListener listener;
    private final ExecutorService executor;

    public FileServer(FileStore files, String host, int port) {
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fs-work");
            t.setDaemon(true);
            return t;
        });
        CpeAuthenticator authenticator = new CpeAuthenticator(Clock.systemUTC());
        this.listener = new HttpListener(host, port, () -> List.<ChannelHandler>of(
                // requests to a file server carry no body worth keeping
                new HttpObjectAggregator(64 * 1024),
                new FileHandler(files, executor, authenticator)));
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
