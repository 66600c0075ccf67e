package org.cwmpacs.core.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GenieACS's extensions ({@code ext(file, function, ...args)}): Node.js modules in the extensions directory
 * ({@code GENIEACS_EXT_DIR}), each run by one long-lived {@code node} child process started when first
 * called, called with its arguments as texts and a callback. A call not answered within the timeout
 * ({@code GENIEACS_EXT_TIMEOUT}) faults {@code timeout}; an error faults {@code ext.<ErrorName>}. Without
 * {@code node} on the PATH every call faults {@code ext} saying so.
 */
public final class Extensions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("ext");

    /** An answer: the result as JSON text, or the fault. */
    public record Result(Optional<ScriptFault> fault, String json) {
    }

    /** JSON text passed to the script as it is (an extension's result). */
    public record RawJson(String json) {
    }

    private final Path directory;
    private final Duration timeout;
    private final Optional<String> node;
    private final Map<String, Child> children = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private Path runner;

    private final class Child {
        final Process process;
        final OutputStream in;
        final Map<String, CompletableFuture<Result>> pending = new ConcurrentHashMap<>();

        Child(String file) throws IOException {
            process = new ProcessBuilder(node.orElseThrow(), runner().toString(),
                    directory.resolve(file).toAbsolutePath().toString()).start();
            in = process.getOutputStream();
            Thread out = new Thread(() -> readAnswers(process.getInputStream()), "ext-" + file);
            out.setDaemon(true);
            out.start();
            Thread err = new Thread(() -> logLines(file, process.getErrorStream()), "ext-log-" + file);
            err.setDaemon(true);
            err.start();
            process.onExit().thenRun(() -> {
                children.remove(file, this);
                pending.values().forEach(f -> f.complete(new Result(Optional.of(new ScriptFault("ext", "",
                        "Extension " + file + " exited (code " + process.exitValue() + ")", "")), "null")));
            });
        }

        private void readAnswers(InputStream stream) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] parts = line.split("\t", 3);
                    if (parts.length < 3) {
                        continue;
                    }
                    CompletableFuture<Result> f = pending.remove(parts[0]);
                    if (f != null) {
                        f.complete(new Result(parts[1].isEmpty() ? Optional.empty() : Optional.of(fault(parts[1])),
                                parts[2]));
                    }
                }
            } catch (IOException e) {
                // the process ended; onExit answers what is pending
            }
        }
    }

    /**
     * @param directory where extension files are ({@code GENIEACS_EXT_DIR})
     * @param timeout per call ({@code GENIEACS_EXT_TIMEOUT})
     */
    public Extensions(Path directory, Duration timeout) {
        this.directory = directory;
        this.timeout = timeout;
        this.node = findNode();
        if (node.isEmpty()) {
            LOG.warn("node (Node.js) is not on the PATH: provision scripts calling ext() will fault \"ext\". Install "
                    + "Node.js to run GenieACS extensions from {}", directory.toAbsolutePath());
        }
    }

    private static Optional<String> findNode() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("node", "nodejs")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p.toString());
                }
            }
        }
        return Optional.empty();
    }

    public boolean available() {
        return node.isPresent();
    }

    /**
     * Calls {@code function} of extension {@code file} with these arguments; waits at most the timeout.
     *
     * @param call {@code [file, function, args…]} as the script gave them (texts)
     */
    public Result call(List<String> call) {
        String file = call.isEmpty() ? "" : call.get(0);
        if (node.isEmpty()) {
            return failed("ext", "Extensions need Node.js (node on the PATH), which this server does not have");
        }
        if (call.size() < 2 || !file.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*") || file.contains("..")) {
            return failed("ext", "Invalid extension call: ext(file, function, …) with a file name in "
                    + directory + ", not " + call);
        }
        String name = file.endsWith(".js") ? file : file + ".js";
        if (!Files.isRegularFile(directory.resolve(name))) {
            return failed("ext", "No extension " + name + " in " + directory.toAbsolutePath()
                    + " (GENIEACS_EXT_DIR)");
        }
        CompletableFuture<Result> answer = new CompletableFuture<>();
        String id = Long.toString(ids.incrementAndGet());
        try {
            Child child = children.computeIfAbsent(name, n -> {
                try {
                    return new Child(n);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            child.pending.put(id, answer);
            String line = id + "\t" + Json.write(call.subList(1, call.size())) + "\n";
            synchronized (child) {
                child.in.write(line.getBytes(StandardCharsets.UTF_8));
                child.in.flush();
            }
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return failed("timeout", "Extension timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("ext", "interrupted");
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException e) {
            LOG.warn("extension {} could not be called: {}", name, e.toString());
            return failed("ext", "Extension " + name + " could not be called: " + e.getMessage());
        }
    }

    private static Result failed(String code, String message) {
        return new Result(Optional.of(new ScriptFault(code, "", message, "")), "null");
    }

    /** {"name", "message", "stack"} as the runner writes an error: GenieACS's fault {@code ext.<name>}. */
    private static ScriptFault fault(String json) {
        String name = field(json, "name");
        String message = field(json, "message");
        return new ScriptFault(name.isEmpty() ? "ext" : "ext." + name.replaceAll("[^A-Za-z0-9_]", ""), name, message,
                field(json, "stack"));
    }

    /** A text field of the runner's flat error object. */
    private static String field(String json, String key) {
        int at = json.indexOf("\"" + key + "\":\"");
        if (at < 0) {
            return "";
        }
        List<String> parsed = Json.readStrings("[" + json.substring(at + key.length() + 3));
        return parsed.isEmpty() ? "" : parsed.get(0);
    }

    private static void logLines(String file, InputStream stream) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                LOG.info("Ext {}: {}", file, line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private synchronized Path runner() throws IOException {
        if (runner == null) {
            Path p = Files.createTempFile("acs-ext-runner", ".js");
            p.toFile().deleteOnExit();
            try (InputStream in = Extensions.class.getResourceAsStream("ext-runner.js")) {
                Files.write(p, in.readAllBytes());
            }
            runner = p;
        }
        return runner;
    }

    @Override
    public void close() {
        children.values().forEach(c -> c.process.destroyForcibly());
        children.clear();
    }
}
