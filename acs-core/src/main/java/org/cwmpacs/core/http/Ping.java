package org.cwmpacs.core.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code /ping/<host>}: the operating system's {@code ping}, three probes, its output as text (the UI's
 * "ping" button uses it). The host is passed as one argument, never through a shell.
 */
public final class Ping {
    public void handle(Exchange exchange, String host) throws InterruptedException {
        if (host.startsWith("-")) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "'" + host + "' is not a host name or address");
            return;
        }
        Process process;
        try {
            process = new ProcessBuilder(List.of("ping", "-w", "1", "-i", "0.2", "-c", "3", host))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            exchange.respond(HttpResponseStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8",
                    ("cannot run ping: " + e.getMessage()).getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        byte[] output;
        try {
            output = process.getInputStream().readAllBytes();
        } catch (IOException e) {
            output = e.toString().getBytes(StandardCharsets.UTF_8);
        }
        Map<String, Object> headers = Map.of("Cache-Control", "no-cache");
        if (process.isAlive() || process.exitValue() != 0) {
            exchange.respond(HttpResponseStatus.NOT_FOUND, "text/plain; charset=utf-8", output, headers);
        } else {
            exchange.respond(HttpResponseStatus.OK, "text/plain", output, headers);
        }
    }
}
