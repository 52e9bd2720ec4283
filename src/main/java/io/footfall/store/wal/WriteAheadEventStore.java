package io.footfall.store.wal;

import io.footfall.event.CollectedHit;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
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
 * store keeps failing, hits stay safe in the log, reads wait at most {@link #BARRIER_TIMEOUT_MILLIS}, and
 * appends fail after as long once the backlog is full (nothing is acknowledged that is not in the log).
 */
public final class WriteAheadEventStore implements EventStore, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WriteAheadEventStore.class.getName());
    /** How long hits may wait to be shipped when nothing reads them; reads ship at once (the barrier). */
    public static final long DEFAULT_SHIP_INTERVAL_MILLIS = 200;
    private static final int SHIP_MAX_ROWS = 50_000;
    static final long BARRIER_TIMEOUT_MILLIS = 30_000;
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
    private final long shipIntervalMillis;
    private final Object lock = new Object();
    private List<CollectedHit> pending = new ArrayList<>();
    private long appendedSeq;
    private long shippedSeq;
    private long wantedSeq;
    private boolean closing;
    private final Thread shipper;

    private WriteAheadEventStore(EventStore store, HitLog log, int maxUnshipped, long shipIntervalMillis) {
        this.store = store;
        this.log = log;
        this.maxUnshipped = maxUnshipped;
        this.shipIntervalMillis = shipIntervalMillis;
        this.appendedSeq = log.lastSeq();
        this.shippedSeq = appendedSeq;
        this.shipper = Thread.ofPlatform().name("footfall-hit-shipper").daemon(true).start(this::shipLoop);
    }

    /**
     * Opens the log in {@code dir}, ships whatever a previous run left in it, and starts shipping; at most
     * {@code maxUnshipped} hits wait for the store (~1 KiB of heap and ~250 bytes of log each).
     */
    public static WriteAheadEventStore open(EventStore store, Path dir, int maxUnshipped) throws IOException, SQLException {
        return open(store, dir, HitLog.SEGMENT_BYTES, maxUnshipped, DEFAULT_SHIP_INTERVAL_MILLIS);
    }

    /**
     * As {@link #open(EventStore, Path, int)}, shipping unread hits every {@code shipInterval} (or at
     * 50,000): a store whose cost per batch is high (PostgreSQL: statements, round trips, a commit) wants fewer, larger batches.
     */
    public static WriteAheadEventStore open(EventStore store, Path dir, int maxUnshipped, java.time.Duration shipInterval)
            throws IOException, SQLException {
        return open(store, dir, HitLog.SEGMENT_BYTES, maxUnshipped, shipInterval.toMillis());
    }

    /** As {@link #open(EventStore, Path, int)} with the largest backlog MEMORY_LIMIT ever gives (tests). */
    static WriteAheadEventStore open(EventStore store, Path dir) throws IOException, SQLException {
        return open(store, dir, HitLog.SEGMENT_BYTES, 100_000, DEFAULT_SHIP_INTERVAL_MILLIS);
    }

    /** As {@link #open(EventStore, Path, int)} with the log's segment size and the backlog bound given (tests use small ones). */
    static WriteAheadEventStore open(EventStore store, Path dir, long segmentBytes, int maxUnshipped) throws IOException, SQLException {
        return open(store, dir, segmentBytes, maxUnshipped, DEFAULT_SHIP_INTERVAL_MILLIS);
    }

    private static WriteAheadEventStore open(EventStore store, Path dir, long segmentBytes, int maxUnshipped, long shipIntervalMillis)
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
        return new WriteAheadEventStore(store, opened.log(), maxUnshipped, shipIntervalMillis);
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
        barrier();
        store.foldPending();
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
        return store.hasTail(websiteId);
    }

    @Override
    public Dialect dialect() {
        return store.dialect();
    }

    /** Waits while the backlog is full; fails (before anything is written) if shipping makes no room in time. */
    private void awaitRoom() throws SQLException {
        long deadline = System.currentTimeMillis() + BARRIER_TIMEOUT_MILLIS;
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

    /** Waits until everything appended so far has reached the store. */
    private void barrier() {
        long deadline = System.currentTimeMillis() + BARRIER_TIMEOUT_MILLIS;
        synchronized (lock) {
            long target = appendedSeq;
            if (shippedSeq >= target) return;
            wantedSeq = Math.max(wantedSeq, target);
            lock.notifyAll();
            while (shippedSeq < target) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    LOG.warning("read barrier timed out; reading without the newest hits");
                    return;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
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
                synchronized (lock) {
                    List<CollectedHit> retry = new ArrayList<>(unshipped);
                    retry.addAll(pending);
                    pending = retry; // keep order; retry after a pause
                }
                sleepQuietly(1000);
                continue;
            }
            try {
                log.markShipped(upTo);
            } catch (IOException e) {
                // Worst case a restart ships these again, replacing the same rows: nothing lost or doubled.
                LOG.log(Level.WARNING, "cannot record shipping progress in the ingest log", e);
            }
            synchronized (lock) {
                shippedSeq = upTo;
                lock.notifyAll();
            }
        }
    }

    /**
     * Appends the batch; returns the hits not shipped (a suffix of it; empty when all went in). Each append is
     * all-or-nothing, so retrying a failed one stores nothing twice. When the whole batch fails, it is split
     * in halves to find the hits that fail alone while others go in: such a poison hit would otherwise block
     * the log forever; it is dropped with a SEVERE log line naming it. If nothing goes in, the store is at
     * fault, not a hit: everything stays in the log for the next try.
     */
    private List<CollectedHit> ship(List<CollectedHit> batch) {
        boolean[] anyShipped = {false};
        List<CollectedHit> left = shipIsolating(batch, anyShipped);
        if (!left.isEmpty() && !anyShipped[0] && left.size() > 1) {
            // the first hit failed alone and nothing went in yet: the hits after it tell the store's fault from the hit's
            List<CollectedHit> after = shipIsolating(left.subList(1, left.size()), anyShipped);
            if (anyShipped[0]) {
                quarantine(left.getFirst());
                return after;
            }
        }
        if (!left.isEmpty()) LOG.severe("cannot move " + left.size() + " hits into the store; they are safe in the log, retrying");
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
            if (!anyShipped[0]) return batch;
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

    private SQLException tryAppend(List<CollectedHit> batch) {
        try {
            store.append(batch);
            return null;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "appending " + batch.size() + " hits failed", e);
            return e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "appending " + batch.size() + " hits failed", e);
            return new SQLException(e.getMessage(), e);
        }
    }

    private void quarantine(CollectedHit hit) {
        quarantine(hit, tryAppend(List.of(hit)));
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
