package org.cwmpacs.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.engine.Declaration.Fresh;
import org.cwmpacs.soap.message.GetParameterNames;
import org.cwmpacs.soap.message.GetParameterNamesResponse;
import org.cwmpacs.soap.message.ParameterInfoStruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structure side of the planner: which GetParameterNames a session still needs for its declarations,
 * and what each listing teaches the tree. Objects are listed whole (NextLevel false) unless the CPE refused
 * that for them; then a level at a time. Unknown paths are learned from their nearest known ancestor's
 * children, as GenieACS does.
 */
final class Listings {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    private final String deviceId;
    private final DeviceTree tree;
    /** Objects whose whole subtree was listed in this session (GetParameterNames, NextLevel false). */
    private final Set<String> subtreeSynced = new HashSet<>();
    /** Objects whose direct children were listed in this session (GetParameterNames, NextLevel true). */
    private final Set<String> childrenListed = new HashSet<>();
    /** Objects the CPE refused to list whole: listed a level at a time. */
    private final Set<String> tooBig = new HashSet<>();

    Listings(String deviceId, DeviceTree tree, boolean rootRefused) {
        this.deviceId = deviceId;
        this.tree = tree;
        if (rootRefused) {
            tooBig.add("");
            tooBig.addAll(tree.roots());
        }
    }

    /** The next listing the declarations need, shortest path first; empty when the structure is known. */
    Optional<GetParameterNames> next(List<Declaration> declarations) {
        java.util.Comparator<String> shortestFirst = (a, b) -> a.length() != b.length() ? a.length() - b.length()
                : a.compareTo(b);
        TreeSet<String> listings = new TreeSet<>(shortestFirst);
        TreeSet<String> levels = new TreeSet<>(shortestFirst);
        for (Declaration d : declarations) {
            if (d instanceof Declaration.Children) {
                Declaration.Children c = (Declaration.Children) d;
                String path = c.path();
                if (listed(path) || !tree.exists(path) || !tree.isObject(path)) {
                    continue;
                }
                if (c.subtree() && !subtreeListedSince(path, c.notBefore())) {
                    listingFor(path).ifPresent(l -> (l.nextLevel() ? levels : listings).add(l.path()));
                } else if (!c.subtree() && !childrenListed.contains(path) && !listedSince(path, c.notBefore())) {
                    levels.add(path);
                }
                continue;
            }
            if (d instanceof Fresh && ((Fresh) d).subtree() && !((Fresh) d).notBefore().equals(Instant.EPOCH)) {
                String path = ((Fresh) d).path();
                if (!path.isEmpty() && subtreeListedSince(path, ((Fresh) d).notBefore())) {
                    // listed whole recently enough (a provision's refresh every hour): its values may still be due
                    continue;
                }
                if (path.isEmpty()) {
                    List<String> roots = tree.roots();
                    if (roots.size() == 1) {
                        path = roots.get(0);
                    }
                }
                if (path.isEmpty() || tree.exists(path)) {
                    if (tree.isObject(path)) {
                        listingFor(path).ifPresent(l -> (l.nextLevel() ? levels : listings).add(l.path()));
                    }
                    continue;
                }
                // an unknown path: list its nearest known ancestor's children to learn what it is, as
                // GenieACS does; once they are listed without it, it is not on the CPE
                String known = knownAncestor(path);
                if (listed(path) || listed(known) || childrenListed.contains(known)) {
                    continue;
                }
                levels.add(known);
            }
        }
        if (listings.isEmpty() && levels.isEmpty()) {
            return Optional.empty();
        }
        boolean whole = !listings.isEmpty();
        String path = whole ? listings.first() : levels.first();
        return Optional.of(new GetParameterNames(path.isEmpty() ? "" : path + ".", !whole));
    }

    /**
     * The CPE refused a whole listing: that object is listed a level at a time from now on. Present when
     * this is news, true when it is a root (worth remembering for the kind of CPE).
     */
    Optional<Boolean> refused(GetParameterNames request) {
        String listed = Planner.strip(request.parameterPath());
        if (request.nextLevel() || !tooBig.add(listed)) {
            return Optional.empty();
        }
        return Optional.of(listed.isEmpty() || tree.roots().contains(listed));
    }

    /**
     * The CPE answered 9005 to a listing: the path is not on the CPE. It leaves the stored tree and counts as
     * listed, so what declared it is done with it (GenieACS clears the path and records no fault).
     */
    void absent(GetParameterNames request) {
        String path = Planner.strip(request.parameterPath());
        if (!path.isEmpty() && tree.exists(path)) {
            tree.removeSubtree(path);
        }
        subtreeSynced.add(path);
        childrenListed.add(path);
    }

    private record Listing(String path, boolean nextLevel) {
    }

