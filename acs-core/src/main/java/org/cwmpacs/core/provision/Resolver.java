package org.cwmpacs.core.provision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.ParameterValues;
import org.cwmpacs.core.engine.Declaration;
import org.cwmpacs.core.engine.DeviceTree;
import org.cwmpacs.core.task.TaskSpec.ParameterValue;
import org.cwmpacs.soap.message.AcsRequest;
import org.cwmpacs.soap.message.FactoryReset;
import org.cwmpacs.soap.message.Reboot;

/**
 * Turns provisions' {@link Declare}s into the planner's {@link Declaration}s against what the session knows
 * now: wildcards and aliases are matched against the tree (listing what is not known well enough first),
 * instance counts become AddObject/DeleteObject, {@code Tags.*} change at once (no RPC), {@code Reboot},
 * {@code FactoryReset} and {@code Downloads.[…].Download} become commands when older than asked. Called
 * again after every answer: a path's matches change as the tree is learned.
 */
public final class Resolver {
    /** Roots that live in the document (or the session) only: never asked of the CPE. */

    private final SessionView view;
    /** Builds the Download for a file type, file name and target file name. */
    private final Function<List<String>, AcsRequest> download;
    /** The instances the planner created for an alias (see {@link Declaration.NewInstance#origin()}). */
    private final Function<String, List<String>> created;
    private boolean rootKnown;

    private record ExpandKey(Path path, String start, Instant fresh, boolean withNeeds) {
    }

    /** What an expansion matched, and what it found must be read first. */
    private record Expansion(List<String> matches, List<Declaration> needs) {
    }

    /**
     * Expansions since the tree was last written: a session's scripts replay and its declarations are
     * resolved again at each step, mostly against the same tree, and wildcard paths cost a walk each.
     */
    private final Map<ExpandKey, Expansion> expansions = new java.util.HashMap<>();
    private long expansionsAt = -1;
    private static final int MAX_EXPANSIONS = 10_000;

    public Resolver(SessionView view, Function<List<String>, AcsRequest> download,
                    Function<String, List<String>> created) {
        this.view = view;
        this.download = download;
        this.created = created;
    }

    /** The planner's work for these declarations, in order; later declarations of a value win. */
    public List<Declaration> resolve(List<Declare> declarations) {
        LinkedHashSet<Declaration> out = new LinkedHashSet<>();
        Map<String, Declaration.Value> values = new LinkedHashMap<>();
        for (Declare d : declarations) {
            resolve(d, out, values);
        }
        List<Declaration> result = new ArrayList<>(out);
        result.addAll(values.values());
        return result;
    }

    private void resolve(Declare d, Set<Declaration> out, Map<String, Declaration.Value> values) {
        Path path = d.path();
        if (path.length() == 0) {
            return;
        }
        String root = path.get(0) instanceof Path.Name n ? n.name() : "";
        if (org.cwmpacs.core.device.DocumentRoots.isLocal(root)) {
            local(root, d, out);
            return;
        }
        Instant pathFresh = view.fresh(d.pathGet());
        List<Declaration> needs = new ArrayList<>();
        if (d.pathSet().isPresent()) {
            counts(d, pathFresh, needs, out);
        }
        List<String> matches = expand(path, pathFresh, needs);
        out.addAll(needs);
        if (!needs.isEmpty()) {
            // what the path matches is not known yet: its attributes are declared once it is
            return;
        }
        DeviceTree tree = view.tree();
        for (String match : matches) {
            Optional<ParameterAttributes> node = tree.get(match);
            boolean object = tree.isObject(match);
            if (d.subtree() && d.attrGet().containsKey("value")) {
                out.add(new Declaration.Fresh(match, true, view.fresh(d.attrGet().get("value"))));
                continue;
            }
            for (Map.Entry<String, Long> get : d.attrGet().entrySet()) {
                Instant t = view.fresh(get.getValue());
                switch (get.getKey()) {
                    case "value" -> {
                        if (!object) {
                            out.add(new Declaration.Fresh(match, false, t));
                        }
                    }
                    case "object", "writable" -> {
                        boolean known = node.flatMap(get.getKey().equals("object") ? ParameterAttributes::object
                                : ParameterAttributes::writable).isPresent();
                        if (!known) {
                            out.add(new Declaration.Children(parent(match), view.sessionTime()));
                        }
                    }
                    case "notification", "accessList" -> {
                        boolean fresh = node.flatMap(ParameterAttributes::attributesTimestamp)
                                .filter(at -> !at.isBefore(t)).isPresent();
                        if (!fresh) {
                            out.add(new Declaration.FreshAttributes(match, t));
                        }
                    }
                    default -> {
                    }
                }
            }
            Object value = d.attrSet().get("value");
            if (value instanceof Declare.Value && !object) {
                Declare.Value v = (Declare.Value) value;
                values.remove(match);
                values.put(match, new Declaration.Value(match, v.value(), v.type()));
            }
            attributes(d, match, node, out);
        }
    }

