package io.footfall.store.duckdb;

import io.footfall.store.SqlWork;
import io.footfall.store.WorkFailure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs database work handed over by virtual threads on platform threads. DuckDB executes inside native
 * calls, which pin a virtual thread to its carrier, and there are only as many carriers as cores: two
 * long reads would stall every other request (collection included), and the parts of one request run in
 * parallel would wait for each other's carrier instead of running side by side.
 */
final class PlatformThreads implements AutoCloseable {
    // As many as cores: the engine already spreads one query over every core, so more at once only share them.
    private final ExecutorService threads = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            Thread.ofPlatform().name("duckdb-", 0).daemon(true).factory());

    /** Runs {@code work} on {@code c}: here on a platform thread, on a platform thread of this pool from a virtual one. */
    <T> T run(SqlWork<T> work, Connection c) throws SQLException {
        if (!Thread.currentThread().isVirtual()) return work.run(c);
        Future<T> result = threads.submit(() -> work.run(c));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    // The connection goes back to its pool after this returns, so wait until the work is done with it.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw WorkFailure.rethrow(e);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
