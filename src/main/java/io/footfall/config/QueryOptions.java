package io.footfall.config;

import java.util.List;
import java.util.Locale;

/**
 * How the query paths shape their SQL, read once at start and handed to the query seam's implementations
 * (answers never depend on these, only the work done; tests set the small values to reach every shape).
 *
 * @param hourlyVisitors  QUERY_HOURLY_VISITORS (default true): unfiltered stats count visitors through the
 *                        hourly rollup where it can answer; false, through the session rollup
 * @param maxListedEdges  QUERY_MAX_LISTED_EDGES (2000): up to this many edge sessions or visits go into the
 *                        event queries as a list of ids; more, as their sub-query again
 * @param maxEdges        QUERY_MAX_EDGES (5000): past this many edge sessions, session stats read the events alone
 * @param shortRangeDays  QUERY_SHORT_RANGE_DAYS (28): below this many days stats count visitors over their visits
 *                        and session stats read events, rather than going through the session rollup
 * @param maxRankedKeys   QUERY_MAX_RANKED_KEYS (1000): the session list ranks deeper pages in two passes
 * @param exportChunkRows EXPORT_CHUNK_ROWS (10000): rows per read of an export
 * @param swapBuildSide   QUERY_DUCKDB_SWAP_BUILD_SIDE (false): let DuckDB's optimizer swap the build and probe sides
 *                        of joins by its estimates (off: the side our SQL puts on the right builds; see DuckDbConnections)
 * @param trace           QUERY_TRACE ({@code off}): {@code on} prints every statement (cut at 400 characters) with its
 *                        time, and each fold's steps, on stderr; {@code full} whole statements (to replay one elsewhere)
 */
public record QueryOptions(boolean hourlyVisitors, int maxListedEdges, int maxEdges, int shortRangeDays,
                           int maxRankedKeys, int exportChunkRows, boolean swapBuildSide, Trace trace) {
    public static final QueryOptions DEFAULTS = new QueryOptions(true, 2000, 5000, 28, 1000, 10_000);

    /** Statement tracing, a diagnostic for tuning queries. */
    public enum Trace { OFF, ON, FULL }

    /** The SQL shapes alone; the engine's join choice and tracing as by default. */
    public QueryOptions(boolean hourlyVisitors, int maxListedEdges, int maxEdges, int shortRangeDays, int maxRankedKeys,
                        int exportChunkRows) {
        this(hourlyVisitors, maxListedEdges, maxEdges, shortRangeDays, maxRankedKeys, exportChunkRows, false, Trace.OFF);
    }

    static QueryOptions from(EnvReader r) {
        return new QueryOptions(
                r.bool("QUERY_HOURLY_VISITORS", DEFAULTS.hourlyVisitors()),
                r.integer("QUERY_MAX_LISTED_EDGES", DEFAULTS.maxListedEdges(), 0, 1_000_000),
                r.integer("QUERY_MAX_EDGES", DEFAULTS.maxEdges(), 0, 100_000_000),
                r.integer("QUERY_SHORT_RANGE_DAYS", DEFAULTS.shortRangeDays(), 0, 100_000),
                r.integer("QUERY_MAX_RANKED_KEYS", DEFAULTS.maxRankedKeys(), 0, 100_000_000),
                r.integer("EXPORT_CHUNK_ROWS", DEFAULTS.exportChunkRows(), 1, 10_000_000),
                r.bool("QUERY_DUCKDB_SWAP_BUILD_SIDE", DEFAULTS.swapBuildSide()),
                Trace.valueOf(r.oneOf("QUERY_TRACE", "off", List.of("off", "on", "full")).toUpperCase(Locale.ROOT)));
    }
}
