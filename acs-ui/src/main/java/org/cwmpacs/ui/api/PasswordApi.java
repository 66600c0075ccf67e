package org.cwmpacs.ui.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Json;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.DocumentStore;
import org.cwmpacs.ui.auth.Authorizer;
import org.cwmpacs.ui.auth.Permission;
import org.cwmpacs.ui.auth.UiSessions;
import org.cwmpacs.ui.auth.UiUser;
import org.cwmpacs.ui.auth.UserPassword;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /api/users/<name>/password {"authPassword", "newPassword"}}: a user changes their own password by
 * giving the current one; an administrator (write access to users, and their {@code validate} with
 * {@code mutationType} {@code password}) changes anyone's. The user's other sessions end.
 */
public final class PasswordApi {
    private static final Logger LOG = LoggerFactory.getLogger("ui");

    private final DocumentStore documents;
    private final UiSessions sessions;

    public PasswordApi(DocumentStore documents, UiSessions sessions) {
        this.documents = documents;
        this.sessions = sessions;
    }

    public void handle(Request request, Exchange exchange, Authorizer authorizer, UiSessions.Session session,
                       String name) {
        Map<String, Object> body;
        try {
            body = Json.parseObject(request.bodyText(), "the passwords");
        } catch (Json.InvalidJson e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        String current = body.get("authPassword") instanceof String s ? s : "";
        String next = body.get("newPassword") instanceof String s ? s : "";
        if (next.length() < 8 || next.length() > 1000) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, "a password has 8 to 1000 characters");
            return;
        }
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        documents.find("users", DocumentQuery.all(Map.of("_id", name)), found::add);
        Optional<Map<String, Object>> stored = found.stream().findFirst();
        boolean own = name.equals(session.username());
        boolean admin = authorizer.hasAccess("users", Permission.WRITE) && authorizer.validate("users", "password",
                Map.of("password", "(hidden)"), Map.of("_id", name), Map.of());
        if (stored.isEmpty()) {
            exchange.error(admin ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.FORBIDDEN,
                    admin ? "no user \"" + name + "\"" : "you may change your own password only");
            return;
        }
        UiUser user;
        try {
            user = UiUser.read(stored.get());
        } catch (IllegalArgumentException e) {
            user = null;
        }
        if (own && !admin && (user == null || !user.password().matches(current))) {
            exchange.error(HttpResponseStatus.FORBIDDEN, "the current password is wrong");
            return;
        }
        if (!own && !admin) {
            exchange.error(HttpResponseStatus.FORBIDDEN, "you may change your own password only");
            return;
        }
        UserPassword hash = UserPassword.of(next);
        Map<String, Object> doc = new LinkedHashMap<>(stored.get());
        doc.put("password", hash.hash());
        doc.put("salt", hash.salt());
        documents.replace("users", name, doc);
        sessions.closeUserExcept(name, session.id());
        LOG.info("\"{}\" changed the password of \"{}\"", session.username(), name);
        exchange.respond(HttpResponseStatus.OK);
    }
}
