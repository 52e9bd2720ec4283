package io.footfall.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the store asks of the rollups kept beside its events, at the moments only the store knows (open, append,
 * fold, re-ship, website reset). The accelerator ({@code io.footfall.accelerate.duckdb.RollupKeeper}) implements it
 * and the composition root passes it in, so this package never names a rollup: the accelerator depends on the store,
 * not the other way round. Every method runs inside the store's write transaction on {@code c}.
 */
public interface RollupMaintenance {
    /** A session's folded span, as a new session data row carries it. */
    record SessionSpan(Instant firstAt, Instant lastAt) {
    }

    /** At open, after migrations: readies the rollups (views, fills after a migration); returns the first free batch number. */
    long prepare(Connection c) throws SQLException;

    /** The websites with events not folded yet, each with its latest batch number. */
    Map<UUID, Long> tailBatches(Connection c) throws SQLException;

    /** How many events are not folded yet. */
    long tailSize(Connection c) throws SQLException;

    /** Merges the unfolded events into the rollups; returns the last batch number now folded. */
    long fold(Connection c) throws SQLException;

    /** Before a batch appends session data rows: the folded spans of their sessions (absent: none yet). */
    Map<UUID, SessionSpan> sessionSpans(Connection c, UUID websiteId, Collection<UUID> sessionIds) throws SQLException;

    /** Deletes these events (a crash's hits about to be shipped again) and rebuilds the rollup rows they touched. */
    void deleteEvents(Connection c, List<UUID> eventIds) throws SQLException;

    /** A website reset: deletes the website's rollup rows (the store deletes its events). */
    void deleteWebsite(Connection c, UUID websiteId) throws SQLException;
}
