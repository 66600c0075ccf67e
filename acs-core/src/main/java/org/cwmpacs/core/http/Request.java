package org.cwmpacs.core.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An HTTP request: method, raw path (still percent-encoded), query parameters, headers and body. */
public record Request(HttpMethod method, String path, Map<String, List<String>> params, HttpHeaders headers,
                      byte[] body) {

    /**
     * A whole request as a handler gets it, copied out of Netty's buffers (so that a worker thread may use it
     * after the buffers are released).
     *
     * @throws IllegalArgumentException saying what is malformed: the request itself or its query string
     */
    public static Request of(io.netty.handler.codec.http.FullHttpRequest msg) {
        if (!msg.decoderResult().isSuccess()) {
            throw new IllegalArgumentException("malformed HTTP request: " + msg.decoderResult().cause());
        }
        io.netty.handler.codec.http.QueryStringDecoder uri = new io.netty.handler.codec.http.QueryStringDecoder(
                msg.uri());
        Map<String, List<String>> params;
        try {
            params = uri.parameters();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed query string: " + e.getMessage(), e);
        }
        byte[] body = new byte[msg.content().readableBytes()];
        msg.content().getBytes(msg.content().readerIndex(), body);
        return new Request(msg.method(), uri.rawPath(), params, msg.headers().copy(), body);
    }

    public Optional<String> param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean has(String name) {
        return params.containsKey(name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(CharSequence name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * JavaScript's {@code decodeURIComponent}: {@code %XX} sequences as UTF-8, {@code +} kept.
     *
     * @throws IllegalArgumentException on a malformed escape
     */
    public static String decode(String component) {
        if (component.indexOf('%') < 0) {
            return component;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '%') {
                if (i + 2 >= component.length()) {
                    throw new IllegalArgumentException("malformed escape at the end of '" + component + "'");
                }
                int hi = Character.digit(component.charAt(i + 1), 16);
                int lo = Character.digit(component.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("malformed escape '" + component.substring(i, i + 3) + "'");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                // the run up to the next escape at once, so that a surrogate pair stays whole
                int next = component.indexOf('%', i);
                int end = next < 0 ? component.length() : next;
                bytes.writeBytes(component.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
