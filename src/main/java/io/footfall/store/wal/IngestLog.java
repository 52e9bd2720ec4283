package io.footfall.store.wal;

import io.footfall.config.Settings;
import io.footfall.store.EventStore;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;

/** Opens the write-ahead log in DATA_DIR in front of a backend's event store: the same for every backend. */
public final class IngestLog {
    private IngestLog() {
    }

    /**
     * {@code store} behind the log in {@code DATA_DIR/ingest-log}, which acknowledges hits, ships them every
     * {@code shipInterval} and re-ships what a crash left unshipped; an unreadable log is an SQLException naming DATA_DIR.
     */
    public static WriteAheadEventStore open(Settings settings, EventStore store, Duration shipInterval) throws SQLException {
        try {
            return WriteAheadEventStore.open(store, settings.dataDir().resolve("ingest-log"), settings.memory().maxUnshippedHits(),
                    Duration.ofSeconds(settings.readBarrierTimeoutSeconds()), shipInterval);
        } catch (IOException e) {
            throw new SQLException("cannot open the ingest log in " + settings.dataDir() + ": " + e.getMessage(), e);
        }
    }
}