    /** SetParameterAttributes when the known attributes differ (read first when not known). */
    private static void attributes(Declare d, String match, Optional<ParameterAttributes> node, Set<Declaration> out) {
        Object notification = d.attrSet().get("notification");
        Object accessList = d.attrSet().get("accessList");
        if (notification == null && accessList == null) {
            return;
        }
        if (node.flatMap(ParameterAttributes::attributesTimestamp).isEmpty()) {
            out.add(new Declaration.FreshAttributes(match, Instant.EPOCH));
            return;
        }
        Optional<Integer> n = notification instanceof Number ? Optional.of(((Number) notification).intValue())
                : Optional.empty();
        Optional<List<String>> a = accessList instanceof List ? Optional.of(((List<?>) accessList).stream()
                .map(String::valueOf).toList()) : Optional.empty();
        boolean differs = (n.isPresent() && !n.equals(node.get().notification()))
                || (a.isPresent() && !a.equals(node.get().accessList()));
        if (differs) {
            out.add(new Declaration.Attributes(match, n, a));
        }
    }

    /** AddObject/DeleteObject until each table holds as many matching instances as declared. */
    private void counts(Declare d, Instant pathFresh, List<Declaration> needs, Set<Declaration> out) {
        Path path = d.path();
        Path.Segment last = path.get(path.length() - 1);
        Declare.Count count = d.pathSet().get();
        List<String> tables = expand(path.slice(0, path.length() - 1), pathFresh, needs);
        if (!needs.isEmpty()) {
            return;
        }
        DeviceTree tree = view.tree();
        for (String table : tables) {
            if (last instanceof Path.Name) {
                String instance = table + "." + ((Path.Name) last).name();
                if (count.max() == 0 && tree.exists(instance)) {
                    out.add(new Declaration.NoInstance(instance));
                }
                continue;
            }
            List<String> matches = new ArrayList<>(expand(path.slice(path.length() - 1, path.length()), table,
                    pathFresh, needs));
            if (!needs.isEmpty()) {
                return;
            }
            String origin = path.toString();
            for (String c : created.apply(origin)) {
                if (c.startsWith(table + ".") && !matches.contains(c)) {
                    matches.add(c);
                }
            }
            if (matches.size() < count.min()) {
                List<ParameterValue> keys = new ArrayList<>();
                if (last instanceof Path.Alias) {
                    for (Path.Key k : ((Path.Alias) last).keys()) {
                        keys.add(new ParameterValue(k.path(), k.value(), Optional.empty()));
                    }
                }
                for (int i = matches.size(); i < count.min(); i++) {
                    // one per step: the next is declared once the planner made this one
                    out.add(new Declaration.NewInstance(table, keys, origin));
                    break;
                }
            } else if (matches.size() > count.max()) {
                matches.sort(INSTANCE_ORDER);
                for (String extra : matches.subList(count.max(), matches.size())) {
                    out.add(new Declaration.NoInstance(extra));
                }
            }
        }
    }

