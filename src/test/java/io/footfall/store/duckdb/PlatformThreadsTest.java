package io.footfall.store.duckdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads and writes from virtual threads run on platform threads (DuckDB's native calls would pin the carrier); others run where they are. */
class PlatformThreadsTest {
    @Test
    void virtualThreadsHandTheirWorkToPlatformThreads(@TempDir Path dir) throws Exception {
        try (DuckDbConnections db = DuckDbConnections.open(dir.resolve("t.duckdb"), 2)) {
            AtomicReference<Object> seen = new AtomicReference<>();
            Thread.ofVirtual().start(() -> {
                try {
                    boolean readVirtual = db.read(c -> Thread.currentThread().isVirtual());
                    boolean writeVirtual = db.write(c -> Thread.currentThread().isVirtual());
                    long answer = db.read(c -> {
                        try (var rs = c.createStatement().executeQuery("SELECT 6 * 7")) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    });
                    seen.set(readVirtual + " " + writeVirtual + " " + answer);
                } catch (SQLException e) {
                    seen.set(e);
                }
            }).join();
            assertThat(seen.get()).isEqualTo("false false 42");

            Thread caller = Thread.currentThread();
            boolean here = db.read(c -> Thread.currentThread() == caller);
            assertThat(here).isTrue();

            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread.ofVirtual().start(() -> {
                try {
                    db.read(c -> c.createStatement().executeQuery("SELECT * FROM no_such_table"));
                } catch (Throwable t) {
                    failure.set(t);
                }
            }).join();
            assertThat(failure.get()).isInstanceOf(SQLException.class).hasMessageContaining("no_such_table");
        }
    }

    @Test
    void writersWaitingForTheLockLeaveThePlatformThreadsToReads(@TempDir Path dir) throws Exception {
        try (DuckDbConnections db = DuckDbConnections.open(dir.resolve("t.duckdb"), 2)) {
            var release = new java.util.concurrent.CountDownLatch(1);
            var holding = new java.util.concurrent.CountDownLatch(1);
            Thread holder = Thread.ofPlatform().start(() -> {
                try {
                    db.write(c -> {
                        holding.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            holding.await();
            java.util.List<Thread> writers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    writers.add(Thread.ofVirtual().start(() -> {
                        try {
                            db.write(c -> db.write(nested -> 1)); // a nested write must not wait for itself
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                Thread.sleep(200); // let them queue on the lock
                AtomicReference<Object> read = new AtomicReference<>();
                Thread reader = Thread.ofVirtual().start(() -> {
                    try {
                        read.set(db.read(c -> Thread.currentThread().isVirtual()));
                    } catch (SQLException e) {
                        read.set(e);
                    }
                });
                reader.join(java.time.Duration.ofSeconds(10));
                assertThat(read.get()).as("a read while writers queue behind a long write").isEqualTo(false);
            } finally {
                release.countDown(); // a failed check must not leave the write holding the lock
            }
            holder.join();
            for (Thread w : writers) assertThat(w.join(java.time.Duration.ofSeconds(10))).isTrue();
        }
    }
}
