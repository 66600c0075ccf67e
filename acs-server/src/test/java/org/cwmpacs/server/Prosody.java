package org.cwmpacs.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Prosody XMPP server for the XMPP connection-request tests, on a free loopback port with a throwaway
 * configuration and accounts. Where {@code prosody} is missing the tests are skipped with how to run them,
 * except when {@code ACS_REQUIRE_PROSODY=1} (CI sets it): then they fail.
 */
final class Prosody implements AutoCloseable {
    final int port;
    private final Process process;

    private Prosody(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static Prosody start(Path dir, String domain, Map<String, String> users) throws Exception {
        Path prosody = Path.of("/usr/bin/prosody");
        if (!Files.isExecutable(prosody)) {
            String how = "no Prosody at /usr/bin/prosody: the XMPP connection-request tests need it (apt-get install prosody)";
            if ("1".equals(System.getenv("ACS_REQUIRE_PROSODY"))) {
                throw new IllegalStateException(how + "; ACS_REQUIRE_PROSODY=1 makes them mandatory");
            }
            Assumptions.abort(how);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("prosody.cfg.lua");
        Files.writeString(config, String.join("\n",
                "daemonize = false", "run_as_root = true",
                "pidfile = \"" + dir.resolve("prosody.pid") + "\"", "data_path = \"" + dir.resolve("data") + "\"",
                "certificates = \"" + dir.resolve("certs") + "\"",
                "log = { info = \"" + dir.resolve("prosody.log") + "\" }",
                "c2s_ports = { " + port + " }", "c2s_interfaces = { \"127.0.0.1\" }", "s2s_ports = { }",
                "component_ports = { }", "http_ports = { }", "https_ports = { }",
                // a throwaway server on loopback: no TLS, plain passwords
                "c2s_require_encryption = false", "allow_unencrypted_plain_auth = true",
                "authentication = \"internal_plain\"", "modules_enabled = { \"roster\"; \"saslauth\"; \"disco\" }",
                "modules_disabled = { \"s2s\"; \"tls\"; \"posix\" }", "VirtualHost \"" + domain + "\"", ""));
        Files.createDirectories(dir.resolve("certs"));
        for (Map.Entry<String, String> user : users.entrySet()) {
            Process register = new ProcessBuilder("prosodyctl", "--config", config.toString(), "register",
                    user.getKey(), domain, user.getValue()).redirectErrorStream(true).start();
            register.getInputStream().readAllBytes();
            if (!register.waitFor(30, TimeUnit.SECONDS) || register.exitValue() != 0) {
                throw new IOException("prosodyctl register " + user.getKey() + " failed");
            }
        }
        Process process = new ProcessBuilder(prosody.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("prosody.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Prosody(port, process);
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("Prosody did not start: " + Files.readString(dir.resolve("prosody.out")));
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
