package org.cwmpacs.core.connreq;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP GET as a connection request needs it, read the way lenient clients (curl, Node.js's parser)
 * read CPEs' tiny embedded servers: lines ended by LF alone, folded header lines, no reason phrase, a
 * connection closed right after the headers. Only the status and headers matter; the body is not read.
 */
final class LenientHttp {
    /** More than any connection-request answer's headers; a larger one is not an answer we can use. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    /** What came back: the status and the headers, names in lower case. */
    record Response(int status, Map<String, List<String>> headers) {
        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        Optional<String> first(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /** The device answered, but not with HTTP. */
    static final class NotHttp extends IOException {
        NotHttp(String what) {
            super(what);
        }
    }

    private LenientHttp() {
    }

    static Response get(URI uri, Optional<String> authorization, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(uri.getRawAuthority().replaceFirst("^.*@", "")).append("\r\nUser-Agent: cwmpacs\r\n")
                .append("Connection: close\r\n");
        authorization.ifPresent(a -> request.append("Authorization: ").append(a).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) Math.max(1, timeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!headComplete(head) && head.size() < MAX_HEAD_BYTES) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new java.net.SocketTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
                }
                socket.setSoTimeout((int) left);
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                head.write(buffer, 0, n);
            }
            if (head.size() == 0) {
                throw new IOException("the connection closed without an answer");
            }
            return parse(head.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static boolean headComplete(ByteArrayOutputStream head) {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.contains("\n\n") || text.contains("\n\r\n");
    }

    /** The status line and headers of an answer's head, however its lines end. */
    static Response parse(String head) throws NotHttp {
        String[] lines = head.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        String statusLine = i < lines.length ? lines[i].strip() : "";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^HTTP/\\d(?:\\.\\d)?\\s+(\\d{3})(?:\\s.*)?$")
                .matcher(statusLine);
        if (!m.matches()) {
            String shown = head.length() > 60 ? head.substring(0, 60) + "…" : head;
            throw new NotHttp("the answer is not HTTP: \"" + shown.replace("\r", "\\r").replace("\n", "\\n") + "\"");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String lastName = null;
        for (i++; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && lastName != null) {
                // an obsolete folded line continues the previous header
                List<String> values = headers.get(lastName);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            lastName = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(lastName, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return new Response(Integer.parseInt(m.group(1)), headers);
    }
}
