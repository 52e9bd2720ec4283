package io.footfall.store;

import io.footfall.event.CollectedHit;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** The analytics store: append-only writes from collection, SQL reads for the query layer. */
public interface EventStore {

    /** Appends every hit in one transaction; when this returns, all of them are durable. */
    void append(List<CollectedHit> hits) throws SQLException;

    /** Removes these events and their event data, if present (re-shipping hits after a crash). */
    void deleteEvents(java.util.Collection<UUID> eventIds) throws SQLException;

    /** Removes every event, event data and session data row of a website (website reset / delete). */
    void deleteWebsiteData(UUID websiteId) throws SQLException;

    /**
     * Runs read-only work on a pooled connection. A JDBC connection must not cross the query seam: only the readers
     * behind it may call this (query and query.reference, accelerate.*, report, tinytrail.report, bench, and the stores
     * themselves); the HTTP layer asks {@code io.footfall.query.Analytics} or a report instead. PackageCyclesTest
     * checks the callers. Rollup ideas (folding, the tail) are not here but on {@link FoldingStore}.
     */
    <T> T read(SqlWork<T> work) throws SQLException;

    /** A read made of several {@link #read} calls, maybe on several threads. */
    @FunctionalInterface
    interface Reading<T> {
        T run() throws SQLException;
    }

    /**
     * Runs a read made of several statements so that they all see the rollups in one state: a store that
     * moves events from a tail into rollups runs it again when such a move committed meanwhile (each statement
     * has its own snapshot, so the read could otherwise count those events twice or not at all).
     */
    default <T> T readTogether(Reading<T> reading) throws SQLException {
        return reading.run();
    }

    /** The SQL dialect of this store, for the query layer. */
    Dialect dialect();
}
