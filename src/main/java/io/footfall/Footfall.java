package io.footfall;

import io.footfall.config.Settings;
import io.footfall.config.SettingsException;
import io.footfall.store.duckdb.DuckDbStores;

import java.util.Locale;
import java.util.TimeZone;

/** Command-line entry: {@code serve} (default) starts the server; {@code compact} rewrites a stopped DuckDB store small. */
public final class Footfall {
    private Footfall() {
    }

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Locale.setDefault(Locale.ROOT);
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve();
            case "compact" -> compact();
            default -> {
                System.err.println("usage: footfall serve | compact");
                System.exit(2);
            }
        }
    }

    private static void serve() throws Exception {
        Settings settings = settingsOrExit();
        long started = System.nanoTime();
        FootfallServer server;
        try {
            server = FootfallServer.start(settings);
        } catch (SettingsException e) {
            throw exit(2, "invalid setting: " + e.getMessage());
        } catch (java.sql.SQLException e) {
            // Typically another Footfall already holds the embedded store's lock.
            throw exit(1, "cannot open the store: " + e.getMessage());
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw exit(1, "cannot start: " + e.getMessage() + " (is the port already in use? set PORT or HOSTNAME)");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("Footfall stopped; " + server.ingest().stats());
            System.out.flush();
        }, "footfall-shutdown"));
        String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
        System.out.printf("Footfall is running (%s store, data in %s) — started in %d ms%n",
                server.stores().backend(), settings.dataDir().toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
        System.out.printf("Dashboard: http://%s:%d%s/%n", host, server.port(), settings.basePath());
        System.out.println(describeMemory(settings.memory()));
        if (server.createdDefaultAdmin()) {
            System.out.println("Login: admin / umami");
            System.out.println("WARNING: change the default admin password now (POST /api/me/password or the dashboard).");
        }
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Rewrites the embedded store into a new file (the server must be stopped); see {@code DuckDbCompaction}. */
    private static void compact() throws Exception {
        Settings settings = settingsOrExit();
        java.nio.file.Path file = DuckDbStores.file(settings);
        if (file == null) throw exit(2, "compact works on the embedded DuckDB store only (DATABASE_URL names another backend)");
        System.out.println("Compacting " + file.toAbsolutePath() + " ...");
        long started = System.nanoTime();
        try {
            var result = io.footfall.store.duckdb.DuckDbCompaction.compact(file, settings.memory().duckDbMemoryLimit(),
                    settings.memory().duckDbThreads());
            long rows = result.rows().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "Compacted in %d s: %d MiB -> %d MiB (%d tables, %d rows, counts checked)%n",
                    (System.nanoTime() - started) / 1_000_000_000L, result.bytesBefore() >> 20, result.bytesAfter() >> 20,
                    result.rows().size(), rows);
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw exit(1, "compaction failed, the store is unchanged: " + e.getMessage());
        }
    }

    /** The settings from the environment; an invalid one ends the process with status 2 and names the variable. */
    private static Settings settingsOrExit() {
        try {
            return Settings.fromEnvironment();
        } catch (SettingsException e) {
            throw exit(2, "invalid setting: " + e.getMessage());
        }
    }

    /** Prints {@code footfall: <message>} and ends the process; callers {@code throw} it so the compiler sees the path end. */
    private static Error exit(int status, String message) {
        System.err.println("footfall: " + message);
        System.exit(status);
        return new AssertionError("System.exit returned");
    }

    /** The budget, and a warning when the JVM's heap was not sized from it (started without ./footfall). */
    static String describeMemory(io.footfall.config.MemoryBudget memory) {
        long heapMax = Runtime.getRuntime().maxMemory();
        String line = "Memory: " + memory;
        if (heapMax > memory.heapBytes() * 11 / 10) {
            line += String.format(Locale.ROOT, "%nWARNING: the JVM's heap may grow to %d MiB, more than the budget's %d MiB: "
                    + "start with ./footfall, or pass %s to java", heapMax >> 20, memory.heapBytes() >> 20, String.join(" ", memory.jvmOptions()));
        }
        return line;
    }
}
