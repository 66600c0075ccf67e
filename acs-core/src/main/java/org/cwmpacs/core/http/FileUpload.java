package org.cwmpacs.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.cwmpacs.core.store.FileStore;
import org.cwmpacs.core.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /files/<name>}: the body goes to the store piece by piece as it arrives. The connection is
 * read only as fast as the store takes the pieces, so memory holds one network read at a time whatever
 * the file's size. The previous file of that name stays until the new one is complete.
 */
public final class FileUpload {
    private static final Logger LOG = LoggerFactory.getLogger(FileUpload.class);
    /** GenieACS's metadata headers, plus the credentials the file server will ask for. */
    private static final List<String> METADATA = List.of("fileType", "oui", "productClass", "version", "username",
            "password");

    private final ChannelHandlerContext ctx;
    private final Exchange exchange;
    private final Executor executor;
    private final String name;
    private CompletableFuture<FileStore.Upload> chain;
    private int queued;
    private long received;
    private final long maxBytes;
    /** Set on the event loop, read by the store's writes. */
    private volatile boolean failed;

    /** With the metadata in GenieACS's NBI headers ({@code fileType}, {@code oui}, …). */
    public FileUpload(ChannelHandlerContext ctx, Exchange exchange, Executor executor, FileStore files, String name,
                      HttpHeaders headers, long maxBytes) {
        this(ctx, exchange, executor, files, name, metadata(headers, ""), maxBytes);
    }

    /** GenieACS's metadata from headers named {@code prefix + "fileType"} and so on. */
    public static Map<String, String> metadata(HttpHeaders headers, String prefix) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (String key : METADATA) {
            String value = headers.get(prefix + key);
            if (value != null) {
                metadata.put(key, value);
            }
        }
        return metadata;
    }

    /** Starts storing; must be made on the connection's event loop, before its body's pieces arrive. */
    public FileUpload(ChannelHandlerContext ctx, Exchange exchange, Executor executor, FileStore files, String name,
                      Map<String, String> metadata, long maxBytes) {
        this.maxBytes = maxBytes;
        this.ctx = ctx;
        this.exchange = exchange;
        this.executor = executor;
        this.name = name;
        ctx.channel().config().setAutoRead(false);
        this.chain = CompletableFuture.supplyAsync(() -> files.upload(name, metadata), executor);
        // the body may not have started to arrive: ask for it (later reads follow the store's pace)
        ctx.read();
    }

    /** On the event loop: one piece of the body. */
    public void offer(HttpContent content) {
        if (failed) {
            return;
        }
        if (received + content.content().readableBytes() > maxBytes) {
            // a chunked upload past the limit: what arrived so far is thrown away
            // the rest of the body is read and dropped as it comes
            fail(new FileTooLarge("the file is larger than " + maxBytes + " bytes, the most that is stored "
                    + "(ACS_MAX_FILE_MB)"));
            return;
        }
        ByteBuf bytes = content.content().retain();
        boolean last = content instanceof LastHttpContent;
        received += bytes.readableBytes();
        queued++;
        chain = chain.handleAsync((upload, failure) -> {
            try {
                if (failure != null) {
                    throw failure instanceof CompletionException ? (CompletionException) failure
                            : new CompletionException(failure);
                }
                if (!failed) {
                    byte[] copy = new byte[bytes.readableBytes()];
                    bytes.readBytes(copy);
                    upload.write(copy, 0, copy.length);
                }
                return upload;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                // released whatever happened: a failed upload must not leak the pieces still arriving
                bytes.release();
            }
        }, executor);
        if (last) {
            chain.thenAcceptAsync(upload -> {
                try {
                    upload.commit();
                    LOG.info("File {} stored ({} bytes)", name, received);
                    exchange.respond(HttpResponseStatus.CREATED);
                } catch (java.io.IOException | RuntimeException e) {
                    upload.abort();
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, executor).whenComplete((done, failure) -> {
                ctx.channel().eventLoop().execute(() -> ctx.channel().config().setAutoRead(true));
                if (failure != null) {
                    fail(failure);
                }
            });
        } else {
            chain.whenComplete((upload, failure) -> ctx.channel().eventLoop().execute(() -> {
                if (failure != null) {
                    fail(failure);
                    return;
                }
                // the store has taken everything read so far: read on
                if (--queued == 0) {
                    ctx.read();
                }
            }));
        }
    }

    /** The client went away before the end: nothing is stored. */
    public void abort() {
        failed = true;
        chain.thenAccept(FileStore.Upload::abort);
    }

    /** An upload past the size limit. */
    public static final class FileTooLarge extends IllegalArgumentException {
        FileTooLarge(String message) {
            super(message);
        }
    }

    private void fail(Throwable failure) {
        if (failed) {
            return;
        }
        failed = true;
        chain.thenAccept(FileStore.Upload::abort);
        Throwable cause = StoreFailures.cause(failure);
        while (cause instanceof IllegalStateException && cause.getCause() != null) {
            cause = StoreFailures.cause(cause.getCause());
        }
        LOG.warn("File {} not stored: {}", name, cause.toString());
        exchange.error(cause instanceof FileTooLarge ? io.netty.handler.codec.http.HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE
                : Failures.status(cause), "the file " + name + " was not stored: "
                + cause.getMessage());
        ctx.channel().config().setAutoRead(true);
    }
}
