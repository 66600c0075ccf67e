package org.cwmpacs.ui.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.Parser;

/**
 * One row of GenieACS's {@code permissions} collection: what a role may do with a kind of resource.
 *
 * @param access 1 count, 2 read, 3 write (each includes the ones below)
 * @param filter which of the resources it applies to (an expression; {@code true} when not given)
 * @param validate for writes: whether a change is allowed (an expression over the change)
 */
public record Permission(String role, String resource, int access, Expr filter, Optional<Expr> validate) {
    public static final int COUNT = 1;
    public static final int READ = 2;
    public static final int WRITE = 3;

    public Permission {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(validate, "validate");
    }

    /**
     * Reads a stored permission; one that cannot be used (no role or resource, an access level other than 1
     * to 3, a filter that does not parse) is refused with what is wrong, so that it can be reported and left
     * out (a left-out permission grants nothing).
     */
    public static Permission read(Map<String, ?> doc) {
        Object role = doc.get("role");
        Object resource = doc.get("resource");
        if (!(role instanceof String) || !(resource instanceof String)) {
            throw new IllegalArgumentException("permission " + doc.get("_id") + " has no role or resource");
        }
        Object access = doc.get("access");
        int level = access instanceof Number ? ((Number) access).intValue() : -1;
        if (access instanceof String) {
            try {
                level = Integer.parseInt(((String) access).strip());
            } catch (NumberFormatException e) {
                level = -1;
            }
        }
        if (level < COUNT || level > WRITE) {
            throw new IllegalArgumentException("permission " + doc.get("_id") + ": access must be 1 (count), 2 (read) "
                    + "or 3 (write), not " + access);
        }
        Object filter = doc.get("filter");
        Object validate = doc.get("validate");
        return new Permission((String) role, (String) resource, level,
                parse(filter instanceof String && !((String) filter).isBlank() ? (String) filter : "true", doc, "filter"),
                validate instanceof String && !((String) validate).isBlank()
                        ? Optional.of(parse((String) validate, doc, "validate")) : Optional.empty());
    }

    private static Expr parse(String text, Map<String, ?> doc, String field) {
        try {
            return Parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("permission " + doc.get("_id") + ": " + field + ": " + e.getMessage());
        }
    }
}
