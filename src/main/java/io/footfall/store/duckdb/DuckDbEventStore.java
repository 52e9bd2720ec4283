package io.footfall.store.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
import io.footfall.store.FoldingStore;
import io.footfall.store.SqlWork;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Events in the embedded DuckDB file, and the rollups kept beside them. A batch goes in through
 * {@link BatchAppender} inside one transaction, so it is all-or-nothing and durable on commit; {@link FoldSchedule}
 * decides when the tail is folded into the rollups (in writes of their own, after the append has committed). The
 * rollups themselves are the accelerator's: this store only calls them through {@link RollupMaintenance} (fold,
 * re-ship repair, website reset), which the composition root passes in.
 */
public final class DuckDbEventStore implements EventStore, FoldingStore {
    private final DuckDbConnections db;
    private final Dialect dialect = new DuckDbDialect();
    private final RollupMaintenance rollups;
    private final FoldSchedule folds;
    /** Sequence number of the next appended batch (events' ingest_seq; see V6). */
    private long nextSeq = 1;

    private DuckDbEventStore(DuckDbConnections db, RollupMaintenance rollups, int idleFoldSeconds) {
        this.db = db;
        this.rollups = rollups;
        this.folds = new FoldSchedule(db, rollups, idleFoldSeconds);
    }

    /** The store over a migrated database, its rollups ready; the tail is folded early only when full or old. */
    public static DuckDbEventStore open(DuckDbConnections db, RollupMaintenance rollups) throws SQLException {
        return open(db, rollups, 0);
    }

    /**
     * The store over a migrated database, its rollups ready ({@link #prepare}); the tail is also folded
     * {@code idleFoldSeconds} after appends pause (0: not).
     */
    public static DuckDbEventStore open(DuckDbConnections db, RollupMaintenance rollups, int idleFoldSeconds) throws SQLException {
        DuckDbEventStore store = new DuckDbEventStore(db, rollups, idleFoldSeconds);
        store.prepare();
        store.folds.startIdleFolds();
        return store;
    }

    /**
     * Readies the rollups after migrations: creates the tail views, fills rollups a migration added from
     * the events already stored, and finds the next batch sequence number and the websites with a tail.
     */
    private void prepare() throws SQLException {
        db.write(c -> {
            nextSeq = rollups.prepare(c);
            folds.findTails(c);
            return null;
        });
    }

    @Override
    public boolean hasTail(UUID websiteId) {
        return folds.hasTail(websiteId);
    }

    @Override
    public void append(List<CollectedHit> hits) throws SQLException {
        if (hits.isEmpty()) return;
        List<UUID> websites = new ArrayList<>();
        int events = 0;
        for (CollectedHit hit : hits) {
            if (!hit.ordinaryEvent()) continue;
            websites.add(hit.websiteId());
            events++;
        }
        int eventCount = events;
        db.write(c -> {
            folds.beforeBatch(websites, nextSeq);
            BatchAppender.append(db.writerConnection(), c, hits, nextSeq, rollups);
            folds.afterBatch(c, eventCount);
            nextSeq++;
            return null;
        });
        folds.afterCommit(); // a fold, if due, is a write of its own: its failure leaves this batch stored
    }

    @Override
    public void foldPending() throws SQLException {
        folds.foldNow();
    }

    /** Removes events (re-shipping after a crash) and rebuilds the rollup rows they touched ({@link RollupMaintenance#deleteEvents}). */
    @Override
    public void deleteEvents(Collection<UUID> eventIds) throws SQLException {
        if (eventIds.isEmpty()) return;
        List<UUID> ids = List.copyOf(eventIds);
        db.write(c -> {
            db.fenceThisCommit();
            rollups.deleteEvents(c, ids);
            return null;
        });
    }

    @Override
    public void deleteWebsiteData(UUID websiteId) throws SQLException {
        db.write(c -> {
            db.fenceThisCommit();
            rollups.deleteWebsite(c, websiteId);
            for (String table : List.of("event", "event_data", "session_data", "flagged_event")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE website_id = ?")) {
                    ps.setObject(1, websiteId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        return db.read(work);
    }

    /**
     * Runs the reading again whenever a fold (or re-ship, or reset) committed while it ran. A fold commits
     * at most every few seconds, so once is the rule; a reading that keeps meeting folds (a slow one under
     * heavy ingest) holds back new folds for its next run instead, after the one under way has committed.
     */
    @Override
    public <T> T readTogether(Reading<T> reading) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            boolean hold = attempt >= 2;
            if (hold) folds.hold();
            try {
                long stamp = db.readStamp();
                T result = reading.run();
                if (db.unchangedSince(stamp)) return result;
            } finally {
                if (hold) folds.release();
            }
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }
}
