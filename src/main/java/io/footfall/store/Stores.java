package io.footfall.store;

import io.footfall.config.Settings;
import io.footfall.config.SettingsException;
import io.footfall.store.duckdb.DuckDbConnections;
import io.footfall.store.duckdb.DuckDbEventStore;
import io.footfall.store.jdbc.JdbcMetaStore;
import io.footfall.store.postgres.PostgresStores;
import io.footfall.store.postgres.PostgresUrl;
import io.footfall.store.wal.WriteAheadEventStore;

import java.sql.SQLException;

/** The open stores of the configured backend; closing it closes the database cleanly. */
public record Stores(EventStore events, MetaStore meta, Connections connections, String backend,
                     AutoCloseable eventLog) implements AutoCloseable {

    /** Opens the backend chosen by DATABASE_URL (embedded DuckDB under DATA_DIR when unset) and migrates it. */
    public static Stores open(Settings settings) throws SQLException {
        SqlTrace.configure(settings.queryOptions().trace());
        String url = settings.databaseUrl();
        if (PostgresUrl.matches(url)) return PostgresStores.open(settings, PostgresUrl.parse(url));
        if (url != null && !url.startsWith("duckdb:")) {
            throw new SettingsException("DATABASE_URL: expected postgresql://user:password@host:5432/database "
                    + "(or leave it unset for the embedded store, or use duckdb:/path/to/file.duckdb), got '" + url.replaceAll("//[^@/]*@", "//***@") + "'");
        }
        var file = url != null ? java.nio.file.Path.of(url.substring("duckdb:".length()))
                : settings.dataDir().resolve("footfall.duckdb");
        DuckDbConnections db = DuckDbConnections.open(file, Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
                settings.queryOptions().swapBuildSide());
        try {
            limitMemory(db, settings.memory());
            Migrations.apply(db, "duckdb");
            DuckDbEventStore store = DuckDbEventStore.open(db, settings.foldIdleSeconds());
            WriteAheadEventStore events = WriteAheadEventStore.open(store, settings.dataDir().resolve("ingest-log"),
                    settings.memory().maxUnshippedHits(), java.time.Duration.ofSeconds(settings.readBarrierTimeoutSeconds()));
            return new Stores(events, new JdbcMetaStore(db), db, "duckdb", events);
        } catch (java.io.IOException e) {
            db.close();
            throw new SQLException("cannot open the ingest log in " + settings.dataDir() + ": " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** DuckDB's share of MEMORY_LIMIT (it spills larger sorts and joins to {@code <file>.tmp}) and its threads. */
    private static void limitMemory(DuckDbConnections db, io.footfall.config.MemoryBudget memory) throws SQLException {
        db.write(c -> {
            try (var st = c.createStatement()) {
                st.execute("SET GLOBAL memory_limit = '" + memory.duckDbMemoryLimit() + "'");
                st.execute("SET GLOBAL threads = " + memory.duckDbThreads());
            }
            return null;
        });
    }

    /** Ships what the ingest log still holds, then closes the database cleanly. */
    @Override
    public void close() {
        try {
            eventLog.close();
        } catch (Exception ignored) {
            // the log keeps anything unshipped; it is shipped at the next start
        }
        connections.close();
    }
}
