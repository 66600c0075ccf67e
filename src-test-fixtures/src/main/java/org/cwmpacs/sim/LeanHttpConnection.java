package org.cwmpacs.sim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One keep-alive HTTP/1.1 connection that POSTs and reads Content-Length answers, with as little work as
 * possible, so that the load generator leaves the machine's CPU to the ACS it measures. Reconnects when
 * the server closes the connection.
 */
final class LeanHttpConnection implements AutoCloseable {
    /** Status, body and the session cookie if one was set. */
    record Answer(int status, byte[] body, Optional<String> cookie) {
    }

    private final String host;
    private final int port;
    private final String path;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LeanHttpConnection(URI uri) {
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    Answer post(byte[] body, Optional<String> cookie) throws IOException {
        if (socket == null || socket.isClosed()) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
        }
        StringBuilder head = new StringBuilder(160).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        if (body.length > 0) {
            head.append("Content-Type: text/xml; charset=utf-8\r\n");
        }
        cookie.ifPresent(c -> head.append("Cookie: session=").append(c).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = 0;
        boolean close = false;
        Optional<String> cookie = Optional.empty();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                close = true;
            } else if (name.equalsIgnoreCase("set-cookie") && value.startsWith("session=")) {
                int end = value.indexOf(';');
                cookie = Optional.of(value.substring(8, end < 0 ? value.length() : end));
            }
        }
        byte[] body = in.readNBytes(length);
        if (close) {
            close();
        }
        return new Answer(code, body, cookie);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
