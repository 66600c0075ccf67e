package org.cwmpacs.core.preset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.cwmpacs.core.config.ConfigEntries;
import org.cwmpacs.core.store.DocumentQuery;
import org.cwmpacs.core.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presets every session works with, read from the store (the {@code presets} collection, and
 * {@code objects} for legacy configurations), with the scripts and the {@code config} collection, and read again once a snapshot is older than the refresh
 * interval, so that an edit through the NBI, on this instance or another sharing the store, takes effect
 * within seconds. A session takes one snapshot when it starts and keeps it: an edit never changes a session
 * midway. A preset that cannot be read is left out and logged once, with its reason.
 */
public final class PresetSource {
    private static final Logger LOG = LoggerFactory.getLogger(PresetSource.class);

    /**
     * The presets as read at one moment, those left out, the provision and virtual-parameter scripts by
     * name, and the {@code config} collection.
     */
    public record Snapshot(List<Preset> presets, Map<String, String> problems, Instant readAt,
                           Map<String, String> provisions, Map<String, String> virtualParameters,
                           ConfigEntries config) {
        public Snapshot {
            presets = List.copyOf(presets);
            problems = Map.copyOf(problems);
            provisions = Map.copyOf(provisions);
            virtualParameters = Map.copyOf(virtualParameters);
            java.util.Objects.requireNonNull(config, "config");
        }

        public Snapshot(List<Preset> presets, Map<String, String> problems, Instant readAt,
                        Map<String, String> provisions, Map<String, String> virtualParameters) {
            this(presets, problems, readAt, provisions, virtualParameters, ConfigEntries.EMPTY);
        }

        public Snapshot(List<Preset> presets, Map<String, String> problems, Instant readAt) {
            this(presets, problems, readAt, Map.of(), Map.of());
        }

        public static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), Instant.EPOCH);
    }

    private final DocumentStore documents;
    private final Function<String, Object> jsonParser;
    private final Clock clock;
    private final Duration refresh;
    private final Executor executor;
    private final Set<String> reported = new HashSet<>();
    private CompletableFuture<Snapshot> current;
    private CompletableFuture<Snapshot> reading;

    /**
     * @param jsonParser reads a legacy JSON precondition into maps and lists
     * @param refresh how old a snapshot may be before the store is read again
     * @param executor where the store is read (its calls block)
     */
    public PresetSource(DocumentStore documents, Function<String, Object> jsonParser, Clock clock, Duration refresh,
                        Executor executor) {
        this.documents = documents;
        this.jsonParser = jsonParser;
        this.clock = clock;
        this.refresh = refresh;
        this.executor = executor;
    }

    /**
     * The current presets. A snapshot older than the refresh interval is still served while the next one is
     * read (sessions do not wait for the store), unless it is older than twice the interval (no session asked
     * for a while): then the session waits for the fresh one, so that an edit is never seen late.
     */
    public synchronized CompletableFuture<Snapshot> snapshot() {
        if (current == null) {
            current = read();
            return current;
        }
        Snapshot known = current.getNow(null);
        java.time.Instant now = clock.instant();
        boolean stale = known == null || !now.isBefore(known.readAt().plus(refresh));
        boolean tooOld = known == null || !now.isBefore(known.readAt().plus(refresh.multipliedBy(2)));
        CompletableFuture<Snapshot> pending = reading;
        if (stale && pending == null) {
            CompletableFuture<Snapshot> next = read();
            reading = next;
            pending = next;
            next.whenComplete((snapshot, failure) -> {
                synchronized (this) {
                    if (failure == null) {
                        current = next;
                    } else {
                        LOG.warn("presets not read again ({}); the last ones read stay in use", failure.toString());
                    }
                    reading = null;
                }
            });
        }
        if (tooOld && pending != null) {
            // a failed read falls back to the last snapshot
            return pending.exceptionally(failure -> known);
        }
        return known != null ? CompletableFuture.completedFuture(known) : current;
    }

    /** The newest snapshot read so far, whatever its age, without waiting or starting a read; empty before the first. */
    public synchronized java.util.Optional<Snapshot> latest() {
        return java.util.Optional.ofNullable(current == null ? null : current.getNow(null));
    }

    private CompletableFuture<Snapshot> read() {
        return CompletableFuture.supplyAsync(() -> {
            Instant at = clock.instant();
            Map<String, Map<String, ?>> objects = new HashMap<>();
            documents.find("objects", DocumentQuery.all(Map.of()), o -> objects.put(String.valueOf(o.get("_id")), o));
            List<Preset> presets = new ArrayList<>();
            Map<String, String> problems = new HashMap<>();
            documents.find("presets", DocumentQuery.all(Map.of()), doc -> {
                String id = String.valueOf(doc.get("_id"));
                try {
                    Preset preset = Presets.read(doc, jsonParser, objects);
                    preset.schedule().flatMap(Preset.Schedule::problem).ifPresent(p -> problems.put(id, "schedule: " + p));
                    presets.add(preset);
                } catch (IllegalArgumentException e) {
                    problems.put(id, e.getMessage());
                }
            });
            report(problems);
            List<Map<String, ?>> configDocs = new ArrayList<>();
            documents.find("config", DocumentQuery.all(Map.of()), configDocs::add);
            ConfigEntries config = ConfigEntries.read(configDocs);
            reportConfig(config.problems());
            return new Snapshot(presets, problems, at, scripts("provisions"), scripts("virtualParameters"), config);
        }, executor);
    }

    /** {@code {_id: name, script: text}} documents by name. */
    private Map<String, String> scripts(String collection) {
        Map<String, String> out = new HashMap<>();
        documents.find(collection, DocumentQuery.all(Map.of()), doc -> {
            Object script = doc.get("script");
            if (doc.get("_id") != null && script instanceof String) {
                out.put(String.valueOf(doc.get("_id")), (String) script);
            }
        });
        return out;
    }

    private void reportConfig(Map<String, String> problems) {
        synchronized (reported) {
            for (Map.Entry<String, String> p : problems.entrySet()) {
                if (reported.add("config\n" + p.getKey() + "\n" + p.getValue())) {
                    LOG.warn("config {}: {} (its environment option applies until the value is fixed)", p.getKey(),
                            p.getValue());
                }
            }
        }
    }

    private void report(Map<String, String> problems) {
        synchronized (reported) {
            for (Map.Entry<String, String> p : problems.entrySet()) {
                if (reported.add(p.getKey() + "\n" + p.getValue())) {
                    String why = p.getValue().startsWith("preset ") ? p.getValue() : "preset " + p.getKey() + ": "
                            + p.getValue();
                    LOG.warn("{} (not applied until fixed through the NBI or the UI)", why);
                }
            }
        }
    }
}
