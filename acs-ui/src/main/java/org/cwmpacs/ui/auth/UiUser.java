package org.cwmpacs.ui.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user of the UI as GenieACS's {@code users} collection holds one: {@code {_id: name, password, salt,
 * roles: "admin,support"}}.
 */
public record UiUser(String name, UserPassword password, List<String> roles) {
    public UiUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        roles = List.copyOf(roles);
    }

    /** Reads a stored user; a document without a name or password hash is refused, naming what is missing. */
    public static UiUser read(Map<String, ?> doc) {
        Object id = doc.get("_id");
        if (!(id instanceof String) || ((String) id).isEmpty()) {
            throw new IllegalArgumentException("a user without a name (_id)");
        }
        Object hash = doc.get("password");
        Object salt = doc.get("salt");
        if (!(hash instanceof String) || !(salt instanceof String)) {
            throw new IllegalArgumentException("user " + id + " has no password hash and salt");
        }
        return new UiUser((String) id, new UserPassword((String) hash, (String) salt), roles(doc.get("roles")));
    }

    /** GenieACS stores roles as a comma-separated text; a list is taken too. */
    static List<String> roles(Object stored) {
        List<String> out = new ArrayList<>();
        if (stored instanceof String) {
            for (String role : ((String) stored).split(",")) {
                if (!role.isBlank()) {
                    out.add(role.strip());
                }
            }
        } else if (stored instanceof List) {
            for (Object role : (List<?>) stored) {
                if (role != null && !String.valueOf(role).isBlank()) {
                    out.add(String.valueOf(role).strip());
                }
            }
        }
        return out;
    }

    /** The document to store (roles as GenieACS writes them). */
    public Map<String, Object> document() {
        return Map.of("_id", name, "password", password.hash(), "salt", password.salt(), "roles",
                String.join(",", roles));
    }
}
