package io.footfall.store.duckdb;

import io.footfall.store.Connections;
import io.footfall.store.SqlWork;
import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Connections to one embedded DuckDB file. DuckDB allows one process per file but many connections
 * inside it: readers borrow duplicated connections from a fixed pool; every write goes through a
 * single connection under one lock, because DuckDB's optimistic concurrency would otherwise abort
 * concurrent writers that touch the same table (an ingest batch and a website reset, say). Work from
 * virtual threads runs on platform threads ({@link PlatformThreads}).
 */
public final class DuckDbConnections implements Connections {
    private final DuckDBConnection root;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders = new ArrayList<>();
    private final PlatformThreads platformThreads = new PlatformThreads();
    /** Set on a platform thread while it runs a write for a virtual thread that holds {@link #writeLock}. */
    private final ThreadLocal<Boolean> writingFor = ThreadLocal.withInitial(() -> false);
    private final RollupFence fence = new RollupFence();
    /** Set inside a write whose commit moves rows between the rollups and the tail; read and reset at its commit. */
    private boolean fenceCommit;

    private DuckDbConnections(DuckDBConnection root, int readerCount) throws SQLException {
        this.root = root;
        this.writer = root.duplicate();
        this.readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            Connection c = root.duplicate();
            allReaders.add(c);
            readers.add(c);
        }
    }

    /** Opens (creating if needed) the database file, with the build side of joins fixed (the default). */
    public static DuckDbConnections open(Path file, int readerCount) throws SQLException {
        return open(file, readerCount, false);
    }

    /**
     * Opens (creating if needed) the database file.
     *
     * @param swapBuildSide QUERY_DUCKDB_SWAP_BUILD_SIDE: let the optimizer swap build and probe sides by its estimates
     */
    public static DuckDbConnections open(Path file, int readerCount, boolean swapBuildSide) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create directory for " + file + ": " + e.getMessage(), e);
        }
        DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        try (var st = root.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            // Statistics queries end in ORDER BY or aggregate; nothing needs scan order kept, and keeping
            // it costs memory and parallelism in aggregates and joins.
            st.execute("SET GLOBAL preserve_insertion_order = false");
            storageSettings(st);
            // Our reads put the small side (an id set, a materialized sub-query) on the right of IN and joins.
            // Swapping build and probe by estimates hashed whole rollups instead when the engine guessed an
            // event-range sub-query large (the weekly heatmap: 150 instead of 30 ms); so the written side builds.
            if (!swapBuildSide) {
                st.execute("SET GLOBAL disabled_optimizers = 'build_side_probe_side'");
            }
        }
        return new DuckDbConnections(root, readerCount);
    }

    /** How blocks are written (at every checkpoint, and by {@link DuckDbCompaction}'s copy). */
    static void storageSettings(Statement st) throws SQLException {
        // No bit-packing. It would shrink timestamp and integer columns (378 -> 259 B/event on the 11.2 M-event bench
        // data with compaction), but every scan then pays for unpacking: on a quiet machine the dashboard reads of a
        // bit-packed copy took 1.3-1.8x as long (entry 33 -> 58 ms over 90 days, past the 50 ms goal; h20-disk and
        // "Integration" in docs/benchmarks.md). Random UUIDs gain nothing from it either way.
        st.execute("SET GLOBAL disabled_compression_methods = 'bitpacking'");
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        try {
            return platformThreads.run(work, c);
        } finally {
            readers.add(c);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        // A write nested in one running on a platform thread for a virtual one: the caller holds the lock.
        if (writingFor.get()) return work.run(writer);
        // Waiting for the lock parks a virtual thread cheaply; only the transaction goes to a platform thread,
        // so writers queued behind a long fold do not hold platform threads that reads need.
        Thread caller = Thread.currentThread();
        writeLock.lock();
        try {
            return platformThreads.run(c -> {
                boolean handedOver = Thread.currentThread() != caller;
                if (handedOver) writingFor.set(true);
                try {
                    return transaction(work);
                } finally {
                    if (handedOver) writingFor.remove();
                }
            }, writer);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T transaction(SqlWork<T> work) throws SQLException {
        writer.setAutoCommit(false);
        fenceCommit = false;
        try {
            begin();
            T result = work.run(writer);
            if (fenceCommit) fence.commit(writer::commit);
            else writer.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            abort(e);
            throw e;
        } finally {
            fenceCommit = false;
            writer.setAutoCommit(true);
        }
    }

    /**
     * Rolls back after a failure. A statement or commit that runs out of memory can end DuckDB's transaction while
     * the JDBC driver still believes one runs: its ROLLBACK then fails and the belief stays, so every later write got
     * no BEGIN, ran each statement in a transaction of its own (no longer all-or-nothing: a failed ship left rows
     * that its retry stored again) and failed at its commit, for good. Opening a transaction explicitly lets the
     * driver's ROLLBACK succeed and clears it.
     */
    private void abort(Exception failure) {
        try {
            writer.rollback();
            return;
        } catch (SQLException noTransaction) {
            // DuckDB had none to roll back
        }
        try {
            try (var st = writer.createStatement()) {
                st.execute("BEGIN TRANSACTION");
            }
            writer.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Opens the transaction now. The JDBC driver issues BEGIN lazily, at the first statement, while an
     * appender writes through the native connection without one: a write that started with an appender
     * had its rows committed by DuckDB on flush, and a later failure could not roll them back.
     */
    private void begin() throws SQLException {
        try (var st = writer.createStatement()) {
            st.execute("SELECT 1");
        }
    }

    /**
     * Called inside a write: its commit moves rows between the rollups and the tail (a fold, a re-ship), so
     * reads spanning several statements must see it wholly or not at all ({@link RollupFence}).
     */
    void fenceThisCommit() {
        fenceCommit = true;
    }

    /** A stamp before a read of several statements; see {@link #unchangedSince}. */
    long readStamp() {
        return fence.begin();
    }

    /** True when no fenced commit happened since {@code stamp}: a read begun with it saw one state throughout. */
    boolean unchangedSince(long stamp) {
        return fence.unchanged(stamp);
    }

    /** Returns once the write under way, if any, has committed or rolled back. */
    void awaitWrite() {
        writeLock.lock();
        writeLock.unlock();
    }

    /** The raw writer connection for appender-based batch writes; caller must hold the write via {@link #write}. */
    DuckDBConnection writerConnection() {
        return (DuckDBConnection) writer;
    }

    private volatile boolean closed;

    /** True once {@link #close} has begun. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        writeLock.lock();
        try {
            for (Connection c : allReaders) closeQuietly(c);
            closeQuietly(writer);
            try (var st = root.createStatement()) {
                st.execute("CHECKPOINT");
            } catch (SQLException ignored) {
                // closing anyway; the WAL is replayed at next start
            }
            closeQuietly(root);
        } finally {
            writeLock.unlock();
            platformThreads.close();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing useful to do at shutdown
        }
    }
}
