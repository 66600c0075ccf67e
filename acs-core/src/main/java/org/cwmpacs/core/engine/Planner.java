package org.cwmpacs.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.ParameterValues;
import org.cwmpacs.core.engine.Declaration.Attributes;
import org.cwmpacs.core.engine.Declaration.Command;
import org.cwmpacs.core.engine.Declaration.Fresh;
import org.cwmpacs.core.engine.Declaration.FreshAttributes;
import org.cwmpacs.core.engine.Declaration.NewInstance;
import org.cwmpacs.core.engine.Declaration.NoInstance;
import org.cwmpacs.core.engine.Declaration.Value;
import org.cwmpacs.core.task.TaskSpec.ParameterValue;
import org.cwmpacs.soap.message.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns outstanding {@link Declaration}s into the next RPC, and applies each response to the session's
 * {@link DeviceTree}. Reads come first (GetParameterNames for unknown structure, then GetParameterValues
 * with partial paths where the CPE accepts them, then GetParameterAttributes); once everything declared is
 * known, writes in GenieACS's order: DeleteObject, AddObject, SetParameterValues (only values that differ),
 * SetParameterAttributes, then the commands (Download, Upload, ScheduleInform, GetRPCMethods, Reboot,
 * FactoryReset). One planner per session; it is not thread-safe (a session handles one message at a time).
 */
public final class Planner {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    private final DeviceTree tree;
    private final CpeProfile profile;
    private final String deviceId;
    private final java.util.function.Supplier<Instant> clock;
    /** Leaves the CPE did not return when asked by name: not asked again in this session. */
    private final Set<String> unreadable = new HashSet<>();
    /** Leaves missing from a partial-path answer: asked again by name. */
    private final Set<String> askByName = new HashSet<>();
    private final Set<String> absentReported = new HashSet<>();
    /** Values not set, reported once: provisions declare them again at every replay. */
    private final Set<String> warned = new HashSet<>();
    /** What of the tree's structure was listed in this session. */
    private final Listings listings;
    /** Names per GetParameterValues in this session; lowered to find the name a CPE refuses. */
    private int maxNames = Integer.MAX_VALUE;
    /** Paths whose attributes were read in this session. */
    private final Set<String> attributesRead = new HashSet<>();
    private Pending pending;
    /** Work the planner gave itself: a new instance's reads and values. */
    private final List<Declaration> followUps = new ArrayList<>();
    private final Map<String, List<String>> createdBy = new java.util.HashMap<>();
    /** Work the ACS itself refused while planning (e.g. a value that cannot be of its type). */
    private Failed refusal;

    /** The outcome of one response. */
    public sealed interface Outcome {
    }

    /** The response was applied; ask for the next RPC. */
    public record Applied() implements Outcome {
    }

    /** A {@link Command} got its response (the caller records what it means, e.g. a Download's operation). */
    public record CommandDone(AcsRequest request, CwmpMessage response) implements Outcome {
    }

    /**
     * The CPE refused the work (or answered nonsense): the declarations that led to it cannot be met in this
     * session.
     *
     * @param code GenieACS's fault code ({@code cwmp.9005}, {@code invalid_response})
     * @param detail GenieACS's fault detail
     */
    public record Failed(String code, String message, Map<String, Object> detail) implements Outcome {
    }

    private record Pending(AcsRequest request, List<String> expected, List<String> explicit, Object declaration) {
    }

    private boolean skipWritableCheck;

    public Planner(String deviceId, DeviceTree tree, CpeProfile profile, java.util.function.Supplier<Instant> clock) {
        this.deviceId = deviceId;
        this.tree = tree;
        this.profile = profile;
        this.clock = clock;
        this.listings = new Listings(deviceId, tree, profile.rootListingRefused);
    }

    /** {@code cwmp.skipWritableCheck}: values are sent even to parameters the CPE listed as read-only. */
    public void skipWritableCheck(boolean skip) {
        this.skipWritableCheck = skip;
    }

    public DeviceTree tree() {
        return tree;
    }