    /** The existing parameters a path matches, in instance order (what a script's wrapper iterates). */
    public List<String> unpack(Path path) {
        if (path.length() > 0 && path.get(0) instanceof Path.Name n && view.isVirtual(n.name())) {
            return view.virtualMatches(path, this::aliasMatches);
        }
        return expand(path, Instant.EPOCH, null);
    }

    private List<String> expand(Path path, Instant fresh, List<Declaration> needs) {
        return expand(path, "", fresh, needs);
    }

    /**
     * The existing paths {@code path} matches below {@code start}. With {@code needs}, what must be read
     * before the answer is complete is added there (and that part of the answer left out).
     */
    private List<String> expand(Path path, String start, Instant fresh, List<Declaration> needs) {
        long writes = view.tree().writes();
        if (writes != expansionsAt) {
            expansions.clear();
            expansionsAt = writes;
        }
        ExpandKey key = new ExpandKey(path, start, fresh, needs != null);
        Expansion known = expansions.get(key);
        if (known == null) {
            List<Declaration> added = needs == null ? null : new ArrayList<>();
            known = new Expansion(List.copyOf(walk(path, start, fresh, added)),
                    added == null ? List.of() : List.copyOf(added));
            if (expansions.size() < MAX_EXPANSIONS) {
                expansions.put(key, known);
            }
        }
        if (needs != null) {
            needs.addAll(known.needs());
        }
        return known.matches();
    }

    private List<String> walk(Path path, String start, Instant fresh, List<Declaration> needs) {
        DeviceTree tree = view.tree();
        List<String> current = List.of(start);
        int depth = 0;
        for (Path.Segment segment : path.segments()) {
            // deeper segments still to match: list the whole subtree at once
            boolean deeper = ++depth < path.length();
            List<String> next = new ArrayList<>();
            for (String prefix : current) {
                if (!tree.isObject(prefix)) {
                    continue;
                }
                if (segment instanceof Path.Name) {
                    String child = join(prefix, ((Path.Name) segment).name());
                    boolean known = (fresh.equals(Instant.EPOCH) && tree.exists(child)) || childrenKnown(prefix, fresh);
                    if (!known && needs != null) {
                        needs.add(new Declaration.Children(prefix, fresh, deeper));
                    } else if (tree.exists(child)) {
                        next.add(child);
                    }
                    continue;
                }
                if (!childrenKnown(prefix, fresh) && needs != null) {
                    needs.add(new Declaration.Children(prefix, fresh, deeper));
                    continue;
                }
                for (String child : tree.children(prefix)) {
                    if (segment instanceof Path.Alias && !aliasMatches(child, (Path.Alias) segment, fresh, needs)) {
                        continue;
                    }
                    next.add(child);
                }
            }
            current = next;
        }
        List<String> result = new ArrayList<>(current);
        result.sort(INSTANCE_ORDER);
        return result;
    }

    private boolean aliasMatches(String instance, Path.Alias alias) {
        return aliasMatches(instance, alias, Instant.EPOCH, null);
    }

    /** Whether each key of the alias holds its value (as the key's stored type reads it). */
    private boolean aliasMatches(String instance, Path.Alias alias, Instant fresh, List<Declaration> needs) {
        boolean all = true;
        for (Path.Key key : alias.keys()) {
            String keyPath = instance + "." + key.path();
            Optional<ParameterAttributes> node = view.tree().get(keyPath);
            boolean stale = node.flatMap(ParameterAttributes::value).isEmpty() || node.flatMap(
                    ParameterAttributes::timestamp).filter(t -> !t.isBefore(fresh)).isEmpty();
            if (stale && needs != null) {
                needs.add(new Declaration.Fresh(keyPath, false, fresh));
                all = false;
                continue;
            }
            if (node.flatMap(ParameterAttributes::value).isEmpty() || !matches(key.value(), node.get())) {
                all = false;
            }
        }
        return all;
    }

    static boolean matches(String wanted, ParameterAttributes node) {
        Object stored = node.value().orElseThrow();
        String type = node.type().orElse(ParameterValues.inferType(stored));
        return ParameterValues.convert(wanted, type).map(v -> ParameterValues.sameValue(v, stored, type)).orElse(false);
    }

