package io.footfall.store;

/**
 * The SQL that differs between backends, in one place. Queries are written once and call these
 * for the parts (time bucketing, time-zone conversion) that each engine spells differently.
 */
public interface Dialect {

    /** A short name, e.g. {@code duckdb}. */
    String name();

    /** SQL expression converting a UTC timestamp column to local wall time in the time zone bound as a parameter. */
    String toLocalTime(String column);

    /** SQL expression truncating a timestamp expression to the unit (minute, hour, day, month, year). */
    String truncate(String unit, String expression);
}
