package io.footfall.store.duckdb;

import io.footfall.config.MemoryBudget;
import io.footfall.config.Settings;
import io.footfall.store.Migrations;
import io.footfall.store.Stores;
import io.footfall.store.jdbc.JdbcMetaStore;
import io.footfall.store.wal.IngestLog;
import io.footfall.store.wal.WriteAheadEventStore;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/** Opens the embedded DuckDB file as the store for metadata and events, its rollups kept by {@code rollups}. */
public final class DuckDbStores {
    public static final String BACKEND = "duckdb";

    private DuckDbStores() {
    }

    /** The embedded store's file ({@code DATABASE_URL=duckdb:/path}, else {@code DATA_DIR/footfall.duckdb}); null when DATABASE_URL names another backend. */
    public static Path file(Settings settings) {
        String url = settings.databaseUrl();
        if (url == null) return settings.dataDir().resolve("footfall.duckdb");
        return url.startsWith("duckdb:") ? Path.of(url.substring("duckdb:".length())) : null;
    }

    /** Opens and migrates {@code file}, and puts the event store behind the write-ahead log in DATA_DIR. */
    public static Stores open(Settings settings, Path file, RollupMaintenance rollups) throws SQLException {
        DuckDbConnections db = DuckDbConnections.open(file, Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
                settings.queryOptions().swapBuildSide());
        try {
            limitMemory(db, settings.memory());
            Migrations.apply(db, BACKEND);
            DuckDbEventStore store = DuckDbEventStore.open(db, rollups, settings.foldIdleSeconds());
            WriteAheadEventStore events = IngestLog.open(settings, store,
                    Duration.ofMillis(WriteAheadEventStore.DEFAULT_SHIP_INTERVAL_MILLIS));
            return new Stores(events, new JdbcMetaStore(db), db, BACKEND, events);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** DuckDB's share of MEMORY_LIMIT (it spills larger sorts and joins to {@code <file>.tmp}) and its threads. */
    private static void limitMemory(DuckDbConnections db, MemoryBudget memory) throws SQLException {
        db.write(c -> {
            try (var st = c.createStatement()) {
                st.execute("SET GLOBAL memory_limit = '" + memory.duckDbMemoryLimit() + "'");
                st.execute("SET GLOBAL threads = " + memory.duckDbThreads());
            }
            return null;
        });
    }
}
