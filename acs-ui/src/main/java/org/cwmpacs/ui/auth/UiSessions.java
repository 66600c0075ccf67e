package org.cwmpacs.ui.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in users, held by the server: the browser's cookie carries only a random id, so that logging out (or
 * deleting the user) ends the session at once, which a self-contained token (GenieACS's JWT) cannot. A
 * session ends after {@code idle} without a request. Each session has its own CSRF token, which every change
 * must send back in a header (a page of another site can make the browser send the cookie, not read the
 * token).
 */
public final class UiSessions {
    /** Sessions held at once; past it the oldest idle ones go first. */
    static final int MAX_SESSIONS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One logged-in browser. */
    public record Session(String id, String username, List<String> roles, String csrf) {
        public Session {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(username, "username");
            roles = List.copyOf(roles);
            Objects.requireNonNull(csrf, "csrf");
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;

    public UiSessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    public Session open(UiUser user) {
        if (sessions.size() >= MAX_SESSIONS) {
            sweep();
        }
        Session s = new Session(token(), user.name(), user.roles(), token());
        sessions.put(s.id(), s);
        lastUse.put(s.id(), clock.instant());
        return s;
    }

    /** The session with this id, if it has not ended; its idle time starts again. */
    public Optional<Session> find(String id) {
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant last = lastUse.get(id);
        if (last == null || !now.isBefore(last.plus(idle))) {
            close(id);
            return Optional.empty();
        }
        lastUse.put(id, now);
        return Optional.of(s);
    }

    public void close(String id) {
        sessions.remove(id);
        lastUse.remove(id);
    }

    /** Ends every session of a user (deleted, or given another password). */
    public void closeUser(String username) {
        closeUserExcept(username, "");
    }

    /** Ends every session of a user but {@code keep} (the one that changed its own password). */
    public void closeUserExcept(String username, String keep) {
        sessions.values().removeIf(s -> {
            boolean theirs = s.username().equals(username) && !s.id().equals(keep);
            if (theirs) {
                lastUse.remove(s.id());
            }
            return theirs;
        });
    }

    private void sweep() {
        Instant now = clock.instant();
        lastUse.forEach((id, last) -> {
            if (!now.isBefore(last.plus(idle))) {
                close(id);
            }
        });
        if (sessions.size() >= MAX_SESSIONS) {
            // still full of live sessions: the least recently used half goes
            lastUse.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(MAX_SESSIONS / 2)
                    .map(Map.Entry::getKey).toList().forEach(this::close);
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
