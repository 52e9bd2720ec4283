package io.footfall.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When the tail is folded into the rollups: after an append has committed, once the tail holds {@link #FOLD_ROWS}
 * events or the last fold is {@link #FOLD_NANOS} old, and from a background thread a few seconds after appends pause
 * (a burst, then a dashboard), so reads do not keep paying for a tail. A fold is always a write of its own: when it
 * fails (DuckDB out of memory at a small memory limit) the appends still commit, readers stay exact over the longer
 * tail, and the fold is tried again after a back-off. Remembers which websites have a tail, so readers skip the tail
 * lookups for the others, and lets reads hold new folds back ({@link #hold}).
 */
final class FoldSchedule {
    /**
     * Fold the tail into the rollups when it holds this many events, or when the last fold is this old.
     * Each fold scans the rollup tables, so under heavy ingest fewer, larger folds cost less; readers stay
     * exact either way (the tail is read from events), just slower while it is large.
     */
    static final int FOLD_ROWS = 100_000;
    static final long FOLD_NANOS = 30_000_000_000L;
    /** The first wait after a failed fold; it doubles with each failure in a row, up to {@link #MAX_BACKOFF_NANOS}. */
    static final long FIRST_BACKOFF_NANOS = 1_000_000_000L;
    static final long MAX_BACKOFF_NANOS = 60_000_000_000L;
    private static final System.Logger LOG = System.getLogger(FoldSchedule.class.getName());

    private final DuckDbConnections db;
    private final RollupMaintenance rollups;
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
    /** Folds that failed in a row, and when the next may start (back-off); a fold that commits resets both. */
    private volatile int failures;
    private volatile long retryAt;
    private volatile long lastAppend = System.nanoTime();
    private volatile long pendingRows = -1;
    private volatile long lastFold = System.nanoTime();

    FoldSchedule(DuckDbConnections db, RollupMaintenance rollups, int idleFoldSeconds) {
        this.db = db;
        this.rollups = rollups;
        this.idleFoldNanos = idleFoldSeconds * 1_000_000_000L;
        this.maxFoldAgeNanos = idleFoldSeconds > 0 ? FOLD_NANOS : Long.MAX_VALUE;
    }

    /** Reads which websites have a tail (at open, inside a write). */
    void findTails(Connection c) throws SQLException {
        tail.putAll(rollups.tailBatches(c));
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
                if (!tail.isEmpty() && mayStart(now) && (paused || now - lastFold > maxFoldAgeNanos)) tryFold();
                if (db.isClosed()) return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** No read holds folds back, and the back-off after a failed fold is over. */
    private boolean mayStart(long now) {
        return holds.get() == 0 && (failures == 0 || now - retryAt >= 0);
    }

    boolean hasTail(UUID websiteId) {
        return tail.containsKey(websiteId);
    }

    /** Inside the write of a batch numbered {@code seq}, before its rows go in: its websites now have a tail. */
    void beforeBatch(List<UUID> websites, long seq) {
        lastAppend = System.nanoTime();
        for (UUID w : websites) tail.merge(w, seq, Math::max);
    }

    /** Inside the write of a batch with {@code events} events, after its rows went in: counts the tail. */
    void afterBatch(Connection c, int events) throws SQLException {
        if (events == 0) return;
        if (pendingRows < 0) pendingRows = rollups.tailSize(c);
        else pendingRows += events;
    }

    /**
     * After a batch's write has committed: folds when the tail is due, in a write of its own, so that a failing
     * fold never fails or rolls back the append. A failure is logged and the fold tried again after a back-off.
     */
    void afterCommit() {
        long now = System.nanoTime();
        if (mayStart(now) && (pendingRows >= FOLD_ROWS || now - lastFold > maxFoldAgeNanos)) tryFold();
    }

    private void tryFold() {
        try {
            foldNow();
        } catch (SQLException | RuntimeException e) {
            if (db.isClosed()) return;
            int failed = ++failures;
            long backoff = Math.min(FIRST_BACKOFF_NANOS << Math.min(failed - 1, 20), MAX_BACKOFF_NANOS);
            retryAt = System.nanoTime() + backoff;
            LOG.log(System.Logger.Level.WARNING, "folding the rollups failed (" + failed + " in a row); appends go on, reads stay exact"
                    + " over the unfolded tail; next try in " + backoff / 1_000_000_000L + " s", e);
        }
    }

    /** Folds the whole tail now, in a write of its own; then forgets the websites whose tail it folded. */
    void foldNow() throws SQLException {
        long folded;
        try {
            folded = db.write(this::fold);
        } catch (SQLException | RuntimeException e) {
            pendingRows = -1; // recounted at the next append: the failed write may have counted a tail it did not fold
            throw e;
        }
        failures = 0;
        lastFold = System.nanoTime();
        tail.entrySet().removeIf(e -> e.getValue() <= folded);
    }

    private long fold(Connection c) throws SQLException {
        long start = System.nanoTime();
        db.fenceThisCommit();
        long folded = rollups.fold(c);
        if (io.footfall.store.SqlTrace.on()) System.err.printf(java.util.Locale.ROOT, "fold %.1f ms: %d events%n", (System.nanoTime() - start) / 1e6, pendingRows);
        pendingRows = 0; // appends wait for this write to commit, and a failed commit sets -1 above
        return folded;
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
