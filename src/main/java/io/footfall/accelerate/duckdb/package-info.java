/**
 * DuckDB's accelerator: the rollup tables that turn distinct counts over raw events into row counts, in one place.
 * Writers and folds ({@code Rollups.fold} calls each {@code *Spans}/{@code EventHours} fold; {@code RollupTotals}
 * keeps the day and hour sums beside them), the re-ship repair ({@code ReshipRepair}), and the readers behind
 * {@link io.footfall.accelerate.duckdb.AcceleratedAnalytics}, each exact: what a rollup cannot answer for certain is
 * read from the event table. docs/rollups.md is the map: for each table, where it is written, folded and read.
 */
package io.footfall.accelerate.duckdb;
