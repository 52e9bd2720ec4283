package io.footfall.store;

import java.sql.SQLException;
import java.util.UUID;

/**
 * A capability of an event store that keeps rollups beside its events and moves new events from a tail into them
 * now and then (DuckDB, and the write-ahead log in front of it). Not part of {@link EventStore}: the generic
 * interface knows no rollups, and a store without them (PostgreSQL writes its rollup rows with each batch) simply
 * does not implement this. Ask through {@link #foldPending(EventStore)} and {@link #hasTail(EventStore, UUID)}.
 */
public interface FoldingStore {

    /**
     * Folds pending pre-aggregation deltas into their tables (the store also does this by itself now and
     * then); results never depend on it, only speed does.
     */
    void foldPending() throws SQLException;

    /**
     * False only when the website surely has no events the rollups do not hold yet, so readers may skip
     * looking for them; true when unsure. A read after this sees at least what it saw.
     */
    boolean hasTail(UUID websiteId) throws SQLException;

    /** Folds now when {@code store} folds; nothing otherwise. */
    static void foldPending(EventStore store) throws SQLException {
        if (store instanceof FoldingStore f) f.foldPending();
    }

    /** {@link #hasTail(UUID)} when {@code store} folds; true (unsure) otherwise. */
    static boolean hasTail(EventStore store, UUID websiteId) throws SQLException {
        return !(store instanceof FoldingStore f) || f.hasTail(websiteId);
    }
}
