package io.footfall.store;

import io.footfall.config.QueryOptions;

/**
 * Whether statements and folds are traced on stderr (QUERY_TRACE, a diagnostic for tuning queries). Set from the
 * configuration when a server starts; process-wide, because the SQL helpers that trace are static (in a JVM running
 * several servers, as the tests do, the last one started decides).
 */
public final class SqlTrace {
    private static volatile QueryOptions.Trace level = QueryOptions.Trace.OFF;

    private SqlTrace() {
    }

    public static void configure(QueryOptions.Trace trace) {
        level = trace;
    }

    /** Statements with their times, and fold steps. */
    public static boolean on() {
        return level != QueryOptions.Trace.OFF;
    }

    /** Whole statements rather than their first 400 characters. */
    public static boolean full() {
        return level == QueryOptions.Trace.FULL;
    }
}