    /** Whether the object's children are known as of {@code fresh}: listed then, or (the root) informed. */
    private boolean childrenKnown(String object, Instant fresh) {
        DeviceTree tree = view.tree();
        if (object.isEmpty()) {
            // the Inform names the CPE's root object; it has no other (and it stays for the session)
            if (!rootKnown) {
                rootKnown = !tree.roots().isEmpty();
            }
            return rootKnown;
        }
        return tree.get(object).flatMap(ParameterAttributes::timestamp).filter(t -> !t.isBefore(fresh)).isPresent()
                && tree.isObject(object);
    }

    // ---------------------------------------------------------------- the document's own roots

    private void local(String root, Declare d, Set<Declaration> out) {
        Object value = d.attrSet().get("value");
        Optional<Declare.Value> wanted = value instanceof Declare.Value ? Optional.of((Declare.Value) value)
                : Optional.empty();
        switch (root) {
            case "Tags" -> {
                if (d.path().length() == 2 && d.path().get(1) instanceof Path.Name n && wanted.isPresent()) {
                    view.tag(n.name(), ParameterValues.convert(wanted.get().value(), "xsd:boolean")
                            .map(Boolean.TRUE::equals).orElse(false));
                }
            }
            case "Reboot", "FactoryReset" -> {
                if (d.path().length() == 1 && wanted.isPresent() && older(root, wanted.get().value())) {
                    out.add(new Declaration.Command(root.equals("Reboot") ? new Reboot(view.commandKey())
                            : new FactoryReset()));
                }
            }
            case "Downloads" -> {
                if (d.path().length() == 3 && d.path().get(1) instanceof Path.Alias alias
                        && d.path().get(2) instanceof Path.Name n && n.name().equals("Download") && wanted.isPresent()) {
                    Instant at = timestamp(wanted.get().value());
                    List<String> instances = expand(d.path().slice(0, 2), Instant.EPOCH, null);
                    boolean done = instances.stream().anyMatch(i -> view.tree().get(i + ".Download")
                            .flatMap(ParameterAttributes::value).filter(Instant.class::isInstance)
                            .map(t -> !((Instant) t).isBefore(at)).orElse(false));
                    if (!done) {
                        out.add(new Declaration.Command(download.apply(List.of(key(alias, "FileType"),
                                key(alias, "FileName"), key(alias, "TargetFileName")))));
                    }
                }
            }
            default -> {
                // DeviceID, Events: the session's own; VirtualParameters: computed by their scripts; the
                // ACS's records: written when the CPE reports
            }
        }
    }

    private static String key(Path.Alias alias, String name) {
        return alias.keys().stream().filter(k -> k.path().equals(name)).map(Path.Key::value).findFirst().orElse("");
    }

    private boolean older(String path, Object wanted) {
        Instant at = timestamp(wanted);
        return view.tree().get(path).flatMap(ParameterAttributes::value).filter(Instant.class::isInstance)
                .map(t -> ((Instant) t).isBefore(at)).orElse(true);
    }

    /** A timestamp a provision gives: milliseconds, a date, or a date's text. */
    private Instant timestamp(Object v) {
        if (v instanceof Instant) {
            return (Instant) v;
        }
        if (v instanceof Number) {
            return Instant.ofEpochMilli(((Number) v).longValue());
        }
        return ParameterValues.convert(v, "xsd:dateTime").filter(Instant.class::isInstance).map(Instant.class::cast)
                .orElse(view.sessionTime());
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** Path order with instance numbers compared as numbers ({@code 2} before {@code 10}). */
    static final Comparator<String> INSTANCE_ORDER = (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i].equals(y[i])) {
                continue;
            }
            boolean nx = !x[i].isEmpty() && x[i].chars().allMatch(Character::isDigit) && x[i].length() < 10;
            boolean ny = !y[i].isEmpty() && y[i].chars().allMatch(Character::isDigit) && y[i].length() < 10;
            if (nx && ny) {
                return Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            }
            return x[i].compareTo(y[i]);
        }
        return Integer.compare(x.length, y.length);
    };
}
