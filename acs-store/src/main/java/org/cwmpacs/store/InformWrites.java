package org.cwmpacs.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.cwmpacs.core.device.DeviceInform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an Inform writes to its device's document. As the store's only writer, the process remembers the
 * Inform values it last wrote, so that a periodic Inform writes only what changed (and the unchanged values'
 * timestamps at most every refresh interval) without reading the document first.
 */
final class InformWrites {
    private static final Logger LOG = LoggerFactory.getLogger(InformWrites.class);

    /** What this process last wrote of a device's Inform: the values, and when their timestamps were written. */
    private record Written(Map<String, String> values, Instant timestamps) {
    }

    /** An Inform's update, and what to remember once it is stored. */
    record Prepared(DeviceInform inform, Document update, boolean bootstrap, boolean refreshed,
                    Optional<Instant> timestamps) {
    }

    /** Empty unless this process is the store's only writer. */
    private final Optional<Map<String, Written>> lastWritten;
    /**
     * Unchanged Inform values get their {@code _timestamp} rewritten at most this often. A CPE informing
     * every few seconds would otherwise cost a write of every parameter's timestamp each time; the
     * timestamps then lag by at most this much ({@code _lastInform} is always exact).
     */
    private final Duration timestampRefresh;

    InformWrites(boolean soleWriter, Duration timestampRefresh) {
        this.lastWritten = soleWriter ? Optional.of(Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
                return size() > 200_000;
            }
        })) : Optional.empty();
        this.timestampRefresh = timestampRefresh;
    }

    Prepared prepare(DeviceInform inform) {
        List<String> skipped = new ArrayList<>();
        boolean bootstrap = inform.hasEvent(DeviceInform.BOOTSTRAP);
        Optional<Written> written = bootstrap ? Optional.empty() : lastWritten.map(c -> c.get(inform.deviceId()));
        boolean refresh = written.map(w -> !inform.time().isBefore(w.timestamps().plus(timestampRefresh)))
                .orElse(true);
        Document update = DeviceDocuments.informUpdate(inform, skipped, written.map(Written::values).orElse(Map.of()),
                refresh);
        if (!skipped.isEmpty()) {
            LOG.warn("{}: Inform parameters not stored, their names are not TR-069 paths: {}", inform.deviceId(),
                    skipped);
        }
        return new Prepared(inform, update, bootstrap, refresh, written.map(Written::timestamps));
    }

    /** The update is stored: remember its values. */
    void stored(Prepared p) {
        lastWritten.ifPresent(cache -> {
            Map<String, String> values = new HashMap<>();
            p.inform().parameters().forEach(v -> values.put(v.name(), DeviceDocuments.valueKey(v)));
            cache.put(p.inform().deviceId(), new Written(values,
                    p.refreshed() ? p.inform().time() : p.timestamps().orElse(p.inform().time())));
        });
    }

    void forget(String deviceId) {
        lastWritten.ifPresent(cache -> cache.remove(deviceId));
    }
}
