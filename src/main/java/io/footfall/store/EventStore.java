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
     * Folds pending pre-aggregation deltas into their tables (the store also does this by itself now and
     * then); results never depend on it, only speed does.
     */
    default void foldPending() throws SQLException {
    }

    /** Runs read-only work on a pooled connection. */
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

    /**
     * False only when the website surely has no events the rollups do not hold yet, so readers may skip
     * looking for them; true when unsure. A read after this sees at least what it saw.
     */
    default boolean hasTail(UUID websiteId) throws SQLException {
        return true;
    }

    /** The SQL dialect of this store, for the query layer. */
    Dialect dialect();
}