    /**
     * The next RPC for these declarations, or empty when they all hold. Declarations that hold, or can never
     * hold (a path the CPE does not have), are removed from the list.
     */
    public Optional<AcsRequest> next(List<Declaration> declarations) {
        pending = null;
        List<Declaration> all = withFollowUps(declarations);
        List<Declaration> before = List.copyOf(all);
        try {
            Optional<AcsRequest> read = nextRead(all);
            if (read.isPresent()) {
                return read;
            }
            return nextWrite(all);
        } finally {
            settle(all, before, declarations);
        }
    }

    /** The instances this session created for {@code origin} (see {@link NewInstance#origin()}). */
    public List<String> created(String origin) {
        return createdBy.getOrDefault(origin, List.of());
    }

    /** What the planner itself still has to do (a new instance's reads and values), then the caller's work. */
    private List<Declaration> withFollowUps(List<Declaration> declarations) {
        List<Declaration> all = new ArrayList<>(followUps);
        all.addAll(declarations);
        return all;
    }

    /** What was done (removed from {@code all}) leaves the follow-ups and the caller's list. */
    private void settle(List<Declaration> all, List<Declaration> before, List<Declaration> declarations) {
        java.util.Set<Declaration> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(all);
        java.util.Set<Declaration> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Declaration d : before) {
            if (!kept.contains(d)) {
                done.add(d);
            }
        }
        if (!done.isEmpty()) {
            followUps.removeIf(done::contains);
            declarations.removeIf(done::contains);
        }
    }

    // ---------------------------------------------------------------- reads

    private Optional<AcsRequest> nextRead(List<Declaration> declarations) {
        // 1. structure: subtrees not yet listed in this session
        Optional<GetParameterNames> listing = listings.next(declarations);
        if (listing.isPresent()) {
            pending = new Pending(listing.get(), List.of(), List.of(), null);
            return Optional.of(listing.get());
        }
        // 2. values
        TreeSet<String> stale = new TreeSet<>();
        List<String> subtreeRoots = new ArrayList<>();
        for (Declaration d : declarations) {
            if (d instanceof Fresh) {
                Fresh f = (Fresh) d;
                if (f.subtree() && !tree.exists(f.path())) {
                    // listed above without it: not on the CPE, nothing to read (GenieACS completes such a refresh)
                    if (absentReported.add(f.path())) {
                        LOG.info("{}: {} is not on the CPE", deviceId, f.path());
                    }
                    continue;
                }
                if (f.subtree() && tree.isObject(f.path())) {
                    subtreeRoots.add(f.path());
                    for (String leaf : tree.leaves(f.path())) {
                        if (isStale(leaf, f.notBefore())) {
                            stale.add(leaf);
                        }
                    }
                } else if (isStale(f.path(), f.notBefore()) && !tree.isObject(f.path())) {
                    stale.add(f.path());
                }
            } else if (d instanceof Value) {
                String path = ((Value) d).path();
                if (isStale(path, Instant.EPOCH) && !tree.isObject(path)) {
                    stale.add(path);
                }
            }
        }
        if (!stale.isEmpty()) {
            return Optional.of(getValues(stale, subtreeRoots));
        }
        // 3. attributes
        for (Declaration d : declarations) {
            if (d instanceof FreshAttributes && !attributesRead.contains(((FreshAttributes) d).path())) {
                String path = ((FreshAttributes) d).path();
                GetParameterAttributes gpa = new GetParameterAttributes(List.of(tree.isObject(path) ? path + "." : path));
                pending = new Pending(gpa, List.of(), List.of(), d);
                return Optional.of(gpa);
            }
        }
        return Optional.empty();
    }

    private boolean isStale(String leaf, Instant notBefore) {
        if (unreadable.contains(leaf)) {
            return false;
        }
        Optional<ParameterAttributes> a = tree.get(leaf);
        if (a.isEmpty() || a.get().value().isEmpty()) {
            return true;
        }
        return a.get().timestamp().map(t -> t.isBefore(notBefore)).orElse(true);
    }

    /** The first batch of stale leaves, as the CPE's profile allows (see {@link ValuesRequest}). */
    private AcsRequest getValues(TreeSet<String> stale, List<String> subtreeRoots) {
        ValuesRequest batch = ValuesRequest.first(tree, stale, subtreeRoots, askByName, profile, maxNames);
        GetParameterValues gpv = new GetParameterValues(batch.names());
        pending = new Pending(gpv, batch.expected(), batch.explicit(), null);
        return gpv;
    }

    // ---------------------------------------------------------------- writes

    private Optional<AcsRequest> nextWrite(List<Declaration> declarations) {
        for (Iterator<Declaration> it = declarations.iterator(); it.hasNext(); ) {
            Declaration d = it.next();
            if (d instanceof NoInstance) {
                String path = ((NoInstance) d).path();
                if (!tree.exists(path) && listings.listed(parent(path))) {
                    it.remove();
                    continue;
                }
                DeleteObject del = new DeleteObject(path + ".", "");
                pending = new Pending(del, List.of(), List.of(), d);
                return Optional.of(del);
            }
        }
        for (Declaration d : declarations) {
            if (d instanceof NewInstance) {
                AddObject add = new AddObject(((NewInstance) d).table() + ".", "");
                pending = new Pending(add, List.of(), List.of(), d);
                return Optional.of(add);
            }
        }
        Map<String, ParameterValueStruct> sets = new java.util.LinkedHashMap<>();
        for (Iterator<Declaration> it = declarations.iterator(); it.hasNext(); ) {
            Declaration d = it.next();
            if (!(d instanceof Value)) {
                continue;
            }
            Value v = (Value) d;
            Optional<ParameterAttributes> known = tree.get(v.path());
            if (known.isEmpty() || known.get().isObject() || known.get().value().isEmpty()) {
                if (warned.add(v.path())) {
                    LOG.warn("{}: {} is not a parameter of this device; its value is not set", deviceId, v.path());
                }
                it.remove();
                continue;
            }
            if (!skipWritableCheck && known.get().writable().filter(w -> !w).isPresent()) {
                // GenieACS sends no value to a parameter the CPE listed as read-only
                if (warned.add(v.path())) {
                    LOG.warn("{}: {} is read-only on this device; its value is not set", deviceId, v.path());
                }
                it.remove();
                continue;
            }
            String type = v.type().or(() -> known.get().type()).orElse(ParameterValues.inferType(v.value()));
            Optional<Object> converted = ParameterValues.convert(v.value(), type);
            if (converted.isEmpty()) {
                refusal = new Failed("cwmp.9007", "Invalid parameter value: " + v.path() + " is " + type + "; \""
                        + ParameterValues.wire(v.value()) + "\" is not one (refused by the ACS, not sent)", Map.of());
                declarations.clear();
                return Optional.empty();
            }
            if (ParameterValues.sameValue(converted.get(), known.get().value().get(), type)) {
                it.remove();
                continue;
            }
            if (sets.size() < profile.maxSetEntries()) {
                sets.put(v.path(), new ParameterValueStruct(v.path(), ParameterValues.wire(converted.get()), type));
            }
        }
        if (!sets.isEmpty()) {
            SetParameterValues spv = new SetParameterValues(new ArrayList<>(sets.values()), "");
            pending = new Pending(spv, List.of(), List.of(), null);
            return Optional.of(spv);
        }
        List<SetParameterAttributesStruct> attributes = new ArrayList<>();
        for (Declaration d : declarations) {
            if (d instanceof Attributes && attributes.size() < profile.maxSetEntries()) {
                Attributes a = (Attributes) d;
                attributes.add(new SetParameterAttributesStruct(tree.isObject(a.path()) ? a.path() + "." : a.path(),
                        a.notification().isPresent(), a.notification().orElse(0), a.accessList().isPresent(),
                        a.accessList().orElse(List.of())));
            }
        }
        if (!attributes.isEmpty()) {
            SetParameterAttributes spa = new SetParameterAttributes(attributes);
            pending = new Pending(spa, List.of(), List.of(), null);
            return Optional.of(spa);
        }
        Command first = null;
        for (Declaration d : declarations) {
            if (d instanceof Command) {
                Command c = (Command) d;
                if (first == null || commandOrder(c.request()) < commandOrder(first.request())) {
                    first = c;
                }
            }
        }
        if (first != null) {
            pending = new Pending(first.request(), List.of(), List.of(), first);
            return Optional.of(first.request());
        }
        return Optional.empty();
    }

    private static int commandOrder(AcsRequest request) {
        if (request instanceof Reboot) {
            return 2;
        }
        if (request instanceof FactoryReset) {
            return 3;
        }
        return 1;
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    // ---------------------------------------------------------------- responses

    /** What {@link #next} refused instead of sending, once; the work it was for faults with it. */
    public Optional<Failed> takeRefusal() {
        Optional<Failed> r = Optional.ofNullable(refusal);
        refusal = null;
        return r;
    }

    /** Forgets the request in flight: its answer was refused before it was read. */
    public void abandon() {
        pending = null;
    }

    /**
     * The session died (connection dropped, timeout, the CPE gave up) while a GetParameterValues with a
     * partial path was outstanding: some agents (genieacs-sim) fail on partial paths by dropping the
     * connection instead of answering a fault, so this counts as a refusal and the kind is asked by name.
     *
     * @return true when that was learned: the work is tried again at once, not after a fault's backoff
     */
    public boolean sessionDied() {
        Pending p = pending;
        pending = null;
        if (p != null && p.request() instanceof GetParameterValues && profile.partialPaths
                && ((GetParameterValues) p.request()).parameterNames().stream().anyMatch(n -> n.endsWith("."))) {
            profile.partialPaths = false;
            profile.changed();
            LOG.info("{}: the session died while a partial-path GetParameterValues was outstanding; the CPE's kind is "
                    + "asked for parameters by name", deviceId);
            return true;
        }
        return false;
    }

    /** Applies the CPE's answer to the last request {@link #next} returned. */
    public Outcome onResponse(CwmpMessage response, List<Declaration> declarations) {
        List<Declaration> all = withFollowUps(declarations);
        List<Declaration> before = List.copyOf(all);
        try {
            return respond(response, all);
        } finally {
            settle(all, before, declarations);
        }
    }

    private Outcome respond(CwmpMessage response, List<Declaration> declarations) {
        Pending p = pending;
        pending = null;
        if (p == null) {
            return new Failed(org.cwmpacs.core.fault.Fault.INVALID_RESPONSE, "Response without a request: "
                    + response.methodName(), Map.of());
        }
        if (response instanceof SoapFault) {
            return onFault(p, (SoapFault) response, declarations);
        }
        AcsRequest request = p.request();
        if (!response.methodName().equals(request.methodName() + "Response")) {
            return new Failed(org.cwmpacs.core.fault.Fault.INVALID_RESPONSE, "Expected " + request.methodName()
                    + "Response, received " + response.methodName(), Map.of());
        }
        Instant now = clock.get();
        if (response instanceof GetParameterNamesResponse) {
            listings.apply((GetParameterNames) request, (GetParameterNamesResponse) response, now);
        } else if (response instanceof GetParameterValuesResponse) {
            applyValues(p, (GetParameterValuesResponse) response, now);
        } else if (response instanceof GetParameterAttributesResponse) {
            for (ParameterAttributeStruct a : ((GetParameterAttributesResponse) response).parameterList()) {
                String path = strip(a.name());
                ParameterAttributes node = tree.get(path).orElse(ParameterAttributes.NONE.withObject(false));
                tree.ensureParents(path);
                tree.put(path, node.withAttributes(a.notification(), a.accessList(), now));
            }
            FreshAttributes d = (FreshAttributes) p.declaration();
            attributesRead.add(d.path());
            declarations.remove(d);
        } else if (response instanceof SetParameterValuesResponse) {
            for (ParameterValueStruct v : ((SetParameterValues) request).parameterList()) {
                ParameterAttributes node = tree.get(v.name()).orElse(ParameterAttributes.NONE);
                tree.put(v.name(), node.withValue(ParameterValues.typed(v.value(), v.type()), v.type(), now));
            }
        } else if (response instanceof SetParameterAttributesResponse) {
            List<SetParameterAttributesStruct> sent = ((SetParameterAttributes) request).parameterList();
            for (SetParameterAttributesStruct s : sent) {
                String path = strip(s.name());
                for (String leaf : tree.leaves(path)) {
                    ParameterAttributes node = tree.get(leaf).orElseThrow();
                    tree.put(leaf, node.withAttributes(s.notificationChange() ? s.notification()
                            : node.notification().orElse(0), s.accessListChange() ? s.accessList()
                            : node.accessList().orElse(List.of()), now));
                }
            }
            declarations.removeIf(d -> d instanceof Attributes && sent.stream()
                    .anyMatch(s -> strip(s.name()).equals(((Attributes) d).path())));
        } else if (response instanceof AddObjectResponse) {
            NewInstance d = (NewInstance) p.declaration();
            String instance = d.table() + "." + ((AddObjectResponse) response).instanceNumber();
            tree.ensureParents(instance);
            tree.put(instance, ParameterAttributes.NONE.withObject(true).withWritable(true));
            declarations.remove(d);
            if (!d.origin().isEmpty()) {
                createdBy.computeIfAbsent(d.origin(), k -> new ArrayList<>()).add(instance);
            }
            // the new instance is learned at once (GenieACS lists it too), then given its values; the planner
            // keeps that work itself, as what declared the instance may be declared afresh
            followUps.add(new Fresh(instance, true, now));
            for (ParameterValue v : d.values()) {
                followUps.add(new Value(instance + "." + v.name(), v.value(), v.type()));
            }
            LOG.info("{}: Object added; instance=\"{}\"", deviceId, instance);
        } else if (response instanceof DeleteObjectResponse) {
            NoInstance d = (NoInstance) p.declaration();
            tree.removeSubtree(d.path());
            declarations.remove(d);
        } else {
            Command c = (Command) p.declaration();
            declarations.remove(c);
            return new CommandDone(request, response);
        }
        return new Applied();
    }

    private void applyValues(Pending p, GetParameterValuesResponse response, Instant now) {
        // answered: the next request may be as large as the CPE allows again (the refused part is narrowed
        // down by halving until it is asked for alone)
        maxNames = Integer.MAX_VALUE;
        Set<String> requested = new HashSet<>(p.expected());
        Set<String> received = new HashSet<>();
        List<String> partials = ((GetParameterValues) p.request()).parameterNames().stream()
                .filter(n -> n.endsWith(".")).toList();
        for (ParameterValueStruct v : response.parameterList()) {
            String path = v.name();
            if (path.isEmpty() || path.endsWith(".")) {
                continue;
            }
            if (!requested.contains(path) && partials.stream().noneMatch(path::startsWith)) {
                LOG.warn("{}: GetParameterValues answered {}, which was not asked for; ignored", deviceId, path);
                continue;
            }
            received.add(path);
            String type = ParameterValues.storedType(v);
            tree.ensureParents(path);
            ParameterAttributes node = tree.get(path).orElse(ParameterAttributes.NONE);
            tree.put(path, node.withValue(ParameterValues.typed(v.value(), type), type, now));
        }
        int missing = 0;
        for (String name : p.expected()) {
            if (!received.contains(name)) {
                missing++;
                if (p.explicit().contains(name) || askByName.contains(name)) {
                    unreadable.add(name);
                } else {
                    askByName.add(name);
                }
            }
        }
        if (missing > 0) {
            LOG.warn("{}: GetParameterValues answered {} of {} values asked for; the rest are asked for by name",
                    deviceId, received.size(), p.expected().size());
            if (!partials.isEmpty() && received.size() < p.expected().size() && received.size() > 0
                    && received.size() < profile.maxValues) {
                // a CPE that truncates its answer: ask for no more than it gave
                profile.maxValues = received.size();
                profile.changed();
            }
        }
    }

    private Outcome onFault(Pending p, SoapFault fault, List<Declaration> declarations) {
        CwmpFault f = fault.fault();
        int code = f.faultCode();
        AcsRequest request = p.request();
        if (request instanceof GetParameterValues) {
            GetParameterValues gpv = (GetParameterValues) request;
            boolean partial = gpv.parameterNames().stream().anyMatch(n -> n.endsWith("."));
            if (code == 9004 && p.expected().size() > 1) {
                profile.maxValues = Math.max(1, (p.expected().size() + 1) / 2);
                profile.changed();
                LOG.info("{}: GetParameterValues of {} values refused (9004); the CPE's kind now gets at most {} per "
                        + "request", deviceId, p.expected().size(), profile.maxValues);
                return new Applied();
            }
            List<String> names = gpv.parameterNames();
            if (code == 9005 && names.size() > 1) {
                // some CPEs list names they then refuse: narrow the request down to the one refused
                maxNames = Math.max(1, names.size() / 2);
                LOG.info("{}: GetParameterValues of {} names refused (9005); asking for at most {} at a time", deviceId,
                        names.size(), maxNames);
                return new Applied();
            }
            if (partial && profile.partialPaths && (code == 9005 || code == 9003 || code == 9000)) {
                profile.partialPaths = false;
                profile.changed();
                maxNames = Integer.MAX_VALUE;
                LOG.info("{}: partial paths refused ({}); the CPE's kind is asked for parameters by name", deviceId, code);
                return new Applied();
            }
            if (code == 9005 && !partial && p.declaration() == null) {
                // listed by the CPE but refused by name: not really there; forget it and go on
                String name = strip(names.get(0));
                if (tree.exists(name)) {
                    tree.removeSubtree(name);
                }
                unreadable.add(name);
                maxNames = Integer.MAX_VALUE;
                LOG.warn("{}: {} refused by name (9005); removed from the stored tree", deviceId, name);
                return new Applied();
            }
        }
        if (request instanceof GetParameterNames && code == 9005) {
            listings.absent((GetParameterNames) request);
            LOG.info("{}: {} is not on the CPE (GetParameterNames answered 9005); cleared from the stored tree",
                    deviceId, ((GetParameterNames) request).parameterPath());
            return new Applied();
        }
        if (request instanceof GetParameterNames && (code == 9004 || code == 9002 || code == 9003)) {
            Optional<Boolean> root = listings.refused((GetParameterNames) request);
            if (root.isPresent()) {
                if (root.get()) {
                    profile.rootListingRefused = true;
                    profile.changed();
                }
                LOG.info("{}: GetParameterNames of all of {} refused ({}); listing it a level at a time", deviceId,
                        ((GetParameterNames) request).parameterPath(), code);
                return new Applied();
            }
        }
        if ((request instanceof SetParameterValues || request instanceof SetParameterAttributes) && code == 9004) {
            int sent = request instanceof SetParameterValues ? ((SetParameterValues) request).parameterList().size()
                    : ((SetParameterAttributes) request).parameterList().size();
            if (sent > 1) {
                profile.maxSetEntries = Math.max(1, Math.min(profile.maxSetEntries, sent / 2));
                profile.changed();
                LOG.info("{}: {} of {} entries refused (9004); the CPE's kind now gets at most {} per request", deviceId,
                        request.methodName(), sent, profile.maxSetEntries);
                return new Applied();
            }
        }
        Map<String, Object> detail = CpeFaults.detail(f);
        Set<String> invalid = CpeFaults.invalidPaths(request, f);
        for (String path : invalid) {
            if (!path.isEmpty() && tree.exists(path)) {
                // re-learned on the next read
                tree.removeSubtree(path);
            }
        }
        if (!invalid.isEmpty()) {
            LOG.info("{}: invalid parameter names cleared from the stored tree: {}", deviceId, invalid);
        }
        return new Failed("cwmp." + code, CpeFaults.message(request, f), detail);
    }

    static String strip(String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }
}
