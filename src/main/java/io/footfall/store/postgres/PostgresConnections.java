package io.footfall.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.footfall.store.Connections;
import io.footfall.store.SqlWork;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A pool of connections to one PostgreSQL database. Unlike DuckDB, PostgreSQL takes concurrent writers, so
 * reads and writes borrow from the same pool; every session runs in UTC so that {@code timestamp} columns
 * hold UTC wall time as they do on DuckDB.
 */
public final class PostgresConnections implements Connections {
    /**
     * Every pooled session: UTC, a plan per execution (a generic plan cannot know whether the range is a day or
     * a quarter; planning a statistics statement takes under 1 ms), and no JIT: our statements over a quarter's rows
     * cross its cost threshold, and compiling their expressions took 40 ms (stats) to 290 ms (the channel metric) of
     * each request, never paid back on ~1 M rows (EXPLAIN ANALYZE, docs/benchmarks.md "h18-pgaccel"). Hash tables
     * up to 8 × work_mem (32 MB): a quarter's (value, session) pairs then hash in one batch instead of five spilled
     * ones (channel and browser metrics 8-17 % faster in interleaved runs). work_mem itself stays at its default:
     * at 64 MB in-memory sorts of a quarter's rows were slower than 4 MB runs merged.
     */
    static final String SESSION_SETTINGS = "SET TIME ZONE 'UTC'; SET plan_cache_mode = force_custom_plan; SET jit = off; "
            + "SET hash_mem_multiplier = 8";

    private final HikariDataSource pool;
    private volatile boolean closed;

    private PostgresConnections(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Connects (failing fast with a clear message when the server cannot be reached). */
    public static PostgresConnections open(PostgresUrl url, int size) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) config.setUsername(url.user());
        if (url.password() != null) config.setPassword(url.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setPoolName("footfall-postgresql");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        config.setConnectionInitSql(SESSION_SETTINGS);
        config.addDataSourceProperty("ApplicationName", "footfall");
        // Plans of the statistics queries are reused per connection once a statement repeats (server-side prepare).
        config.addDataSourceProperty("prepareThreshold", "3");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        try {
            return new PostgresConnections(new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SQLException("cannot connect to PostgreSQL at " + url.display() + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }
}
