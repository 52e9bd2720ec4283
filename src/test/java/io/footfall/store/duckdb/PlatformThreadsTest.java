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
}
