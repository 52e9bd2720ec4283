package io.footfall.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Footfall server in its own JVM (same classpath), so the load generator does not share its heap or JIT. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server on a free port with the given data directory; returns once /api/heartbeat answers. */
    public static ServerProcess start(Path dataDir, List<String> jvmOptions) throws Exception {
        return start(dataDir, jvmOptions, java.util.Map.of());
    }

    /** As {@link #start(Path, List)}, with extra environment settings for the server (e.g. QUERY_PATH, DATABASE_URL). */
    public static ServerProcess start(Path dataDir, List<String> jvmOptions, java.util.Map<String, String> env) throws Exception {
        int port = benchPort();
        var cmd = new java.util.ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.footfall.Footfall", "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        pb.environment().put("DATA_DIR", dataDir.toString());
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("HOSTNAME", "127.0.0.1");
        pb.environment().putAll(env);
        ServerProcess sp = new ServerProcess(pb.start(), port);
        sp.awaitHeartbeat();
        return sp;
    }

    /** {@code FOOTFALL_BENCH_PORT} when set (to keep a shared machine's servers in agreed ranges), else a free port. */
    private static int benchPort() throws IOException {
        String fixed = System.getenv("FOOTFALL_BENCH_PORT");
        if (fixed != null && !fixed.isBlank()) return Integer.parseInt(fixed.trim());
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /**
     * The server's JVM options for a bench: {@code FOOTFALL_BENCH_SERVER_OPTS} when set, else the heap share of
     * MEMORY_LIMIT (or of the machine), as {@code ./footfall serve} would start it; the server inherits MEMORY_LIMIT.
     */
    public static List<String> benchJvmOptions() {
        String opts = System.getenv("FOOTFALL_BENCH_SERVER_OPTS");
        if (opts != null && !opts.isBlank()) return List.of(opts.trim().split("\\s+"));
        var options = new java.util.ArrayList<>(io.footfall.config.MemoryBudget.from(System.getenv()).jvmOptions());
        options.add("-XX:+UseG1GC"); // as the launcher starts the server, whatever the JVM would pick for this machine
        return options;
    }

    /** Resident memory of the server process now, in KiB (Linux /proc; -1 elsewhere). */
    public long rssKiB() {
        return procStatus("VmRSS:");
    }

    /** The highest resident memory the server process has had, in KiB (Linux /proc; -1 elsewhere). */
    public long peakRssKiB() {
        return procStatus("VmHWM:");
    }

    private long procStatus(String field) {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has exited
        }
        return -1;
    }

    /** CPU time (user + system) the server process has used so far, in ns (Linux /proc; -1 elsewhere). */
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    /** SIGKILL: no shutdown hook runs, nothing is drained. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then wait for the exit; true when the process exited by itself in time. */
    public boolean terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    private void awaitHeartbeat() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("server exited; see server.log");
            try {
                var r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/heartbeat")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("server did not answer /api/heartbeat in time");
    }

    /**
     * SIGTERM and wait: the server drains its ingest queue and closes the store. The wait is long because on a loaded
     * machine the backlog of acknowledged hits can take minutes to reach the store; a kill before that would leave them
     * in the ingest log only, and a bench counting the store would report them missing.
     */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            System.err.println("server did not stop within 10 minutes of SIGTERM; killed (its ingest log keeps what it acknowledged)");
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
