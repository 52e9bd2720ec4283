package io.footfall.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Custom events per (UTC hour, name) (V12: {@code event_hour}, a {@link RollupTotals} table over the event
 * table), folded from the event tail by adding counts. Removing folded events (crash re-shipping) takes
 * their counts back out.
 */
final class EventHours {
    private EventHours() {
    }

    /** Adds the tail's custom events. */
    static void fold(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            RollupTotals.begin(st, RollupTotals.EVENT_HOURS);
            st.execute(RollupTotals.contribution(RollupTotals.EVENT_HOURS, 1, "NOT (" + Rollups.FOLDED.replace("ingest_seq", "s.ingest_seq") + ")"));
            RollupTotals.commit(st, RollupTotals.EVENT_HOURS);
        }
    }

    /** Takes out the folded custom events among those the caller names at {@code /*IN*}{@code /} (before deleting them). */
    static String subtractFolded() {
        return RollupTotals.contribution(RollupTotals.EVENT_HOURS, -1, Rollups.FOLDED.replace("ingest_seq", "s.ingest_seq")
                + " AND s.event_id IN (/*IN*/)");
    }

    /** Rebuilds the table from the folded events. */
    static final String REBUILD = RollupTotals.rebuild(RollupTotals.EVENT_HOURS, Rollups.FOLDED.replace("ingest_seq", "s.ingest_seq"));
}
