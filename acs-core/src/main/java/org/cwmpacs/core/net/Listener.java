package org.cwmpacs.core.net;

/** A network listener of the server (CWMP, NBI, file server): bound by {@link #start}, unbound by {@link #close}. */
public interface Listener extends AutoCloseable {
    /** Binds and returns the port it got (useful when configured as 0: any free port). */
    int start() throws InterruptedException;

    /** The port it listens on; valid once started. */
    int port();

    @Override
    void close();
}
