package org.cwmpacs.ui.auth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's users and permissions, where GenieACS keeps them (the {@code users} and {@code permissions}
 * collections), read when needed: an edit on any instance sharing the store applies at the next request.
 * Blocking store calls: use off the event loop.
 */
public final class Accounts {
    private static final Logger LOG = LoggerFactory.getLogger("ui");
    /** What GenieACS's setup gives its first administrator: write access, any change allowed, on each of these. */
    static final List<String> ADMIN_RESOURCES = List.of("devices", "faults", "files", "presets", "provisions",
            "config", "permissions", "users", "virtualParameters");

    private final DocumentStore documents;
    private final Set<String> reported = new HashSet<>();

    public Accounts(DocumentStore documents) {
        this.documents = documents;
    }

    public boolean anyUser() {
        return documents.count("users", Map.of()) > 0;
    }

    public Optional<UiUser> user(String name) {
        List<UiUser> found = new ArrayList<>();
        documents.find("users", DocumentQuery.all(Map.of("_id", name)), doc -> {
            try {
                found.add(UiUser.read(doc));
            } catch (IllegalArgumentException e) {
                report("user " + name + ": " + e.getMessage());
            }
        });
        return found.stream().findFirst();
    }

    /** Every usable permission; one that cannot be used is logged once and grants nothing. */
    public List<Permission> permissions() {
        List<Permission> out = new ArrayList<>();
        documents.find("permissions", DocumentQuery.all(Map.of()), doc -> {
            try {
                out.add(Permission.read(doc));
            } catch (IllegalArgumentException e) {
                report(e.getMessage());
            }
        });
        return out;
    }

    /**
     * The first administrator, with role {@code admin} and GenieACS's administrator permissions.
     *
     * @throws IllegalStateException when a user exists already: then users are managed by administrators
     */
    public synchronized UiUser createFirstAdmin(String name, String password) {
        if (anyUser()) {
            throw new IllegalStateException("the first administrator exists already; log in as an administrator to "
                    + "add users");
        }
        UiUser admin = new UiUser(name, UserPassword.of(password), List.of("admin"));
        for (String resource : ADMIN_RESOURCES) {
            String id = "admin:" + resource + ":3";
            documents.replace("permissions", id, Map.of("_id", id, "role", "admin", "resource", resource, "access", 3,
                    "validate", "true"));
        }
        documents.replace("users", name, admin.document());
        LOG.info("First administrator \"{}\" created", name);
        return admin;
    }

    private void report(String problem) {
        synchronized (reported) {
            if (reported.add(problem)) {
                LOG.warn("{} (left out until fixed)", problem);
            }
        }
    }
}
