package io.footfall.http;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read that ran out of DuckDB's memory runs once more after the reads beside it have finished, and answers; any
 * other failure, and a second out-of-memory failure, go on to the caller (the 503 of {@link DatabaseOutOfMemory}).
 * The failures are DuckDB's own: a query over a database whose memory limit is far too small for it.
 */
class ReadsAloneTest {
    @Test
    void aReadOutOfMemoryRunsAgainOnceTheReadsBesideItHaveFinished() throws Exception {
        ReadsAlone alone = new ReadsAlone();
        CountDownLatch otherStarted = new CountDownLatch(1), otherMayEnd = new CountDownLatch(1);
        AtomicBoolean otherRunning = new AtomicBoolean();
        Handler other = alone.wrap(r -> {
            otherRunning.set(true);
            otherStarted.countDown();
            otherMayEnd.await();
            otherRunning.set(false);
            return Reply.json(200, Map.of("read", "other"));
        });
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean retriedBesideAnother = new AtomicBoolean();
        Handler failsOnce = alone.wrap(r -> {
            if (runs.incrementAndGet() == 1) runOutOfMemory();
            retriedBesideAnother.set(otherRunning.get());
            return Reply.json(200, Map.of("read", "retried"));
        });

        var threads = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> handle(other), threads);
        assertThat(otherStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Reply> second = CompletableFuture.supplyAsync(() -> handle(failsOnce), threads);
        // The first run fails; the second waits while the other read still runs.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (runs.get() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
        Thread.sleep(500);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(second).isNotDone();

        otherMayEnd.countDown();
        assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(runs.get()).isEqualTo(2);
        assertThat(retriedBesideAnother.get()).isFalse();
    }

    @Test
    void otherFailuresAndASecondOutOfMemoryGoToTheCaller() {
        ReadsAlone alone = new ReadsAlone();
        AtomicInteger runs = new AtomicInteger();
        Handler badQuery = alone.wrap(r -> {
            runs.incrementAndGet();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
                st.execute("SELECT no_such_column FROM range(3)");
            }
            return Reply.json(200, Map.of());
        });
        assertThatThrownBy(() -> badQuery.handle(null)).isInstanceOf(SQLException.class);
        assertThat(runs.get()).isEqualTo(1);

        runs.set(0);
        Handler alwaysOutOfMemory = alone.wrap(r -> {
            runs.incrementAndGet();
            runOutOfMemory();
            return Reply.json(200, Map.of());
        });
        assertThatThrownBy(() -> alwaysOutOfMemory.handle(null)).satisfies(e -> assertThat(DatabaseOutOfMemory.answerFor(e)).isNotNull());
        assertThat(runs.get()).isEqualTo(2);
    }

    /** DuckDB's out-of-memory error: a list of ten million numbers in a database that may use 1 MB (it cannot spill lists). */
    static void runOutOfMemory() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET memory_limit = '1MB'");
            st.execute("SELECT list(i ORDER BY i DESC) FROM range(10000000) t(i)");
        }
        throw new AssertionError("DuckDB did not run out of memory");
    }

    private static Reply handle(Handler h) {
        try {
            return h.handle(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
