package org.cwmpacs.server.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cwmpacs.core.device.DeviceId;
import org.cwmpacs.sim.DataModel;
import org.cwmpacs.sim.SimulatedCpe;

/**
 * Kills the server with {@code kill -9} at random moments while simulated CPEs inform, tasks are queued,
 * presets written and deleted and files uploaded, and checks after every restart that the data directory
 * opens and that everything acknowledged (a CPE's 204, a task's 202, a preset's 200, a file's 201) is
 * there, and every acknowledged deletion holds. A write in flight when the kill came may or may not have
 * happened; that is all it may do. The server runs as a user runs it: {@code java -jar acs-server.jar}.
 *
 * <p>The test suite runs a few kills ({@code CrashIT}); the long run is
 * {@code java -cp <test classpath> org.cwmpacs.server.crash.CrashHarness --kills 100} (see docs/performance.md).
 */
public final class CrashHarness {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run found. */
    public record Result(int kills, int devices, int tasks, int presets, int files, int interruptedUploads,
                         List<String> missing, List<Long> restartMillis) {
        public String summary() {
            long[] sorted = restartMillis.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format("kills=%d acknowledged: devices=%d tasks=%d presets=%d files=%d; uploads cut by a "
                    + "kill=%d; missing=%d; restart to NBI answering: median %d ms, max %d ms", kills, devices, tasks,
                    presets, files, interruptedUploads, missing.size(), sorted.length == 0 ? 0 : sorted[sorted.length / 2],
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }
    }

    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient cpeHttp = SimulatedCpe.newHttpClient();
    private final int cwmpPort;
    private final int nbiPort;
    private final int fsPort;

    // what was acknowledged
    private final Set<String> devices = ConcurrentHashMap.newKeySet();
    private final Set<String> tasks = ConcurrentHashMap.newKeySet();
    /** Preset id → its weight, or null when its deletion was acknowledged. */
    private final Map<String, Optional<Integer>> presets = new ConcurrentHashMap<>();
    private final Map<String, Optional<Integer>> presetsInFlight = new ConcurrentHashMap<>();
    /** File name → SHA-256 of its acknowledged contents. */
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, String> filesInFlight = new ConcurrentHashMap<>();
    private final List<String> dormant = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final List<Long> restarts = new ArrayList<>();
    private int interruptedUploads;
    private int phase;

    public CrashHarness(Path jar, Path dataDir, long seed) throws IOException {
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        this.random = new Random(seed);
        this.cwmpPort = freePort();
        this.nbiPort = freePort();
        this.fsPort = freePort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public Result run(int kills, Duration minLoad, Duration maxLoad) throws Exception {
        Process server = start();
        try {
            registerDormantDevices();
            for (int k = 0; k < kills; k++) {
                Load load = new Load();
                load.start();
                long loadMillis = minLoad.toMillis() + (long) (random.nextDouble() * (maxLoad.toMillis() - minLoad.toMillis()));
                Thread.sleep(loadMillis);
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                load.stop();
                server = start();
                verify();
                reuploadInterrupted();
            }
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        return new Result(kills, devices.size(), tasks.size(), presets.size(), files.size(), interruptedUploads,
                List.copyOf(missing), List.copyOf(restarts));
    }

    private Process start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("ACS_DATA_DIR", dataDir.toString());
        env.put("GENIEACS_CWMP_PORT", String.valueOf(cwmpPort));
        env.put("GENIEACS_CWMP_INTERFACE", "127.0.0.1");
        env.put("GENIEACS_NBI_PORT", String.valueOf(nbiPort));
        env.put("GENIEACS_NBI_INTERFACE", "127.0.0.1");
        env.put("GENIEACS_FS_PORT", String.valueOf(fsPort));
        env.put("GENIEACS_FS_INTERFACE", "127.0.0.1");
        env.put("GENIEACS_UI_PORT", "0");
        env.put("GENIEACS_UI_INTERFACE", "127.0.0.1");
        env.put("GENIEACS_FS_URL_PREFIX", "http://127.0.0.1:" + fsPort + "/");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long begin = System.nanoTime();
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server did not start after kill " + phase + " (exit "
                        + p.exitValue() + "): the data directory may not open. Server log: " + tail());
            }
            try {
                if (get("/devices?limit=1").statusCode() == 200) {
                    restarts.add((System.nanoTime() - begin) / 1_000_000);
                    return p;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not answer within 90 s; server log: " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nbiPort + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nbiPort + path))
                .timeout(Duration.ofSeconds(30)).method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private SimulatedCpe cpe(String serial) {
        DataModel model = DataModel.generate("00C0DE", "CrashBox", serial, 60);
        return new SimulatedCpe(URI.create("http://127.0.0.1:" + cwmpPort + "/"), model, SimulatedCpe.Options.DEFAULT,
                cpeHttp);
    }

    /** Devices that never inform again: tasks queued for them stay queued. */
    private void registerDormantDevices() {
        for (int i = 0; i < 5; i++) {
            String serial = "DORMANT" + i;
            SimulatedCpe cpe = cpe(serial);
            SimulatedCpe.SessionResult result = cpe.runSession("0 BOOTSTRAP", "1 BOOT");
            if (!result.ok()) {
                throw new IllegalStateException("a dormant device did not register: " + result);
            }
            String id = DeviceId.of(cpe.deviceId().oui(), cpe.deviceId().productClass(), cpe.deviceId().serialNumber());
            devices.add(id);
            dormant.add(id);
        }
    }

    /** The writers, each recording what was acknowledged. */
    private final class Load {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final int p = ++phase;

        void start() {
            for (int t = 0; t < 2; t++) {
                int thread = t;
                spawn("cpes-" + t, () -> informs(thread));
            }
            spawn("tasks", this::tasks);
            spawn("presets", this::presets);
            spawn("files", this::uploads);
        }

        private void spawn(String name, Runnable body) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        body.run();
                    } catch (RuntimeException e) {
                        pause();
                    }
                }
            }, "crash-load-" + name);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }

