package io.footfall.store.duckdb;

import java.util.concurrent.locks.StampedLock;

/**
 * Tells a read made of several statements whether a commit that moved rows between the rollups and the
 * tail (a fold, a re-ship, a website reset) happened while it ran. Each statement sees its own snapshot,
 * so such a read could otherwise count an event once as folded and once as tail, or not at all.
 * <p>
 * A sequence lock: the committing writer holds it exclusively only around its commit, readers hold
 * nothing, they take a stamp before their first statement and check it after their last. A commit
 * visible to any of their statements began after the stamp was taken, so the check fails and the read
 * runs again. Appends do not pass through here (they come every few milliseconds under load, and would
 * keep such reads running again): they only add events to the tail, which no rollup row holds, so they
 * cannot make a read count an event twice.
 */
final class RollupFence {
    private final StampedLock lock = new StampedLock();

    /** A stamp to check with {@link #unchanged} after the read; waits while a fenced commit is under way. */
    long begin() {
        long stamp = lock.tryOptimisticRead();
        while (stamp == 0) {
            lock.unlockRead(lock.readLock()); // a commit is under way: wait for it to end
            stamp = lock.tryOptimisticRead();
        }
        return stamp;
    }

    /** True when no fenced commit began since {@code stamp} was taken. */
    boolean unchanged(long stamp) {
        return lock.validate(stamp);
    }

    /** Runs a commit that readers must see either wholly before or wholly after them. */
    void commit(Commit commit) throws java.sql.SQLException {
        long stamp = lock.writeLock();
        try {
            commit.run();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @FunctionalInterface
    interface Commit {
        void run() throws java.sql.SQLException;
    }
}
