package org.cwmpacs.ui.api;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.store.FileStore;
import org.cwmpacs.ui.UiServices;
import org.cwmpacs.ui.auth.Authorizer;
import org.cwmpacs.ui.auth.Permission;

/**
 * {@code GET /api/blob/files/<name>}: a stored file, as an attachment, for a user who may read it; sent in pieces
 * as the client takes them.
 */
public final class FileDownload {
    private static final int PIECE_BYTES = 64 * 1024;

    private final UiServices services;
    private final ResourcesApi resources;

    public FileDownload(UiServices services, ResourcesApi resources) {
        this.services = services;
        this.resources = resources;
    }

    public void handle(Exchange exchange, Authorizer authorizer, String name) throws InterruptedException {
        Optional<FileStore.FileInfo> info = resources.find(authorizer, "files", name, Permission.READ).isEmpty()
                ? Optional.empty() : services.files().info(name);
        if (info.isEmpty()) {
            exchange.error(HttpResponseStatus.NOT_FOUND, "no file \"" + name + "\" that you may read");
            return;
        }
        HttpResponse head = Exchange.head(HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
                .set(HttpHeaderNames.CONTENT_LENGTH, info.get().length())
                .set("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        try (InputStream in = services.files().open(name, 0)) {
            Exchange.Body body = exchange.stream(head);
            long left = info.get().length();
            while (left > 0) {
                byte[] piece = in.readNBytes((int) Math.min(PIECE_BYTES, left));
                if (piece.length == 0) {
                    body.abort();
                    return;
                }
                left -= piece.length;
                if (left == 0) {
                    body.sendLast(Unpooled.wrappedBuffer(piece));
                } else {
                    body.write(piece);
                }
            }
            if (info.get().length() == 0) {
                body.end();
            }
        } catch (IOException e) {
            if (!exchange.answered()) {
                exchange.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the file cannot be read: " + e.getMessage());
            }
        }
    }
}