        private void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        private int sessions;

        private void informs(int thread) {
            SimulatedCpe cpe = cpe("P" + p + "T" + thread + "N" + (sessions++ % 8));
            SimulatedCpe.SessionResult result = cpe.runSession("2 PERIODIC");
            if (result.ok()) {
                devices.add(DeviceId.of(cpe.deviceId().oui(), cpe.deviceId().productClass(),
                        cpe.deviceId().serialNumber()));
            }
        }

        private void tasks() {
            try {
                String device = dormant.get(random.nextInt(dormant.size()));
                HttpResponse<String> r = send("POST", "/devices/" + URLEncoder.encode(device, StandardCharsets.UTF_8)
                        + "/tasks", HttpRequest.BodyPublishers.ofString("{\"name\":\"getParameterValues\","
                        + "\"parameterNames\":[\"Device.DeviceInfo.SoftwareVersion\"]}"));
                if (r.statusCode() == 202) {
                    tasks.add((String) JSON.readValue(r.body(), Map.class).get("_id"));
                }
            } catch (IOException e) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void presets() {
            String id = "p" + random.nextInt(20);
            boolean delete = random.nextInt(4) == 0;
            Optional<Integer> next = delete ? Optional.empty() : Optional.of(random.nextInt(1000));
            presetsInFlight.put(id, next);
            try {
                HttpResponse<String> r = delete ? send("DELETE", "/presets/" + id, HttpRequest.BodyPublishers.noBody())
                        : send("PUT", "/presets/" + id, HttpRequest.BodyPublishers.ofString("{\"weight\":"
                        + next.get() + ",\"precondition\":\"{}\"}"));
                if (r.statusCode() == 200) {
                    presets.put(id, next);
                    presetsInFlight.remove(id);
                }
            } catch (IOException e) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void uploads() {
            String name = "f" + random.nextInt(6) + ".bin";
            byte[] data = new byte[20_000 + random.nextInt(300_000)];
            random.nextBytes(data);
            String hash = sha256(data);
            filesInFlight.put(name, hash);
            boolean slow = random.nextInt(3) == 0;
            try {
                HttpRequest.BodyPublisher body = slow ? HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.InputStream() {
                            private int at;

                            @Override
                            public int read() {
                                return at < data.length ? data[at++] & 0xFF : -1;
                            }

                            @Override
                            public int read(byte[] b, int off, int len) {
                                if (at >= data.length) {
                                    return -1;
                                }
                                // a slow client: a kill is likely to come mid-upload
                                try {
                                    Thread.sleep(5);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                int n = Math.min(Math.min(len, 4096), data.length - at);
                                System.arraycopy(data, at, b, off, n);
                                at += n;
                                return n;
                            }
                        }) : HttpRequest.BodyPublishers.ofByteArray(data);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nbiPort
                        + "/files/" + name)).timeout(Duration.ofSeconds(60)).header("fileType",
                        "1 Firmware Upgrade Image").method("PUT", body).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    files.put(name, hash);
                    filesInFlight.remove(name);
                }
            } catch (IOException e) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readValue(r.body(), List.class);
    }

    /** Everything acknowledged is there; what was in flight is either way; then that is the new truth. */
    private void verify() throws Exception {
        Set<String> storedDevices = new HashSet<>();
        for (Map<String, Object> d : list("/devices?projection=_id")) {
            storedDevices.add((String) d.get("_id"));
        }
        for (String id : devices) {
            if (!storedDevices.contains(id)) {
                missing.add("after kill " + phase + ": device " + id);
            }
        }
        Set<String> storedTasks = new HashSet<>();
        for (Map<String, Object> t : list("/tasks?projection=_id")) {
            storedTasks.add((String) t.get("_id"));
        }
        for (String id : tasks) {
            if (!storedTasks.contains(id)) {
                missing.add("after kill " + phase + ": task " + id);
            }
        }
        Map<String, Optional<Integer>> storedPresets = new HashMap<>();
        for (Map<String, Object> p : list("/presets")) {
            storedPresets.put((String) p.get("_id"), Optional.of(((Number) p.get("weight")).intValue()));
        }
        for (String id : union(presets.keySet(), presetsInFlight.keySet())) {
            Optional<Integer> actual = storedPresets.getOrDefault(id, Optional.empty());
            Optional<Integer> acked = presets.getOrDefault(id, Optional.empty());
            boolean inFlight = presetsInFlight.containsKey(id);
            if (!actual.equals(acked) && !(inFlight && actual.equals(presetsInFlight.get(id)))) {
                missing.add("after kill " + phase + ": preset " + id + " is " + actual + ", acknowledged " + acked);
            }
            presets.put(id, actual);
        }
        presetsInFlight.clear();
        for (String name : union(files.keySet(), filesInFlight.keySet())) {
            String actual;
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fsPort + "/"
                        + name)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                actual = r.statusCode() == 200 ? sha256(r.body()) : null;
            } catch (IOException e) {
                missing.add("after kill " + phase + ": file " + name + " cannot be read back: " + e.getMessage());
                continue;
            }
            String acked = files.get(name);
            boolean inFlight = filesInFlight.containsKey(name);
            if (!java.util.Objects.equals(actual, acked) && !(inFlight && java.util.Objects.equals(actual,
                    filesInFlight.get(name)))) {
                missing.add("after kill " + phase + ": file " + name + (actual == null ? " is missing"
                        : " has other contents") + (acked == null ? " (never acknowledged)" : ""));
            }
            if (actual != null) {
                files.put(name, actual);
            }
        }
    }

    /** An upload the kill cut short leaves nothing that blocks its name: it can be stored again at once. */
    private void reuploadInterrupted() throws Exception {
        for (String name : new ArrayList<>(filesInFlight.keySet())) {
            interruptedUploads++;
            byte[] data = ("again " + name + " " + phase).getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = send("PUT", "/files/" + name, HttpRequest.BodyPublishers.ofByteArray(data));
            if (r.statusCode() != 201) {
                missing.add("after kill " + phase + ": " + name + ", cut short by the kill, cannot be uploaded again: "
                        + r.statusCode() + " " + r.body());
            } else {
                files.put(name, sha256(data));
            }
        }
        filesInFlight.clear();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** {@code --kills N --jar path --dir path --seed S}. */
    public static void main(String[] args) throws Exception {
        int kills = 100;
        Path jar = Path.of("acs-server/target/acs-server.jar");
        Path dir = Files.createTempDirectory("acs-crash");
        long seed = System.nanoTime();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--kills" -> kills = Integer.parseInt(args[i + 1]);
                case "--jar" -> jar = Path.of(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println("crash run: " + kills + " kills, seed " + seed + ", data in " + dir.resolve("data")
                + ", server log " + dir.resolve("data-server.log"));
        Result result = new CrashHarness(jar, dir.resolve("data"), seed).run(kills, Duration.ofMillis(300),
                Duration.ofSeconds(3));
        System.out.println("RESULT " + result.summary());
        result.missing().forEach(m -> System.out.println("MISSING " + m));
        System.exit(result.missing().isEmpty() ? 0 : 1);
    }
}
