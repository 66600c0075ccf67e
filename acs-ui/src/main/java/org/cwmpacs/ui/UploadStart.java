package org.cwmpacs.ui;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.FileUpload;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.ui.auth.Authorizer;
import org.cwmpacs.ui.auth.Permission;
import org.cwmpacs.ui.auth.UiSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of {@code PUT /api/files/<name>} (GenieACS's UI upload: the body is the file, its metadata in the
 * headers {@code metadata-fileType}, {@code metadata-oui}, {@code metadata-productClass}, {@code metadata-version}),
 * decided on the event loop before the body arrives: a session, its CSRF token, write access to files (the
 * permissions as read at most seconds ago) and their {@code validate}, the size. A refused upload's body is not
 * read: the connection closes after the answer.
 */
final class UploadStart {
    private static final Logger LOG = LoggerFactory.getLogger("ui");

    private final UiServer.Shared shared;
    private final Executor executor;

    UploadStart(UiServer.Shared shared, Executor executor) {
        this.shared = shared;
        this.executor = executor;
    }

    void start(ChannelHandlerContext ctx, HttpRequest msg, Consumer<Optional<FileUpload>> started) {
        String path = new QueryStringDecoder(msg.uri()).rawPath();
        Request request = new Request(msg.method(), path, Map.of(), msg.headers(), new byte[0]);
        Exchange refusal = new Exchange(ctx, false);
        started.accept(Optional.empty());
        Optional<UiSessions.Session> session = UiHandler.session(request, shared.sessions());
        if (session.isEmpty()) {
            refusal.refuseUnread(HttpResponseStatus.UNAUTHORIZED, "not logged in, or the login expired: log in again");
            return;
        }
        if (!UiHandler.csrfMatches(request, session.get())) {
            refusal.refuseUnread(HttpResponseStatus.FORBIDDEN, "missing or wrong " + UiHandler.CSRF_HEADER + " header");
            return;
        }
        String name;
        try {
            name = Request.decode(path.substring("/api/files/".length()));
        } catch (IllegalArgumentException e) {
            refusal.refuseUnread(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        Map<String, String> metadata = FileUpload.metadata(msg.headers(), "metadata-");
        Authorizer authorizer = Authorizer.forRoles(session.get().roles(),
                shared.accounts().cachedPermissions(executor));
        if (!authorizer.hasAccess("files", Permission.WRITE)
                || !authorizer.validate("files", "put", metadata, Map.of("_id", name), Map.of())) {
            refusal.refuseUnread(HttpResponseStatus.FORBIDDEN, "your roles may not upload files");
            return;
        }
        if (name.isBlank() || name.length() > 1000) {
            refusal.refuseUnread(HttpResponseStatus.BAD_REQUEST, "a file's name has 1 to 1000 characters");
            return;
        }
        long max = shared.services().maxFileBytes();
        long declared = HttpUtil.getContentLength(msg, -1L);
        if (declared > max) {
            refusal.refuseUnread(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "the file is " + declared
                    + " bytes; files of at most " + max + " bytes are stored (ACS_MAX_FILE_MB)");
            return;
        }
        LOG.info("\"{}\" uploads file {} ({} bytes)", session.get().username(), name, declared);
        started.accept(Optional.of(new FileUpload(ctx, new Exchange(ctx, HttpUtil.isKeepAlive(msg)), executor,
                shared.services().files(), name, metadata, max)));
        if (HttpUtil.is100ContinueExpected(msg)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }
}
