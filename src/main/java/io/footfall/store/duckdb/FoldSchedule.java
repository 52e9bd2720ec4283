package io.footfall.store.duckdb;

import io.footfall.accelerate.duckdb.Rollups;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When the tail is folded into the rollups: after an append once it holds {@link #FOLD_ROWS} events or the last
 * fold is {@link #FOLD_NANOS} old, and from a background thread a few seconds after appends pause (a burst, then
 * a dashboard), so reads do not keep paying for a tail. Remembers which websites have a tail, so readers skip
 * the tail lookups for the others, and lets reads hold new folds back ({@link #hold}).
 */
final class FoldSchedule {
    /**
     * Fold the tail into the rollups when it holds this many events, or when the last fold is this old.
     * Each fold scans the rollup tables, so under heavy ingest fewer, larger folds cost less; readers stay
     * exact either way (the tail is read from events), just slower while it is large.
     */
    static final int FOLD_ROWS = 100_000;
    static final long FOLD_NANOS = 30_000_000_000L;
    private static final System.Logger LOG = System.getLogger(FoldSchedule.class.getName());

    private final DuckDbConnections db;
    /** How long appends must pause before the tail is folded early; 0: never early (tests keep their tails). */
    private final long idleFoldNanos;
    /**
     * How old the last fold may get before the next append or the background thread folds: {@link #FOLD_NANOS},
     * or never when idle folds are off, so a test's pending tail stays pending however long the test runs.
     */
    private final long maxFoldAgeNanos;
    /**
     * Websites with events not folded yet, each with its latest batch. Marked before a batch commits and
     * cleared only after a fold commits, so a reader never skips a tail it could see.
     */
    private final ConcurrentHashMap<UUID, Long> tail = new ConcurrentHashMap<>();
    /** Reads holding back new folds; folds start only while this is zero. */
    private final AtomicInteger holds = new AtomicInteger();
    /** Set by a fold inside a write: batches up to it are folded once that write commits. */
    private long foldedThrough = -1;
    private volatile long lastAppend = System.nanoTime();
    private volatile long pendingRows = -1;
    private volatile long lastFold = System.nanoTime();

    FoldSchedule(DuckDbConnections db, int idleFoldSeconds) {
        this.db = db;
        this.idleFoldNanos = idleFoldSeconds * 1_000_000_000L;
        this.maxFoldAgeNanos = idleFoldSeconds > 0 ? FOLD_NANOS : Long.MAX_VALUE;
    }

    /** Reads which websites have a tail (at open, inside a write). */
    void findTails(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT website_id, max(ingest_seq) FROM " + Rollups.TAIL + " GROUP BY website_id")) {
            while (rs.next()) tail.put((UUID) rs.getObject(1), rs.getLong(2));
        }
    }

    /** Starts the thread that folds after appends pause; it ends when the store is closed. */
    void startIdleFolds() {
        Thread.ofPlatform().name("footfall-fold").daemon(true).start(this::foldWhenIdle);
    }

    private void foldWhenIdle() {
        while (true) {
            try {
                Thread.sleep(1000);
                long now = System.nanoTime();
                boolean paused = idleFoldNanos > 0 && now - lastAppend > idleFoldNanos && now - lastFold > 3 * idleFoldNanos;
                if (!tail.isEmpty() && holds.get() == 0 && (paused || now - lastFold > maxFoldAgeNanos)) foldNow();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (db.isClosed()) return;
                LOG.log(System.Logger.Level.WARNING, "folding the rollups failed; retrying later", e);
            }
        }
    }

    boolean hasTail(UUID websiteId) {
        return tail.containsKey(websiteId);
    }

    /** Inside the write of a batch numbered {@code seq}, before its rows go in: its websites now have a tail. */
    void beforeBatch(List<UUID> websites, long seq) {
        lastAppend = System.nanoTime();
        foldedThrough = -1;
        for (UUID w : websites) tail.merge(w, seq, Math::max);
    }

    /** Inside the write of a batch with {@code events} events, after its rows went in: folds when the tail is due. */
    void afterBatch(Connection c, int events) throws SQLException {
        if (events == 0) return;
        if (pendingRows < 0) pendingRows = Rollups.tailSize(c);
        else pendingRows += events;
        if (holds.get() == 0 && (pendingRows >= FOLD_ROWS || System.nanoTime() - lastFold > maxFoldAgeNanos)) fold(c);
    }

    /** Folds the whole tail now, in a write of its own. */
    void foldNow() throws SQLException {
        db.write(c -> {
            foldedThrough = -1;
            fold(c);
            return null;
        });
        afterCommit();
    }

    private void fold(Connection c) throws SQLException {
        long start = System.nanoTime();
        db.fenceThisCommit();
        foldedThrough = Rollups.fold(c);
        if (io.footfall.store.SqlTrace.on()) System.err.printf(java.util.Locale.ROOT, "fold %.1f ms: %d events%n", (System.nanoTime() - start) / 1e6, pendingRows);
        pendingRows = 0;
        lastFold = System.nanoTime();
    }

    /** After a write that may have folded has committed: forget websites whose tail it folded. */
    void afterCommit() {
        long folded = foldedThrough;
        if (folded < 0) return;
        foldedThrough = -1;
        tail.entrySet().removeIf(e -> e.getValue() <= folded);
    }

    /** Holds new folds back until {@link #release}, after the one under way (if any) has committed. */
    void hold() {
        holds.incrementAndGet();
        db.awaitWrite();
    }

    void release() {
        holds.decrementAndGet();
    }
}
