package io.footfall.store.postgres;

import io.footfall.config.Settings;
import io.footfall.store.Migrations;
import io.footfall.store.Stores;
import io.footfall.store.jdbc.JdbcMetaStore;
import io.footfall.store.wal.IngestLog;
import io.footfall.store.wal.WriteAheadEventStore;

import java.sql.SQLException;

/** Opens PostgreSQL as the store for metadata and events ({@code DATABASE_URL=postgresql://...}). */
public final class PostgresStores {
    public static final String BACKEND = "postgresql";
    /**
     * Unread hits wait up to a second to be shipped (DuckDB: 200 ms), so a batch holds ~10,000 at 10 k hits/s: per event,
     * 1,000-hit batches cost the backend and the shipper ~35 % more CPU than 5,000-hit ones (docs/benchmarks.md,
     * "h16-pgingest"). Reads see every acknowledged hit anyway: they ship what waits first.
     */
    static final java.time.Duration SHIP_INTERVAL = java.time.Duration.ofSeconds(1);

    private PostgresStores() {
    }

    /**
     * Connects, migrates ({@code db/postgresql/}), and puts the event store behind the write-ahead log in
     * DATA_DIR, which acknowledges hits and re-ships what a crash left unshipped; {@code rollups} keeps the accelerator's
     * rows beside the events.
     */
    public static Stores open(Settings settings, PostgresUrl url, PostgresRollups rollups) throws SQLException {
        PostgresConnections db = PostgresConnections.open(url, Math.max(8, Runtime.getRuntime().availableProcessors() * 4));
        try {
            Migrations.apply(db, BACKEND);
            WriteAheadEventStore events = IngestLog.open(settings, new PostgresEventStore(db, rollups), SHIP_INTERVAL);
            return new Stores(events, new JdbcMetaStore(db), db, BACKEND, events);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
