package org.cwmpacs.ui.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cwmpacs.core.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What first-run setup offers to store, as GenieACS's setup wizard does: the default page layout ({@code ui.*}
 * config) and three presets with their provisions: {@code bootstrap} (forget the tree after a bootstrap),
 * {@code default} (refresh what the pages show, hourly) and {@code inform} (a periodic inform every 5 minutes).
 * Nothing already stored under those names is replaced.
 */
public final class Seed {
    private static final Logger LOG = LoggerFactory.getLogger("ui");

    private Seed() {
    }

    public static void store(DocumentStore documents) {
        int config = 0;
        for (Map.Entry<String, Object> e : UiConfigApi.defaults().entrySet()) {
            String id = "ui." + e.getKey();
            if (absent(documents, "config", id)) {
                documents.replace("config", id, Map.of("_id", id, "value", String.valueOf(e.getValue())));
                config++;
            }
        }
        Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        presets.put("bootstrap", preset("bootstrap", Map.of("0 BOOTSTRAP", true), "bootstrap"));
        presets.put("default", preset("default", Map.of(), "default"));
        presets.put("inform", preset("inform", Map.of(), "inform"));
        for (Map.Entry<String, Map<String, Object>> p : presets.entrySet()) {
            if (absent(documents, "provisions", p.getKey())) {
                documents.replace("provisions", p.getKey(), Map.of("_id", p.getKey(), "script", script(p.getKey())));
            }
            if (absent(documents, "presets", p.getKey())) {
                documents.replace("presets", p.getKey(), p.getValue());
            }
        }
        LOG.info("Defaults stored: {} ui.* config entries, presets and provisions bootstrap, default, inform", config);
    }

    private static Map<String, Object> preset(String channel, Map<String, Object> events, String provision) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("_id", provision);
        p.put("channel", channel);
        p.put("weight", 0);
        p.put("precondition", "");
        p.put("events", events);
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("type", "provision");
        configuration.put("name", provision);
        configuration.put("args", null);
        p.put("configurations", List.of(configuration));
        return p;
    }

    private static boolean absent(DocumentStore documents, String collection, String id) {
        return documents.count(collection, Map.of("_id", id)) == 0;
    }

    private static String script(String name) {
        try (InputStream in = Seed.class.getResourceAsStream("/org/cwmpacs/ui/seed/" + name + ".js")) {
            if (in == null) {
                throw new IllegalStateException("seed/" + name + ".js is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
