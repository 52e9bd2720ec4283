package io.footfall.store;

import java.sql.SQLException;

/** Where a store gets its JDBC connections: pooled reads, and serialised transactional writes. */
public interface Connections extends AutoCloseable {

    <T> T read(SqlWork<T> work) throws SQLException;

    /** Runs work in one transaction (commit on return, rollback on exception). */
    <T> T write(SqlWork<T> work) throws SQLException;

    @Override
    void close();
}
