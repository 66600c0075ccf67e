package org.cwmpacs.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A script's view of the NBI: status, reason phrase (GenieACS puts outcomes there), headers and body.
 * {@link HttpURLConnection} because {@link java.net.http.HttpClient} hides the reason phrase.
 */
final class NbiClient {
    record Reply(int status, String reason, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() throws IOException {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, List.class);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() throws IOException {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
        }

        @Override
        public String toString() {
            return status + " " + reason + " " + body;
        }
    }

    private final String base;
    private final Map<String, String> always;

    NbiClient(int port, Map<String, String> always) {
        this.base = "http://127.0.0.1:" + port;
        this.always = always;
    }

    NbiClient(int port) {
        this(port, Map.of());
    }

    Reply get(String pathAndQuery) throws IOException {
        return send("GET", pathAndQuery, null, Map.of());
    }

    Reply send(String method, String pathAndQuery, String body) throws IOException {
        return send(method, pathAndQuery, body == null ? null : body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Reply send(String method, String pathAndQuery, byte[] body, Map<String, String> headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base + pathAndQuery).openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        always.forEach(c::setRequestProperty);
        headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status;
        try {
            status = c.getResponseCode();
        } catch (java.net.SocketTimeoutException e) {
            // what the server was doing instead of answering, for whoever reads the failed build
            StringBuilder dump = new StringBuilder("no answer to " + method + " " + pathAndQuery + "; threads:\n");
            Thread.getAllStackTraces().forEach((t, stack) -> {
                dump.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            });
            System.err.println(dump);
            throw e;
        }
        String text;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> lower = new TreeMap<>();
        c.getHeaderFields().forEach((k, v) -> {
            if (k != null) {
                lower.put(k.toLowerCase(java.util.Locale.ROOT), v);
            }
        });
        return new Reply(status, c.getResponseMessage(), lower, text);
    }

    /** A device id as a path segment: encoded once more, since ids carry {@code %XX} escapes of their own. */
    static String id(String deviceId) {
        return java.net.URLEncoder.encode(deviceId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String q(String json) {
        return java.net.URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
