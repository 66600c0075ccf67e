package org.cwmpacs.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar acs-server.jar}: starts the ACS with the configuration of the environment. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        AcsConfig config;
        try {
            config = AcsConfig.load(System.getenv());
        } catch (AcsConfig.ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.err.println("See docs/configuration.md for every option.");
            System.exit(2);
            return;
        }
        AcsServer server;
        try {
            server = AcsServer.start(config);
        } catch (Exception e) {
            LOG.error("Cannot start: {}", e.getMessage() != null ? e.getMessage() : e.toString());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        Thread.currentThread().join();
    }
}
