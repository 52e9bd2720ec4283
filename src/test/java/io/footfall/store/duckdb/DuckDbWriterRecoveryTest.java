package io.footfall.store.duckdb;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A write whose transaction DuckDB ended by itself (as an out-of-memory commit does) while the JDBC driver still
 * believes it runs must leave the writer usable: later writes are again all-or-nothing and commit.
 */
class DuckDbWriterRecoveryTest {
    @Test
    void writesStayAtomicAfterATransactionDuckDbEndedItself() throws Exception {
        Path dir = Files.createTempDirectory("footfall-writer");
        DuckDbConnections db = DuckDbConnections.open(dir.resolve("f.duckdb"), 1);
        try {
            db.write(c -> execute(c, "CREATE TABLE t (i INTEGER)"));
            // The transaction ends inside DuckDB (the driver is not told), then the write fails.
            assertThatThrownBy(() -> db.write(c -> {
                execute(c, "ROLLBACK");
                throw new SQLException("failed after the database ended the transaction");
            })).isInstanceOf(SQLException.class).hasMessage("failed after the database ended the transaction");

            // A failing write leaves nothing behind: its statements ran in one transaction, rolled back.
            assertThatThrownBy(() -> db.write(c -> {
                execute(c, "INSERT INTO t VALUES (1)");
                throw new SQLException("fails after its insert");
            })).isInstanceOf(SQLException.class).hasMessage("fails after its insert");
            assertThat(count(db)).isZero();

            db.write(c -> execute(c, "INSERT INTO t VALUES (2)"));
            assertThat(count(db)).isEqualTo(1);
        } finally {
            db.close();
        }
    }

    static Object execute(java.sql.Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
        return null;
    }

    static long count(DuckDbConnections db) throws SQLException {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
