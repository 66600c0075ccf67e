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

    /** How old the permissions {@link #cachedPermissions} gives may be. */
    static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final DocumentStore documents;
    private final Set<String> reported = new HashSet<>();
    private volatile List<Permission> cached = List.of();
    private volatile long cachedAt = Long.MIN_VALUE / 2;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

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

    /**
     * The permissions as last read, at most about 5 s old, without reading the store: for decisions made on an
     * event loop (a file upload's start). A stale copy is refreshed on {@code executor}.
     */
    public List<Permission> cachedPermissions(java.util.concurrent.Executor executor) {
        if (System.nanoTime() - cachedAt > CACHE_NANOS && refreshing.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    permissions();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return cached;
    }

    /** Every usable permission, read now; one that cannot be used is logged once and grants nothing. */
    public List<Permission> permissions() {
        long readAt = System.nanoTime();
        List<Permission> out = new ArrayList<>();
        documents.find("permissions", DocumentQuery.all(Map.of()), doc -> {
            try {
                out.add(Permission.read(doc));
            } catch (IllegalArgumentException e) {
                report(e.getMessage());
            }
        });
        cached = List.copyOf(out);
        cachedAt = readAt;
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
