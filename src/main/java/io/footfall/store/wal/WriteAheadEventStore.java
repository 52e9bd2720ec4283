package io.footfall.store.wal;

import io.footfall.event.CollectedHit;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
import io.footfall.store.FoldingStore;
import io.footfall.store.SqlWork;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes collected hits durable in a write-ahead {@link HitLog} (one sequential write and one fsync per
 * group commit) and ships them to the analytics store in large batches in the background, where
 * columnar appends are cheap. This decouples the cost of durability from the cost of the store's
 * transactions, which on DuckDB is a fixed few milliseconds per commit whatever the batch size.
 * <p>
 * Reads stay consistent: before any read, everything appended before it is shipped (a read barrier),
 * so a client sees its acknowledged hits. At start, hits a crash left in the log are shipped again,
 * replacing any rows of theirs that had already reached the store, so nothing is lost or doubled.
 * <p>
 * Bounds: at most {@code maxUnshipped} hits are appended but not shipped (held in memory and in the log);
 * beyond that {@link #append} waits for shipping (the ingest queue then fills and collect answers 503),
 * so neither the heap nor the log grows without bound when the store falls behind, e.g. during a long fold.
 * <p>
 * Hazards: {@link #append} must be called by one thread at a time (the ingest queue's writer); if the
 * store keeps failing (out of memory, disk), hits stay safe in the log and the shipper retries with back-off;
 * reads wait at most the read barrier's timeout and then fail with {@link ShippingBehindException} (the API
 * answers 503) rather than answer without acknowledged hits, and appends fail after {@link #APPEND_WAIT_MILLIS}
 * once the backlog is full (nothing is acknowledged that is not in the log).
 */
public final class WriteAheadEventStore implements EventStore, FoldingStore, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WriteAheadEventStore.class.getName());
    /** How long hits may wait to be shipped when nothing reads them; reads ship at once (the barrier). */
    public static final long DEFAULT_SHIP_INTERVAL_MILLIS = 200;
    private static final int SHIP_MAX_ROWS = 50_000;
    /** How long the writer waits for room in a full backlog before failing its batch (collect then answers 503). */
    static final long APPEND_WAIT_MILLIS = 30_000;
    /** Pauses between tries while the store rejects every hit: from the first to the last, doubling. */
    static final long FIRST_RETRY_MILLIS = 250;
    /** Longest extra wait of a read for a store that is slow but not failing. */
    static final long SLOW_STORE_MILLIS = 50_000;
    static final long MAX_RETRY_MILLIS = 5_000;
    /** Set while a thread runs a {@link #readTogether}, and in the threads it starts for parts of it (Parallel). */
    private static final InheritableThreadLocal<Boolean> IN_READ_TOGETHER = new InheritableThreadLocal<>() {
        @Override
        protected Boolean initialValue() {
            return false;
        }
    };

    private final EventStore store;
    private final HitLog log;
    private final int maxUnshipped;
    private final long barrierTimeoutMillis;
    private final long shipIntervalMillis;
    private final Object lock = new Object();
    private List<CollectedHit> pending = new ArrayList<>();
    private long appendedSeq;
    private long shippedSeq;
    private long wantedSeq;
    private boolean closing;
    /** Pause before the shipper's next try; 0 while the store takes hits. */
    private long retryMillis;
    private final Thread shipper;

    private WriteAheadEventStore(EventStore store, HitLog log, int maxUnshipped, long barrierTimeoutMillis, long shipIntervalMillis) {
        this.store = store;
        this.log = log;
        this.maxUnshipped = maxUnshipped;
        this.barrierTimeoutMillis = barrierTimeoutMillis;
        this.shipIntervalMillis = shipIntervalMillis;
        this.appendedSeq = log.lastSeq();
        this.shippedSeq = appendedSeq;
        this.shipper = Thread.ofPlatform().name("footfall-hit-shipper").daemon(true).start(this::shipLoop);
    }

    /**
     * Opens the log in {@code dir}, ships whatever a previous run left in it, and starts shipping; at most
     * {@code maxUnshipped} hits wait for the store (~1 KiB of heap and ~250 bytes of log each); a read waits at most
     * {@code readBarrierTimeout} for the hits acknowledged before it to reach the store.
     */
    public static WriteAheadEventStore open(EventStore store, Path dir, int maxUnshipped, java.time.Duration readBarrierTimeout)
            throws IOException, SQLException {
        return open(store, dir, maxUnshipped, readBarrierTimeout, java.time.Duration.ofMillis(DEFAULT_SHIP_INTERVAL_MILLIS));
    }

    /**
     * As {@link #open(EventStore, Path, int, java.time.Duration)}, shipping unread hits every {@code shipInterval} (or at
     * 50,000): a store whose cost per batch is high (PostgreSQL: statements, round trips, a commit) wants fewer, larger batches.
     */
    public static WriteAheadEventStore open(EventStore store, Path dir, int maxUnshipped, java.time.Duration readBarrierTimeout,
                                            java.time.Duration shipInterval) throws IOException, SQLException {
        return open(store, dir, HitLog.SEGMENT_BYTES, maxUnshipped, readBarrierTimeout.toMillis(), shipInterval.toMillis());
    }

    /** With the largest backlog MEMORY_LIMIT ever gives and the default read barrier timeout (tests). */
    static WriteAheadEventStore open(EventStore store, Path dir) throws IOException, SQLException {
        return open(store, dir, HitLog.SEGMENT_BYTES, 100_000);
    }

    /** With the log's segment size and the backlog bound given (tests use small ones) and the default read barrier timeout. */
    static WriteAheadEventStore open(EventStore store, Path dir, long segmentBytes, int maxUnshipped) throws IOException, SQLException {
        return open(store, dir, segmentBytes, maxUnshipped, io.footfall.config.Settings.DEFAULT_READ_BARRIER_TIMEOUT_SECONDS * 1000L);
    }

    static WriteAheadEventStore open(EventStore store, Path dir, long segmentBytes, int maxUnshipped, long barrierTimeoutMillis)
            throws IOException, SQLException {
        return open(store, dir, segmentBytes, maxUnshipped, barrierTimeoutMillis, DEFAULT_SHIP_INTERVAL_MILLIS);
    }

    private static WriteAheadEventStore open(EventStore store, Path dir, long segmentBytes, int maxUnshipped, long barrierTimeoutMillis,
                                             long shipIntervalMillis)
            throws IOException, SQLException {
        HitLog.Opened opened = HitLog.open(dir, segmentBytes);
        List<CollectedHit> recovered = opened.recovered();
        if (!recovered.isEmpty()) {
            List<UUID> ids = new ArrayList<>();
            for (CollectedHit h : recovered) if (h.event() != null) ids.add(h.event().eventId());
            store.deleteEvents(ids);
            for (int i = 0; i < recovered.size(); i += SHIP_MAX_ROWS) {
                store.append(recovered.subList(i, Math.min(recovered.size(), i + SHIP_MAX_ROWS)));
            }
            LOG.info("recovered " + recovered.size() + " hits from the write-ahead log");
        }
        opened.log().markShipped(opened.log().lastSeq());
        return new WriteAheadEventStore(store, opened.log(), maxUnshipped, barrierTimeoutMillis, shipIntervalMillis);
    }

    /** Durable on return (fsync'ed to the log); visible to reads at the latest by the next read. */
    @Override
    public void append(List<CollectedHit> hits) throws SQLException {
        if (hits.isEmpty()) return;
        awaitRoom();
        long last;
        try {
            last = log.append(hits);
        } catch (IOException e) {
            throw new SQLException("cannot write the ingest log: " + e.getMessage(), e);
        }
        synchronized (lock) {
            pending.addAll(hits);
            appendedSeq = last;
            if (pending.size() >= SHIP_MAX_ROWS) lock.notifyAll();
        }
    }

    @Override
    public void deleteEvents(java.util.Collection<UUID> eventIds) throws SQLException {
        barrier();
        store.deleteEvents(eventIds);
    }

    @Override
    public void foldPending() throws SQLException {
        awaitShipped(APPEND_WAIT_MILLIS); // a fold only makes reads faster: without the newest hits it is still right
        FoldingStore.foldPending(store);
    }

    @Override
    public void deleteWebsiteData(UUID websiteId) throws SQLException {
        barrier();
        store.deleteWebsiteData(websiteId);
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        if (!IN_READ_TOGETHER.get()) barrier();
        return store.read(work);
    }

    /**
     * One barrier for the whole read, before its first statement: every hit appended before the read began is
     * then visible to all of its statements. Under steady traffic a barrier per statement waited for a ship
     * each time (a write behind any running fold), several per dashboard request.
     */
    @Override
    public <T> T readTogether(Reading<T> reading) throws SQLException {
        if (IN_READ_TOGETHER.get()) return store.readTogether(reading);
        barrier();
        IN_READ_TOGETHER.set(true);
        try {
            return store.readTogether(reading);
        } finally {
            IN_READ_TOGETHER.remove();
        }
    }

    @Override
    public boolean hasTail(UUID websiteId) throws SQLException {
        barrier();
        return FoldingStore.hasTail(store, websiteId);
    }

    @Override
    public Dialect dialect() {
        return store.dialect();
    }

    /** Waits while the backlog is full; fails (before anything is written) if shipping makes no room in time. */
    private void awaitRoom() throws SQLException {
        long deadline = System.currentTimeMillis() + APPEND_WAIT_MILLIS;
        synchronized (lock) {
            while (appendedSeq - shippedSeq >= maxUnshipped && !closing) {
                wantedSeq = Math.max(wantedSeq, appendedSeq);
                lock.notifyAll();
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new SQLException("the store is behind: " + (appendedSeq - shippedSeq) + " hits wait to be shipped");
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the store to catch up", e);
                }
            }
        }
    }

    /**
     * Waits until everything appended so far has reached the store; throws {@link ShippingBehindException} when that
     * takes longer than the read barrier's timeout (a read then would silently miss acknowledged hits).
     */
    private void barrier() throws SQLException {
        if (!awaitShipped(barrierTimeoutMillis) && !slowButWorking()) {
            synchronized (lock) {
                long behind = appendedSeq - shippedSeq;
                LOG.warning("read barrier timed out after " + barrierTimeoutMillis + " ms: " + behind + " acknowledged hits are not in the store yet"
                        + (retryMillis > 0 ? " (the store is failing; retrying every " + retryMillis + " ms)" : ""));
                throw new ShippingBehindException("Recently collected hits are not in the database yet (" + behind + " waiting"
                        + (retryMillis > 0 ? "; the database is failing to take them, see the server log" : "")
                        + "), so this answer would leave them out: try again shortly",
                        Math.max(1, (Math.max(retryMillis, FIRST_RETRY_MILLIS) + 999) / 1000));
            }
        }
    }

    /**
     * Past the barrier's timeout, a store that is slow but taking hits (a ship queued behind a long fold, a busy
     * machine) gets up to {@link #SLOW_STORE_MILLIS} more, as long as it does not start failing: only a failing
     * store turns a read into a 503. True when the hits arrived meanwhile.
     */
    private boolean slowButWorking() throws SQLException {
        long deadline = System.currentTimeMillis() + SLOW_STORE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            synchronized (lock) {
                if (retryMillis > 0) return false;
            }
            if (awaitShipped(Math.min(1_000, Math.max(1, deadline - System.currentTimeMillis())))) return true;
        }
        return false;
    }

    /** Waits up to {@code timeoutMillis} until everything appended so far has reached the store; false when it has not. */
    private boolean awaitShipped(long timeoutMillis) throws SQLException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            long target = appendedSeq;
            if (shippedSeq >= target) return true;
            wantedSeq = Math.max(wantedSeq, target);
            lock.notifyAll();
            while (shippedSeq < target) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return false;
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the store to take the newest hits", e);
                }
            }
            return true;
        }
    }

    private void shipLoop() {
        while (true) {
            List<CollectedHit> batch;
            long upTo;
            synchronized (lock) {
                long waitUntil = System.currentTimeMillis() + shipIntervalMillis;
                while (!closing && wantedSeq <= shippedSeq && pending.size() < SHIP_MAX_ROWS) {
                    long left = waitUntil - System.currentTimeMillis();
                    if (left <= 0 && !pending.isEmpty()) break;
                    if (left <= 0) waitUntil = System.currentTimeMillis() + shipIntervalMillis;
                    try {
                        lock.wait(Math.max(1, left));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    if (closing) return;
                    continue;
                }
                batch = pending;
                pending = new ArrayList<>(Math.max(16, batch.size()));
                upTo = appendedSeq;
            }
            List<CollectedHit> unshipped = ship(batch);
            if (!unshipped.isEmpty()) {
                long pause;
                synchronized (lock) {
                    List<CollectedHit> retry = new ArrayList<>(unshipped);
                    retry.addAll(pending);
                    pending = retry; // keep order; retry after a pause that grows while the store keeps failing
                    if (closing && retryMillis >= MAX_RETRY_MILLIS) {
                        LOG.severe("stopping with " + pending.size() + " hits not in the store; they are safe in the log and shipped at the next start");
                        return;
                    }
                    retryMillis = retryMillis == 0 ? FIRST_RETRY_MILLIS : Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
                    pause = retryMillis;
                }
                sleepQuietly(pause);
                continue;
            }
            try {
                log.markShipped(upTo);
            } catch (IOException e) {
                // Worst case a restart ships these again, replacing the same rows: nothing lost or doubled.
                LOG.log(Level.WARNING, "cannot record shipping progress in the ingest log", e);
            }
            synchronized (lock) {
                if (retryMillis > 0) LOG.info("the store takes hits again; " + (appendedSeq - upTo) + " still wait to be shipped");
                retryMillis = 0;
                shippedSeq = upTo;
                lock.notifyAll();
            }
        }
    }

    /**
     * Appends the batch; returns the hits not shipped, in order (empty when all went in). Each append is
     * all-or-nothing, so retrying a failed one stores nothing twice. When the whole batch fails, it is split
     * in halves to find the hits that fail alone while others go in: such a poison hit would otherwise block
     * the log forever; it is dropped with a SEVERE log line naming it. If nothing goes in, the store is at
     * fault, not a hit: everything stays in the log for the next try. A hit whose failure is the store's own
     * (out of memory, disk: {@link StoreFaults}) is never dropped, even when smaller batches went in meanwhile.
     */
    private List<CollectedHit> ship(List<CollectedHit> batch) {
        boolean[] anyShipped = {false};
        List<CollectedHit> left = shipIsolating(batch, anyShipped);
        if (!left.isEmpty() && !anyShipped[0] && left.size() > 1) {
            // the first hit failed alone and nothing went in yet: the hits after it tell the store's fault from the hit's
            List<CollectedHit> after = shipIsolating(left.subList(1, left.size()), anyShipped);
            if (anyShipped[0]) {
                if (quarantine(left.getFirst())) return after;
                List<CollectedHit> kept = new ArrayList<>(List.of(left.getFirst()));
                kept.addAll(after);
                return kept;
            }
        }
        if (!left.isEmpty()) {
            LOG.severe("cannot move " + left.size() + " hits into the store; they are safe in the log, retrying in "
                    + Math.min(MAX_RETRY_MILLIS, Math.max(FIRST_RETRY_MILLIS, retryMillis * 2)) + " ms");
        }
        return left;
    }

    /** Appends {@code batch} in order, bisecting on failure; returns the suffix not shipped. */
    private List<CollectedHit> shipIsolating(List<CollectedHit> batch, boolean[] anyShipped) {
        SQLException failure = tryAppend(batch);
        if (failure == null) {
            anyShipped[0] = true;
            return List.of();
        }
        if (batch.size() == 1) {
            if (!anyShipped[0] || StoreFaults.isStoreFault(failure)) return batch;
            quarantine(batch.getFirst(), failure);
            return List.of();
        }
        int mid = batch.size() / 2;
        List<CollectedHit> rest = shipIsolating(batch.subList(0, mid), anyShipped);
        if (!rest.isEmpty()) {
            List<CollectedHit> out = new ArrayList<>(rest);
            out.addAll(batch.subList(mid, batch.size()));
            return out;
        }
        return shipIsolating(batch.subList(mid, batch.size()), anyShipped);
    }

    /** Null when the batch went in; else the failure (logged in full once per run of failures, then only counted). */
    private SQLException tryAppend(List<CollectedHit> batch) {
        SQLException failure;
        try {
            store.append(batch);
            return null;
        } catch (SQLException e) {
            failure = e;
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = new SQLException(e.getMessage(), e);
        }
        if (retryMillis == 0) LOG.log(Level.WARNING, "appending " + batch.size() + " hits failed", failure);
        else LOG.fine("appending " + batch.size() + " hits failed: " + failure.getMessage());
        return failure;
    }

    /** Tries the hit alone once more; drops it if the store still rejects it for itself. False: kept, the store is at fault. */
    private boolean quarantine(CollectedHit hit) {
        SQLException failure = tryAppend(List.of(hit));
        if (failure != null && StoreFaults.isStoreFault(failure)) return false;
        quarantine(hit, failure);
        return true;
    }

    private void quarantine(CollectedHit hit, SQLException failure) {
        if (failure == null) return; // went in on its own this time
        LOG.severe("dropping a hit the store rejects while it accepts others (website " + hit.websiteId() + ", session " + hit.sessionId()
                + (hit.event() == null ? "" : ", event " + hit.event().eventId()) + "): " + failure.getMessage());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ships what is pending, then stops; the log is then empty of unshipped hits. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            shipper.join(60_000);
            log.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing the ingest log", e);
        }
    }
}
