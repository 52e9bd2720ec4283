package io.footfall;

import io.footfall.config.Settings;
import io.footfall.config.SettingsException;

import java.util.Locale;
import java.util.TimeZone;

/** Command-line entry: {@code serve} (default) starts the server. */
public final class Footfall {
    private Footfall() {
    }

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Locale.setDefault(Locale.ROOT);
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve();
            default -> {
                System.err.println("usage: footfall serve");
                System.exit(2);
            }
        }
    }

    private static void serve() throws Exception {
        Settings settings;
        try {
            settings = Settings.fromEnvironment();
        } catch (SettingsException e) {
            System.err.println("footfall: invalid setting: " + e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        FootfallServer server;
        try {
            server = FootfallServer.start(settings);
        } catch (SettingsException e) {
            System.err.println("footfall: invalid setting: " + e.getMessage());
            System.exit(2);
            return;
        } catch (java.sql.SQLException e) {
            // Typically another Footfall already holds the embedded store's lock.
            System.err.println("footfall: cannot open the store: " + e.getMessage());
            System.exit(1);
            return;
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            System.err.println("footfall: cannot start: " + e.getMessage()
                    + " (is the port already in use? set PORT or HOSTNAME)");
            System.exit(1);
            return;
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
