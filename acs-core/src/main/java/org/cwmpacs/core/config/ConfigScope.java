package org.cwmpacs.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.Values;
import org.cwmpacs.core.script.Extensions;

/**
 * What a config value's names mean for one device, as GenieACS resolves them: the aliases {@code id},
 * {@code serialNumber}, {@code productClass}, {@code oui} ({@code DeviceID.*}) and {@code remoteAddress}, any
 * other name as the device's parameter, {@code REMOTE_ADDRESS()}, and {@code EXT(file, function, args…)}
 * (an extension's result; NULL when it fails). A connection request adds {@code username} and {@code password}
 * (with {@code USERNAME()} and {@code PASSWORD()}). {@code AUTH()} is the caller's: it means something else for
 * a CPE's request than for a connection request.
 */
public final class ConfigScope {
    private static final Map<String, String> ALIASES = Map.of("id", "DeviceID.ID", "serialNumber",
            "DeviceID.SerialNumber", "productClass", "DeviceID.ProductClass", "oui", "DeviceID.OUI");

    private final Function<String, Object> parameters;
    private final Map<String, Object> names;
    private final String remoteAddress;
    private final Optional<Extensions> extensions;
    private final long now;

    private ConfigScope(Function<String, Object> parameters, Map<String, Object> names, String remoteAddress,
                        Optional<Extensions> extensions, long now) {
        this.parameters = parameters;
        this.names = names;
        this.remoteAddress = remoteAddress;
        this.extensions = extensions;
        this.now = now;
    }

    /**
     * @param parameters the device's values as expressions see them (NULL when unknown), DeviceID.* included
     * @param remoteAddress the CPE's address (a connection request: the host of its ConnectionRequestURL)
     * @param now what {@code NOW()} is, in milliseconds
     */
    public static ConfigScope of(Function<String, Object> parameters, String remoteAddress,
                                 Optional<Extensions> extensions, long now) {
        return new ConfigScope(parameters, Map.of(), remoteAddress, extensions, now);
    }

    /** With one more name (and its function, {@code USERNAME()} for {@code username}). */
    public ConfigScope with(String name, Object value) {
        Map<String, Object> more = new HashMap<>(names);
        more.put(name, value);
        return new ConfigScope(parameters, Map.copyOf(more), remoteAddress, extensions, now);
    }

    /** The value ({@link Values#NULL}, Boolean, Double or String), with {@code AUTH()} as {@code auth} says. */
    public Object evaluate(Expr e, Evaluator.Functions auth) {
        return new Evaluator(this::parameter, now, (name, args, evaluator) -> {
            switch (name) {
                case "REMOTE_ADDRESS":
                    return Optional.of(remoteAddress);
                case "USERNAME":
                case "PASSWORD": {
                    Object v = names.get(name.toLowerCase(java.util.Locale.ROOT));
                    return v == null ? Optional.empty() : Optional.of(v);
                }
                case "EXT":
                    return Optional.of(ext(args, evaluator));
                default:
                    return auth.call(name, args, evaluator);
            }
        }).evaluate(e);
    }

    /**
     * The parameters the expression reads (aliases as their DeviceID.* names), so that a caller can tell
     * whether it needs the stored device; empty when a name is computed ({@code {expr}} segments).
     */
    public static Optional<java.util.Set<String>> parameterNames(Expr e) {
        java.util.Set<String> out = new java.util.HashSet<>();
        return collect(e, out) ? Optional.of(out) : Optional.empty();
    }

    private static boolean collect(Expr e, java.util.Set<String> out) {
        if (e instanceof Expr.Param) {
            Expr path = ((Expr.Param) e).path();
            if (!(path instanceof Expr.Lit) || !(((Expr.Lit) path).value() instanceof String)) {
                return false;
            }
            String name = (String) ((Expr.Lit) path).value();
            out.add(ALIASES.getOrDefault(name, name));
            return true;
        }
        List<Expr> parts = e instanceof Expr.Op ? ((Expr.Op) e).args()
                : e instanceof Expr.Fn ? ((Expr.Fn) e).args()
                : e instanceof Expr.Case ? concat(((Expr.Case) e).whenThen(), ((Expr.Case) e).otherwise()) : List.of();
        for (Expr part : parts) {
            if (!collect(part, out)) {
                return false;
            }
        }
        return true;
    }

    private static List<Expr> concat(List<Expr> list, Expr one) {
        List<Expr> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }

    private Object parameter(String name) {
        if (names.containsKey(name)) {
            return names.get(name);
        }
        if (name.equals("remoteAddress")) {
            return remoteAddress;
        }
        return parameters.apply(ALIASES.getOrDefault(name, name));
    }

    /** GenieACS calls the extension only with a file and function name; a failure is NULL (and logged there). */
    private Object ext(List<Expr> args, Evaluator evaluator) {
        if (args.size() < 2 || extensions.isEmpty()) {
            return Values.NULL;
        }
        List<String> call = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Object v = evaluator.evaluate(args.get(i));
            if (i < 2 && !(v instanceof String)) {
                return Values.NULL;
            }
            call.add(Values.isNull(v) ? "null" : Values.toText(v));
        }
        Extensions.Result result = extensions.get().call(call);
        return result.fault().isPresent() ? Values.NULL : scalar(result.json().strip());
    }

    /** A JSON scalar as an expression value; objects and arrays are NULL. */
    static Object scalar(String json) {
        if (json.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            try {
                return org.cwmpacs.core.script.Json.readString(json, 0, out) == json.length() ? out.toString()
                        : Values.NULL;
            } catch (IllegalArgumentException e) {
                return Values.NULL;
            }
        }
        switch (json) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                try {
                    return Double.parseDouble(json);
                } catch (NumberFormatException e) {
                    return Values.NULL;
                }
        }
    }
}
