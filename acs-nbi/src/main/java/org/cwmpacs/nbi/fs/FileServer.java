package org.cwmpacs.nbi.fs;

import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.cwmpacs.core.auth.CpeAuthenticator;
import org.cwmpacs.core.store.FileStore;
import org.cwmpacs.core.http.HttpListener;

/** The file server (port 7567) CPEs download firmware and configuration files from. */
public final class FileServer {
    private FileServer() {
    }

    public static HttpListener listener(FileStore files, String host, int port) {
        return listener(files, host, port, java.time.Duration.ofSeconds(30));
    }

    /** @param requestTimeout a request must arrive whole within this ({@code ACS_NBI_REQUEST_TIMEOUT}) */
    public static HttpListener listener(FileStore files, String host, int port, java.time.Duration requestTimeout) {
        ExecutorService workers = HttpListener.workers("fs-work");
        CpeAuthenticator authenticator = new CpeAuthenticator(Clock.systemUTC());
        return new HttpListener(host, port, workers, () -> List.<ChannelHandler>of(
                // requests to a file server carry no body worth keeping
                new HttpObjectAggregator(64 * 1024),
                new FileHandler(files, workers, authenticator)), requestTimeout, "ACS_NBI_REQUEST_TIMEOUT",
                request -> false);
    }
}
