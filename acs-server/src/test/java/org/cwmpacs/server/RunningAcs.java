package org.cwmpacs.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The whole server on a loopback port with the embedded store in a temporary directory. */
final class RunningAcs implements AutoCloseable {
    final AcsServer server;
    final URI uri;

    private RunningAcs(AcsServer server) {
        this.server = server;
        this.uri = URI.create("http://127.0.0.1:" + server.cwmpPort() + "/");
    }

    static RunningAcs start(Path dataDir, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(extra);
        env.put("GENIEACS_CWMP_PORT", "0");
        env.put("GENIEACS_CWMP_INTERFACE", "127.0.0.1");
        env.putIfAbsent("GENIEACS_NBI_PORT", "0");
        env.putIfAbsent("GENIEACS_FS_PORT", "0");
        env.putIfAbsent("GENIEACS_UI_PORT", "0");
        env.putIfAbsent("GENIEACS_UI_INTERFACE", "127.0.0.1");
        env.putIfAbsent("GENIEACS_FS_INTERFACE", "127.0.0.1");
        env.put("ACS_DATA_DIR", dataDir.toString());
        env.putIfAbsent("ACS_STORE_CACHE_MB", "64");
        return new RunningAcs(AcsServer.start(AcsConfig.load(env)));
    }

    static RunningAcs start(Path dataDir) throws Exception {
        return start(dataDir, Map.of());
    }

    /** Without the automatic discovery: the ACS sends no request of its own unless a task is queued. */
    static RunningAcs withoutDiscovery(Path dataDir, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(extra);
        env.put("ACS_DISCOVERY", "off");
        return start(dataDir, env);
    }

    /** The device id the ACS gives a simulated CPE. */
    static String id(org.cwmpacs.sim.SimulatedCpe cpe) {
        return org.cwmpacs.core.device.DeviceId.of(cpe.deviceId().oui(), cpe.deviceId().productClass(),
                cpe.deviceId().serialNumber());
    }

    /** Queues a task given as GenieACS's NBI takes it (JSON) for a simulated CPE. */
    org.cwmpacs.core.task.Task queue(org.cwmpacs.sim.SimulatedCpe cpe, String json) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        return server.store().tasks().queue(id(cpe), fields, java.time.Instant.now());
    }

    /** The embedded store's documents as stored (BSON types), for checks and for setting up odd data. */
    Raw raw() {
        return new Raw(((org.cwmpacs.store.EmbeddedStore) server.store()).engine());
    }

    static final class Raw {
        private final org.cwmpacs.store.engine.StoreEngine engine;

        Raw(org.cwmpacs.store.engine.StoreEngine engine) {
            this.engine = engine;
        }

        java.util.List<org.bson.Document> all(String collection) {
            return engine.table(collection).findAll(org.cwmpacs.store.engine.Filter.ALL,
                    org.cwmpacs.store.engine.Projection.ALL, org.cwmpacs.store.engine.Sort.NONE, 0, 0);
        }

        org.bson.Document get(String collection, Object id) {
            return engine.table(collection).get(id).orElse(null);
        }

        long count(String collection) {
            return engine.table(collection).count();
        }

        /** MongoDB's {@code updateOne({_id}, {$set}, {upsert: true})}. */
        void set(String collection, Object id, org.bson.Document values) {
            engine.table(collection).update(id, org.cwmpacs.store.engine.Update.set(values), true).join();
        }

        void deleteAll(String collection) {
            engine.table(collection).deleteWhere(org.cwmpacs.store.engine.Filter.ALL).join();
        }

        void insert(String collection, org.bson.Document doc) {
            engine.table(collection).insert(doc).join();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
