package io.footfall.store.postgres;

import io.footfall.event.CollectedHit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the PostgreSQL event store asks of the rollup rows kept beside its events, at the moments only the store
 * knows (append, re-ship, website reset). The accelerator ({@code io.footfall.accelerate.postgres.PostgresRollupKeeper})
 * implements it and the composition root passes it in, so this package never names a rollup, as
 * {@code store.duckdb.RollupMaintenance} for DuckDB. Every method runs inside the store's write transaction on {@code c}.
 */
public interface PostgresRollups {
    /** After a batch's events were copied in: adds them to the rollup rows (only called when the batch has an ordinary event). */
    void add(Connection c, List<CollectedHit> hits) throws SQLException;

    /** Before the events with these ids ({@code uuid[]}) are deleted (a crash re-ship): recomputes the rows they touched. */
    void withoutEvents(Connection c, Array eventIds) throws SQLException;

    /** The tables holding per-website rollup rows, which a website reset empties with its events. */
    List<String> tables();
}
