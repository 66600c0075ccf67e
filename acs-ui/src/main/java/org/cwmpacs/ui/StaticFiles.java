package org.cwmpacs.ui;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Request;

/**
 * The page and its scripts and styles, from the jar ({@code org/cwmpacs/ui/static/}): {@code /} is the page,
 * {@code /static/<name>} the rest. Each answer carries an ETag, so that a reload asks with If-None-Match and gets
 * 304; a strict Content-Security-Policy allows this origin's scripts only.
 */
final class StaticFiles {
    private static final String ROOT = "/org/cwmpacs/ui/static/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private record Asset(byte[] bytes, String type, String etag) {
    }

    /** The assets found so far; a name that names none is not kept (anyone may ask for any name). */
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** Whether {@code path} names an asset; answers it if so. */
    boolean serve(Request request, Exchange exchange) {
        String path = request.path();
        String name = path.equals("/") ? "index.html" : path.startsWith("/static/") ? path.substring(8) : "";
        // names are plain: no way out of the folder
        if (!name.matches("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\\.[a-z]{2,4}")) {
            return false;
        }
        Optional<Asset> asset = Optional.ofNullable(cache.get(name)).or(() -> load(name));
        if (asset.isEmpty()) {
            return false;
        }
        cache.putIfAbsent(name, asset.get());
        Map<String, Object> headers = Map.of("ETag", asset.get().etag(), "Cache-Control", "no-cache",
                "Content-Security-Policy", CSP, "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");
        if (request.header("If-None-Match").map(asset.get().etag()::equals).orElse(false)) {
            exchange.respond(HttpResponseStatus.NOT_MODIFIED, asset.get().type(), new byte[0], headers);
        } else {
            exchange.respond(HttpResponseStatus.OK, asset.get().type(), asset.get().bytes(), headers);
        }
        return true;
    }

    /** Names cached: the assets that exist and were asked for. */
    int cached() {
        return cache.size();
    }

    private static Optional<Asset> load(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12)
                    + "\"";
            return Optional.of(new Asset(bytes, type, etag));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
