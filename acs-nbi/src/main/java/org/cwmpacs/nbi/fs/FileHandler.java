package org.cwmpacs.nbi.fs;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.cwmpacs.core.auth.CpeAuthenticator;
import org.cwmpacs.core.auth.CpeCredentials;
import org.cwmpacs.core.store.FileStore;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|HEAD /<file name>}: the stored file, streamed from the store in pieces, with GenieACS's
 * validators ({@code ETag} = MD5 of id, upload time and length; {@code Last-Modified}), conditional
 * requests (304, 412) and one byte range (206, 416), so that a CPE can resume an interrupted download.
 */
final class FileHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger ACCESS = LoggerFactory.getLogger("fs");
    private static final int PIECE_BYTES = 64 * 1024;

    private final FileStore files;
    private final Executor executor;
    private final CpeAuthenticator authenticator;

    FileHandler(FileStore files, Executor executor, CpeAuthenticator authenticator) {
        this.files = files;
        this.executor = executor;
        this.authenticator = authenticator;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        Exchange exchange = new Exchange(ctx, HttpUtil.isKeepAlive(msg));
        if (!msg.decoderResult().isSuccess()) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request: " + msg.decoderResult().cause());
            return;
        }
        if (!msg.method().equals(HttpMethod.GET) && !msg.method().equals(HttpMethod.HEAD)) {
            exchange.methodNotAllowed("GET, HEAD");
            return;
        }
        String name;
        try {
            name = Request.decode(new QueryStringDecoder(msg.uri()).rawPath().substring(1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "malformed file name: " + e.getMessage());
            return;
        }
        HttpHeaders headers = msg.headers().copy();
        boolean head = msg.method().equals(HttpMethod.HEAD);
        String method = msg.method().name();
        String uri = msg.uri();
        String remote = String.valueOf(ctx.channel().remoteAddress());
        executor.execute(() -> {
            try {
                serve(exchange, name, headers, head, method, uri, remote);
            } catch (Exception e) {
                ACCESS.warn("{} {} {}: failed: {}", remote, method, name, e.toString());
                if (!exchange.answered()) {
                    exchange.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "cannot read the file: " + e.getMessage());
                }
            }
        });
    }

    private void serve(Exchange exchange, String name, HttpHeaders headers, boolean head, String method, String uri,
                       String remote) throws IOException {
        Optional<FileStore.FileInfo> found = files.info(name);
        if (found.isEmpty()) {
            ACCESS.info("{} {} {}: not found", remote, method, name);
            exchange.respond(HttpResponseStatus.NOT_FOUND);
            return;
        }
        FileStore.FileInfo file = found.get();
        Optional<String> user = file.metadata("username");
        if (user.isPresent() && !authorised(headers, new CpeCredentials(user.get(),
                file.metadata("password").orElse("")), method, uri)) {
            ACCESS.info("{} {} {}: credentials missing or wrong", remote, method, name);
            HttpResponse refusal = Exchange.head(HttpResponseStatus.UNAUTHORIZED);
            refusal.headers().add(HttpHeaderNames.WWW_AUTHENTICATE, authenticator.challenge(false))
                    .add(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"" + CpeAuthenticator.REALM + "\"")
                    .set(HttpHeaderNames.CONTENT_LENGTH, 0);
            exchange.complete(refusal);
            return;
        }
        String etag = "\"" + etag(file) + "\"";
        Instant modified = file.uploadDate().truncatedTo(ChronoUnit.SECONDS);
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC));
        Optional<HttpResponseStatus> precondition = Conditions.check(headers, etag, modified);
        if (precondition.isPresent()) {
            HttpResponse response = Exchange.head(precondition.get());
            if (precondition.get().equals(HttpResponseStatus.NOT_MODIFIED)) {
                response.headers().set(HttpHeaderNames.ETAG, etag).set(HttpHeaderNames.LAST_MODIFIED, lastModified);
            }
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            exchange.complete(response);
            return;
        }
        Optional<String> rangeHeader = Optional.ofNullable(headers.get(HttpHeaderNames.RANGE));
        if (rangeHeader.isPresent() && !Conditions.ifRangeHolds(headers, etag, modified)) {
            rangeHeader = Optional.empty();
        }
        ByteRange.Outcome outcome = ByteRange.of(rangeHeader, file.length());
        if (outcome instanceof ByteRange.Unsatisfiable) {
            HttpResponse response = Exchange.head(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
            response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + file.length())
                    .set(HttpHeaderNames.CONTENT_LENGTH, 0);
            exchange.complete(response);
            return;
        }
        ByteRange range = outcome instanceof ByteRange.Partial ? ((ByteRange.Partial) outcome).range()
                : new ByteRange(0, file.length() - 1);
        HttpResponse response = Exchange.head(outcome instanceof ByteRange.Partial
                ? HttpResponseStatus.PARTIAL_CONTENT : HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
                .set(HttpHeaderNames.CONTENT_LENGTH, Math.max(0, range.length()))
                .set(HttpHeaderNames.ACCEPT_RANGES, "bytes")
                .set(HttpHeaderNames.ETAG, etag)
                .set(HttpHeaderNames.LAST_MODIFIED, lastModified);
        if (outcome instanceof ByteRange.Partial) {
            response.headers().set(HttpHeaderNames.CONTENT_RANGE,
                    "bytes " + range.start() + "-" + range.endInclusive() + "/" + file.length());
        }
        ACCESS.info("{} {} {}: {} bytes from {}", remote, method, name, Math.max(0, range.length()), range.start());
        if (head || range.length() <= 0) {
            exchange.complete(response);
            return;
        }
        Exchange.Body body = exchange.stream(response);
        InputStream in = files.open(name, range.start());
        sendPiece(body, in, range.length(), name, remote);
    }

    /**
     * One piece read on a worker and sent; the next is read once the client has taken it. A client that stops
     * reading holds no worker (16 of them once stalled every download), only its connection until the idle
     * timeout closes it.
     */
    private void sendPiece(Exchange.Body body, InputStream in, long left, String name, String remote) {
        executor.execute(() -> {
            try {
                if (left <= 0) {
                    in.close();
                    body.end();
                    return;
                }
                byte[] piece = new byte[(int) Math.min(PIECE_BYTES, left)];
                int n = in.read(piece);
                if (n < 0) {
                    throw new IOException("the stored file " + name + " ends " + left + " bytes early");
                }
                if (n == left) {
                    closeQuietly(in);
                    body.sendLast(Unpooled.wrappedBuffer(piece, 0, n));
                    return;
                }
                body.send(Unpooled.wrappedBuffer(piece, 0, n)).addListener(sent -> {
                    if (sent.isSuccess()) {
                        sendPiece(body, in, left - n, name, remote);
                    } else {
                        closeQuietly(in);
                    }
                });
            } catch (IOException | RuntimeException e) {
                ACCESS.warn("{} GET {}: failed: {}", remote, name, e.toString());
                closeQuietly(in);
                // the length is promised already: all the client can be told is that the connection ends
                body.abort();
            }
        });
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read from it
        }
    }

    private boolean authorised(HttpHeaders headers, CpeCredentials expected, String method, String uri) {
        Optional<String> authorization = Optional.ofNullable(headers.get(HttpHeaderNames.AUTHORIZATION));
        if (authorization.isPresent() && authorization.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            // download clients of CPEs often speak only Basic; the same password went to the CPE in the
            // Download request, over the same kind of connection
            try {
                String decoded = new String(java.util.Base64.getDecoder().decode(authorization.get().substring(6)
                        .strip()), StandardCharsets.UTF_8);
                return MessageDigest.isEqual(decoded.getBytes(StandardCharsets.UTF_8),
                        (expected.username() + ":" + expected.password()).getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return authenticator.verify(authorization, expected, false, method, uri);
    }

    /** GenieACS's validator: MD5 of {@code <id>-<upload time in ms>-<length>}. */
    static String etag(FileStore.FileInfo file) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest((file.name() + "-" + file.uploadDate().toEpochMilli() + "-"
                    + file.length()).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }

    /** HTTP dates (RFC 1123); a date that does not parse counts as absent. */
    static Optional<Instant> httpDate(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof OutOfMemoryError || cause instanceof io.netty.handler.codec.TooLongFrameException) {
            // a refusal the operator should see: out of buffer memory, or a request line or header too long
            ACCESS.warn("{}: connection closed: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
