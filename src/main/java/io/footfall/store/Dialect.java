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

    /** A timestamp expression shifted by a whole number of seconds (a literal, never client text). */
    default String plusSeconds(String expression, long seconds) {
        return seconds == 0 ? expression : "(" + expression + " + INTERVAL '" + seconds + " seconds')";
    }

    /** Whole seconds from {@code from} to {@code to}, rounded down, as an integer expression. */
    String secondsBetween(String from, String to);

    /** Whole calendar days from one day start to another (both truncated to the day), as an integer expression. */
    String daysBetween(String from, String to);

    /** Whole hours from one timestamp to another (both on the hour, as rollup hours are). */
    String hoursBetween(String from, String to);

    /** Whether the text expression {@code text} ends with the text expression {@code suffix}, as a boolean expression. */
    String endsWith(String text, String suffix);

    /**
     * A regular-expression match of a column against one bound pattern spelled by {@link #regexPattern}: the RE2
     * pattern, case-insensitive (as filters are), wherever in the text.
     */
    String regexMatches(String column);

    /**
     * The engine's spelling of a filter pattern written in RE2 syntax (already checked valid and translatable, see
     * {@link Re2ToAre}), as {@link #regexMatches} binds it.
     */
    default String regexPattern(String re2) {
        return re2;
    }

    /** The regular-expression syntax {@link #regexMatches} reads, as named to clients (e.g. {@code RE2 syntax}). */
    String regexSyntax();

    /**
     * Why the engine refused a pattern, when {@code e} (from {@link #regexMatches} with that pattern) says it cannot
     * compile it; empty when {@code e} is some other failure.
     */
    java.util.Optional<String> regexRejection(java.sql.SQLException e);

    /**
     * The value of {@code value} on the row with the smallest {@code order}, as an aggregate. Ties in {@code order}: any
     * of them on DuckDB, the smallest value on PostgreSQL (whose accelerator must equal its reference).
     */
    String firstBy(String value, String order);

    /** The value of {@code value} on the row with the largest {@code order}, as an aggregate. */
    String lastBy(String value, String order);

    /**
     * The value of {@code value} on the group's row with the smallest ({@code order}, {@code tie}), NULL values
     * kept (unlike {@link #firstBy}), as an aggregate: a visit's landing row, ties in time broken alike everywhere.
     */
    String valueAtFirst(String value, String order, String tie);

    /** As {@link #valueAtFirst}, on the row with the largest ({@code order}, {@code tie}). */
    String valueAtLast(String value, String order, String tie);

    /** Day of the week of a timestamp expression, 0 = Sunday … 6 = Saturday. */
    default String dayOfWeek(String expression) {
        return "extract(dow FROM " + expression + ")";
    }

    /** Hour of the day (0–23) of a timestamp expression. */
    default String hourOfDay(String expression) {
        return "extract(hour FROM " + expression + ")";
    }

    /**
     * The {@code event} column that holds each row's {@link Channels#sql} answer, computed when the row was written,
     * or null where reads classify the rows themselves (DuckDB: its rollups and one classification per distinct
     * combination are fast there; PostgreSQL: V9, as per-read classification cost seconds over a quarter).
     */
    default String channelColumn() {
        return null;
    }

    /** What makes a CTE computed once ({@code WITH x AS MATERIALIZED (...)}), with a trailing space; empty where unsupported. */
    default String materialized() {
        return "MATERIALIZED ";
    }

    /**
     * A table of every whole hour from one bound timestamp to another (both on the hour, both included), as
     * {@code alias(column)} for a FROM clause; takes the two timestamps as its parameters.
     */
    String hourSeries(String alias, String column);

    /** A timestamp expression moved by a whole number of hours given as an integer expression (negative: back). */
    String plusHours(String expression, String hours);

    /**
     * The n-th largest value of {@code expression} in the group (its smallest when the group has fewer values),
     * as an aggregate taking n as its one parameter; NULL over no rows.
     */
    String nthLargest(String expression);

    /** Any one value of the group, as an aggregate (for values constant within the group, such as a visit's session). */
    default String anyValue(String value) {
        return "any_value(" + value + ")";
    }

    /**
     * Whether the text {@code column} contains one bound text ({@link #containsPattern} of it), ignoring case, every
     * character of the text literal ({@code %}, {@code _} and {@code \} too), as a boolean expression. The ESCAPE clause
     * only comes with a text that needs it, so plain texts keep the engine's fast substring path. Shared by DuckDB and
     * PostgreSQL: their ILIKE folds case alike (non-ASCII too, e.g. {@code ÄPFEL} and {@code äpfel}; PostgreSQL by the
     * database's LC_CTYPE, C.UTF-8 here); with no ESCAPE clause DuckDB has no escape character and PostgreSQL {@code \},
     * which a plain text does not contain.
     */
    default String containsIgnoreCase(String column, String text) {
        return column + (Dialect.plainText(text) ? " ILIKE ?" : " ILIKE ? ESCAPE '\\'");
    }

    /** The parameter {@link #containsIgnoreCase} binds for {@code text}: the text, escaped where needed, between {@code %}. */
    default String containsPattern(String text) {
        if (plainText(text)) return "%" + text + "%";
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static boolean plainText(String text) {
        return text.indexOf('%') < 0 && text.indexOf('_') < 0 && text.indexOf('\\') < 0;
    }
}