    /**
     * The next GetParameterNames a subtree needs: the whole subtree (NextLevel false), unless the CPE refused
     * that for it; then its children one level at a time, and each child object whole (or further down, if
     * refused too). Empty when every part has been listed in this session (it then counts as listed).
     */
    private Optional<Listing> listingFor(String path) {
        if (listed(path)) {
            return Optional.empty();
        }
        if (!tooBig.contains(path)) {
            return Optional.of(new Listing(path, false));
        }
        if (!childrenListed.contains(path)) {
            return Optional.of(new Listing(path, true));
        }
        for (String child : tree.children(path)) {
            if (tree.isObject(child)) {
                Optional<Listing> next = listingFor(child);
                if (next.isPresent()) {
                    return next;
                }
            }
        }
        subtreeSynced.add(path);
        return Optional.empty();
    }

    /** Whether the object's children were listed at or after {@code notBefore} (its {@code _timestamp}). */
    private boolean listedSince(String path, Instant notBefore) {
        return tree.get(path).filter(ParameterAttributes::isObject).flatMap(ParameterAttributes::timestamp)
                .filter(t -> !t.isBefore(notBefore)).isPresent();
    }

    /** Whether every object of the subtree was listed at or after {@code notBefore}. */
    private boolean subtreeListedSince(String path, Instant notBefore) {
        if (!listedSince(path, notBefore)) {
            return false;
        }
        for (java.util.Map.Entry<String, ParameterAttributes> e : tree.below(path).entrySet()) {
            if (e.getValue().isObject() && e.getValue().timestamp().filter(t -> !t.isBefore(notBefore)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private String knownAncestor(String path) {
        String p = path;
        while (!p.isEmpty() && !tree.exists(p)) {
            int dot = p.lastIndexOf('.');
            p = dot < 0 ? "" : p.substring(0, dot);
        }
        return p;
    }

    /** Whether the whole subtree was listed in this session. */
    boolean listed(String path) {
        if (subtreeSynced.contains("")) {
            return true;
        }
        String p = path;
        while (!p.isEmpty()) {
            if (subtreeSynced.contains(p)) {
                return true;
            }
            int dot = p.lastIndexOf('.');
            p = dot < 0 ? "" : p.substring(0, dot);
        }
        return false;
    }

    /** Applies a listing: nodes, writability, objects' children timestamps; what it no longer holds is removed. */
    void apply(GetParameterNames request, GetParameterNamesResponse response, Instant now) {
        String prefix = request.parameterPath();
        String listed = Planner.strip(prefix);
        Set<String> seen = new HashSet<>();
        for (ParameterInfoStruct info : response.parameterList()) {
            String name = info.name();
            if (!prefix.isEmpty() && !name.startsWith(prefix) && !name.equals(Planner.strip(prefix))) {
                LOG.warn("{}: GetParameterNames of {} answered {}, which is outside it; ignored", deviceId, prefix, name);
                continue;
            }
            boolean object = name.endsWith(".");
            String path = Planner.strip(name);
            if (path.isEmpty()) {
                continue;
            }
            seen.add(path);
            tree.ensureParents(path);
            ParameterAttributes node = tree.get(path).orElse(ParameterAttributes.NONE);
            ParameterAttributes updated = node.withObject(object).withWritable(info.writable());
            if (object && !request.nextLevel()) {
                // its children are all in this listing
                updated = updated.withTimestamp(now);
            }
            if (!updated.equals(node)) {
                tree.put(path, updated);
            }
        }
        // the parents of what was listed exist, whether or not the CPE listed them
        for (String path : new ArrayList<>(seen)) {
            int dot = path.lastIndexOf('.');
            while (dot > 0 && seen.add(path.substring(0, dot))) {
                dot = path.lastIndexOf('.', dot - 1);
            }
        }
        // whatever the listing no longer holds is gone from the CPE (with NextLevel true, only direct children)
        List<String> vanished = new ArrayList<>();
        for (String path : request.nextLevel() ? tree.children(listed) : new ArrayList<>(tree.below(listed).keySet())) {
            if (!seen.contains(path) && !DeviceTree.isVirtual(path)) {
                vanished.add(path);
            }
        }
        for (String path : vanished) {
            if (tree.exists(path)) {
                tree.removeSubtree(path);
            }
        }
        if (!listed.isEmpty()) {
            tree.put(listed, tree.get(listed).orElse(ParameterAttributes.NONE).withObject(true).withTimestamp(now));
        }
        if (request.nextLevel()) {
            childrenListed.add(listed);
        } else {
            subtreeSynced.add(listed);
        }
        if (!vanished.isEmpty()) {
            LOG.info("{}: {} parameters no longer on the CPE were removed", deviceId, vanished.size());
        }
    }
}
