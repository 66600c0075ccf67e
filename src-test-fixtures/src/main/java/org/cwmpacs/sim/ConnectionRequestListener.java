package org.cwmpacs.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CPE's connection-request server on loopback: an HTTP GET with valid Digest credentials is answered 200
 * and starts a session with {@code 6 CONNECTION REQUEST}; anything else gets a Digest challenge (401).
 */
public final class ConnectionRequestListener implements AutoCloseable {
    private static final String REALM = "simulated-cpe";

    private final HttpServer server;
    private final ExecutorService sessions = Executors.newSingleThreadExecutor();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger accepted = new AtomicInteger();
    private final String path;

    private ConnectionRequestListener(SimulatedCpe cpe, String username, String password) throws IOException {
        byte[] token = new byte[8];
        random.nextBytes(token);
        this.path = "/" + HexFormat.of().formatHex(token);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(path, exchange -> handle(exchange, cpe, username, password));
        server.start();
    }

    /** Starts a listener for the CPE and makes it the CPE's ConnectionRequestURL in later Informs. */
    public static ConnectionRequestListener start(SimulatedCpe cpe, String username, String password) throws IOException {
        ConnectionRequestListener listener = new ConnectionRequestListener(cpe, username, password);
        cpe.setConnectionRequestUrl(listener.url());
        return listener;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Connection requests accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    private void handle(HttpExchange exchange, SimulatedCpe cpe, String username, String password) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !valid(auth, username, password, exchange.getRequestURI().toString())) {
                byte[] nonceBytes = new byte[16];
                random.nextBytes(nonceBytes);
                String nonce = HexFormat.of().formatHex(nonceBytes);
                nonces.add(nonce);
                exchange.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\""
                        + nonce + "\", algorithm=MD5");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            accepted.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            sessions.execute(() -> cpe.runSession("6 CONNECTION REQUEST"));
        }
    }

    private boolean valid(String header, String username, String password, String requestUri) {
        Map<String, String> p = Digest.params(header);
        if (!header.regionMatches(true, 0, "Digest", 0, 6) || !username.equals(p.get("username"))
                || !nonces.contains(p.get("nonce"))) {
            return false;
        }
        String expected = Digest.response(username, password, REALM, "GET", p.getOrDefault("uri", requestUri),
                p.get("nonce"), p.get("nc"), p.get("cnonce"), p.get("qop"));
        return expected.equalsIgnoreCase(p.get("response"));
    }

    @Override
    public void close() {
        server.stop(0);
        sessions.shutdownNow();
    }
}
