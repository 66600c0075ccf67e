package org.cwmpacs.ui.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.Values;

/**
 * What one user may do, from the permissions of their roles, as GenieACS decides it: a resource is open at a
 * level when any permission of the user's roles grants that level or more; the resources seen are those any
 * such permission's filter accepts (the filters OR-ed; added to every query, so that a role limited to its
 * region's devices never sees the others); a change is allowed when a write permission's {@code validate}
 * accepts it (no {@code validate} at all: refused, as GenieACS refuses it).
 */
public final class Authorizer {
    private final List<Permission> permissions;

    /** @param permissions the permissions of the user's roles */
    public Authorizer(List<Permission> permissions) {
        this.permissions = List.copyOf(permissions);
    }

    /** Of all the stored permissions, those of these roles. */
    public static Authorizer forRoles(List<String> roles, List<Permission> all) {
        return new Authorizer(all.stream().filter(p -> roles.contains(p.role())).toList());
    }

    public boolean hasAccess(String resource, int level) {
        return permissions.stream().anyMatch(p -> p.resource().equals(resource) && p.access() >= level);
    }

    /** The resources of this kind the user reaches at this level: empty when none at all. */
    public Optional<Expr> filter(String resource, int level) {
        List<Expr> filters = new ArrayList<>();
        for (Permission p : permissions) {
            if (p.resource().equals(resource) && p.access() >= level) {
                filters.add(p.filter());
            }
        }
        if (filters.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(filters.size() == 1 ? filters.get(0) : new Expr.Op("OR", filters));
    }

    /**
     * Whether a change passes the {@code validate} expressions of the write permissions on the resource: their
     * names are {@code mutationType}, {@code resourceType}, {@code mutation.<path>}, {@code object.<field>} and
     * {@code options.<path>}.
     *
     * @param mutationType {@code put}, {@code delete}, {@code task}, {@code tags} or {@code password}
     */
    public boolean validate(String resource, String mutationType, Map<String, ?> mutation, Map<String, ?> object,
                            Map<String, ?> options) {
        List<Expr> validators = new ArrayList<>();
        for (Permission p : permissions) {
            if (p.resource().equals(resource) && p.access() >= Permission.WRITE && p.validate().isPresent()) {
                validators.add(p.validate().get());
            }
        }
        if (validators.isEmpty()) {
            return false;
        }
        Function<String, Object> names = name -> {
            int dot = name.indexOf('.');
            String entry = dot < 0 ? name : name.substring(0, dot);
            String rest = dot < 0 ? "" : name.substring(dot + 1);
            switch (entry) {
                case "mutationType":
                    return rest.isEmpty() ? mutationType : Values.NULL;
                case "resourceType":
                    return rest.isEmpty() ? resource : Values.NULL;
                case "mutation":
                    return nested(mutation, rest);
                case "options":
                    return nested(options, rest);
                case "object":
                    // GenieACS reads the object's field by the whole rest of the name (device parameters are dotted)
                    return rest.isEmpty() ? Values.NULL : value(object.get(rest));
                default:
                    return Values.NULL;
            }
        };
        Expr all = validators.size() == 1 ? validators.get(0) : new Expr.Op("OR", validators);
        return new Evaluator(names, System.currentTimeMillis()).holds(all);
    }

    private static Object nested(Map<String, ?> root, String path) {
        Object v = root;
        if (!path.isEmpty()) {
            for (String segment : path.split("\\.", -1)) {
                if (!(v instanceof Map)) {
                    return Values.NULL;
                }
                v = ((Map<?, ?>) v).get(segment);
            }
        }
        return value(v);
    }

    private static Object value(Object v) {
        if (v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        return Values.NULL;
    }
}
