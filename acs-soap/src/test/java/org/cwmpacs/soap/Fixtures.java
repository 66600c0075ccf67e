package org.cwmpacs.soap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The shared SOAP fixtures in src-test-fixtures, and a minimal reading of the {@code .http} ones. */
final class Fixtures {
    private Fixtures() {
    }

    static Path soapDir() {
        String configured = System.getProperty("acs.fixtures.dir");
        Path base = configured != null ? Path.of(configured) : Path.of("../src-test-fixtures/src/main/resources/fixtures");
        Path dir = base.resolve("soap");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("SOAP fixtures not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(soapDir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP request fixture: its headers (lower-cased names) and its de-chunked body. */
    record HttpRequest(Map<String, String> headers, byte[] body) {
        Optional<String> charset() {
            String type = headers.getOrDefault("content-type", "");
            int i = type.toLowerCase(Locale.ROOT).indexOf("charset=");
            return i < 0 ? Optional.empty() : Optional.of(type.substring(i + 8).split(";")[0].strip());
        }
    }

    static HttpRequest http(String name) {
        byte[] raw = bytes(name);
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        int skip = 4;
        if (split < 0) {
            split = indexOf(raw, "\n\n".getBytes(StandardCharsets.US_ASCII));
            skip = 2;
        }
        String head = new String(raw, 0, split, StandardCharsets.ISO_8859_1);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("POST ")) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, split + skip, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new HttpRequest(headers, body);
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (true) {
            int eol = indexOf(in, pos, (byte) '\n');
            String sizeLine = new String(in, pos, eol - pos, StandardCharsets.US_ASCII).strip();
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in, eol + 1, size);
            pos = eol + 1 + size;
            // CRLF (or LF) after the chunk data
            while (in[pos] == '\r' || in[pos] == '\n') {
                pos++;
            }
        }
    }

    private static int indexOf(byte[] a, byte[] b) {
        outer:
        for (int i = 0; i + b.length <= a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a[i + j] != b[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int indexOf(byte[] a, int from, byte b) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
