package io.footfall.testing;

import io.footfall.store.postgres.PostgresUrl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fresh PostgreSQL databases for tests, on the server named by {@code FOOTFALL_TEST_POSTGRES} (default
 * {@code postgresql://postgres@127.0.0.1:5432/postgres}, the one CI starts). One database per data directory,
 * so a server restarted on the same directory finds its data again; each is named after this JVM's pid and
 * dropped when the JVM exits, and databases left by JVMs no longer running are dropped on first use.
 * An unreachable server fails the test with a message saying how to start one (never a silent skip).
 */
public final class PostgresTestDatabase {
    private static final String PREFIX = "footfall_t_";
    private static final Map<Path, String> BY_DATA_DIR = new ConcurrentHashMap<>();
    private static final List<String> CREATED = new ArrayList<>();
    private static boolean cleaned;

    private PostgresTestDatabase() {
    }

    /** The admin URL (a database that always exists), as DATABASE_URL would spell it. */
    public static String adminUrl() {
        String url = System.getenv("FOOTFALL_TEST_POSTGRES");
        if (url == null) url = System.getProperty("footfall.test.postgres");
        return url != null && !url.isBlank() ? url : "postgresql://postgres@127.0.0.1:5432/postgres";
    }

    /** DATABASE_URL of the database that belongs to this data directory, created empty on first use. */
    public static synchronized String urlFor(Path dataDir) {
        String name = BY_DATA_DIR.computeIfAbsent(dataDir.toAbsolutePath(), d -> create());
        return databaseUrl(name);
    }

    /** A new empty database not tied to a data directory; dropped at JVM exit. */
    public static synchronized String fresh() {
        return databaseUrl(create());
    }

    private static String databaseUrl(String name) {
        String admin = adminUrl();
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (q < 0 ? "" : admin.substring(q));
    }

    private static String create() {
        String name = PREFIX + ProcessHandle.current().pid() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(); Statement st = c.createStatement()) {
            if (!cleaned) {
                dropAbandoned(st);
                cleaned = true;
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::dropCreated));
            }
            st.execute("CREATE DATABASE " + name);
            CREATED.add(name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A connection to the admin database; fails with how to start PostgreSQL when none answers. */
    public static Connection admin() throws SQLException {
        PostgresUrl url = PostgresUrl.parse(adminUrl());
        try {
            return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL for tests is not reachable at " + url.display() + " (" + e.getMessage()
                    + "); start it (.ci/run does: pg_ctlcluster <version> main start) or set FOOTFALL_TEST_POSTGRES", e);
        }
    }

    /** Databases of test JVMs that died before dropping theirs. */
    private static void dropAbandoned(Statement st) throws SQLException {
        List<String> abandoned = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                try {
                    if (ProcessHandle.of(Long.parseLong(parts[0])).isEmpty()) abandoned.add(name);
                } catch (NumberFormatException e) {
                    // not ours
                }
            }
        }
        for (String name : abandoned) st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static synchronized void dropCreated() {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            for (String name : CREATED) st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // the next test JVM drops them (dropAbandoned)
        }
    }
}
