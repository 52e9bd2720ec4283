package io.footfall.http;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;

/**
 * Runs a read that ran out of the database's memory share once more, with no other read beside it. At a small
 * {@code MEMORY_LIMIT} (DuckDB's 50 MiB at 350m) a dashboard read fails mostly because other reads pinned memory
 * at the same time, not because it needs more than the share (h20-mem, h22-soak, h23-rss in docs/benchmarks.md):
 * waiting for them and trying again answers it instead of refusing. The whole handler runs again, so the answer is
 * the one a first run would give (a retry inside a connection's work could repeat rows a reader had collected).
 * Only a second out-of-memory failure, with the database to itself, becomes the 503 of {@link DatabaseOutOfMemory}.
 * <p>
 * Every read holds the shared side of one lock while it runs; the retry takes the exclusive side, which waits for
 * the reads under way, and (the lock being fair) makes reads that arrive meanwhile queue behind it.
 */
final class ReadsAlone {
    private static final Logger LOG = Logger.getLogger(ReadsAlone.class.getName());
    private final ReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** {@code handler} with the retry; for routes that only read (a second run must not repeat an effect). */
    Handler wrap(Handler handler) {
        return request -> {
            lock.readLock().lock();
            try {
                return handler.handle(request);
            } catch (Exception e) {
                if (DatabaseOutOfMemory.answerFor(e) == null) throw e;
            } finally {
                lock.readLock().unlock();
            }
            lock.writeLock().lock();
            try {
                LOG.info("running a read again alone after it ran out of the database's memory");
                return handler.handle(request);
            } finally {
                lock.writeLock().unlock();
            }
        };
    }
}
