package org.cwmpacs.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar acs-server.jar}: starts the ACS with the configuration of the environment.
 * {@code java -jar acs-server.jar hash-key|hash-password}: reads a secret from standard input and prints
 * the hashed form the configuration may hold instead (ACS_NBI_API_KEYS, ACS_NBI_USERS).
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.exit(hash(args[0]));
            return;
        }
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

    private static int hash(String command) throws java.io.IOException {
        if (!command.equals("hash-key") && !command.equals("hash-password")) {
            System.err.println("Unknown command '" + command + "'. Commands: hash-key, hash-password "
                    + "(each reads the secret from standard input); without a command the server starts.");
            return 2;
        }
        java.io.Console console = System.console();
        String secret = console != null
                ? new String(console.readPassword(command.equals("hash-key") ? "API key: " : "Password: "))
                : new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8)).readLine();
        if (secret == null || secret.isEmpty()) {
            System.err.println("Nothing to hash: give the secret on standard input.");
            return 2;
        }
        System.out.println(command.equals("hash-key") ? org.cwmpacs.nbi.auth.NbiAuth.hashKey(secret)
                : "<name>:" + org.cwmpacs.nbi.auth.NbiAuth.hashPassword(secret));
        return 0;
    }
}
