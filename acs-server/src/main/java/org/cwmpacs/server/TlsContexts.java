package org.cwmpacs.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The TLS context of a listener (CWMP, UI) from GenieACS's options: each of {@code GENIEACS_CWMP_SSL_CERT} and
 * {@code _KEY} (or the UI's) is a PEM file path or the PEM text itself (starting with {@code -----BEGIN}). The key must be
 * PKCS#8 ({@code BEGIN PRIVATE KEY}); {@code openssl pkcs8 -topk8 -nocrypt} converts others.
 */
final class TlsContexts {
    private TlsContexts() {
    }

    static Optional<SslContext> fromConfig(Optional<String> cert, Optional<String> key) throws IOException {
        return fromConfig(cert, key, "GENIEACS_CWMP_SSL");
    }

    /** @param option the options' common start, {@code GENIEACS_UI_SSL} for {@code GENIEACS_UI_SSL_CERT} and {@code _KEY} */
    static Optional<SslContext> fromConfig(Optional<String> cert, Optional<String> key, String option)
            throws IOException {
        if (cert.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream certIn = pem(cert.get(), option + "_CERT");
             InputStream keyIn = pem(key.get(), option + "_KEY")) {
            return Optional.of(SslContextBuilder.forServer(certIn, keyIn).build());
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot use the TLS certificate or key: " + e.getMessage()
                    + " (the key must be an unencrypted PKCS#8 PEM, 'BEGIN PRIVATE KEY')", e);
        }
    }

    private static InputStream pem(String value, String option) throws IOException {
        if (value.strip().startsWith("-----BEGIN")) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.US_ASCII));
        }
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw new IOException(option + " names " + path.toAbsolutePath() + ", which cannot be read");
        }
        return Files.newInputStream(path);
    }
}
