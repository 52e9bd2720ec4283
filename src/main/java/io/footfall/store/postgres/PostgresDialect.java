package io.footfall.store.postgres;

import io.footfall.store.Dialect;

/**
 * PostgreSQL spellings. Timestamps are {@code timestamp} columns holding UTC wall time (as on DuckDB);
 * {@code AT TIME ZONE} twice turns one into the wall time of the requested zone.
 */
public final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String toLocalTime(String column) {
        return "((" + column + ") AT TIME ZONE 'UTC' AT TIME ZONE CAST(? AS text))";
    }

    @Override
    public String truncate(String unit, String expression) {
        return "date_trunc('" + unit + "', " + expression + ")";
    }

    @Override
    public String secondsBetween(String from, String to) {
        return "floor(extract(epoch FROM (" + to + ") - (" + from + ")))::bigint";
    }

    @Override
    public String daysBetween(String from, String to) {
        return "((" + to + ")::date - (" + from + ")::date)";
    }

    @Override
    public String hoursBetween(String from, String to) {
        return "floor(extract(epoch FROM (" + to + ") - (" + from + ")) / 3600)::bigint";
    }

    @Override
    public String endsWith(String text, String suffix) {
        return "(right(" + text + ", length(" + suffix + ")) = " + suffix + ")";
    }

    @Override
    public String regexMatches(String column) {
        // case-sensitive: the translation folds case itself, as RE2 does (see Re2ToAre)
        return "(" + column + " ~ CAST(? AS text))";
    }

    @Override
    public String regexPattern(String re2) {
        return io.footfall.store.Re2ToAre.translate(re2);
    }

    @Override
    public String regexSyntax() {
        return "PostgreSQL regular expression syntax";
    }

    // SQLSTATE 2201B, invalid_regular_expression: "ERROR: invalid regular expression: quantifier operand invalid".
    @Override
    public java.util.Optional<String> regexRejection(java.sql.SQLException e) {
        if (!"2201B".equals(e.getSQLState())) return java.util.Optional.empty();
        String m = String.valueOf(e.getMessage());
        int at = m.indexOf("invalid regular expression:");
        return java.util.Optional.of(at < 0 ? m : m.substring(at + "invalid regular expression:".length()).trim());
    }

    @Override
    public String valueAtFirst(String value, String order, String tie) {
        return "(array_agg(" + value + " ORDER BY " + order + ", " + tie + "))[1]";
    }

    @Override
    public String valueAtLast(String value, String order, String tie) {
        return "(array_agg(" + value + " ORDER BY " + order + " DESC, " + tie + " DESC))[1]";
    }

    // DuckDB's arg_min/arg_max skip rows whose value or order is NULL; so do these. Rows sharing the order give their
    // smallest value (PostgreSQL's sort is not stable: the order of the rows read would decide, differently per plan, and
    // the accelerator's entry and exit pages could not equal it, PostgresVisitRowsEqualityTest).
    @Override
    public String firstBy(String value, String order) {
        return "(array_agg(" + value + " ORDER BY " + order + ", " + value + ") FILTER (WHERE " + value + " IS NOT NULL AND " + order + " IS NOT NULL))[1]";
    }

    @Override
    public String lastBy(String value, String order) {
        return "(array_agg(" + value + " ORDER BY " + order + " DESC, " + value + ") FILTER (WHERE " + value + " IS NOT NULL AND " + order + " IS NOT NULL))[1]";
    }

    @Override
    public String hourSeries(String alias, String column) {
        return "generate_series(CAST(? AS timestamp), CAST(? AS timestamp), INTERVAL '1 hour') " + alias + "(" + column + ")";
    }

    @Override
    public String plusHours(String expression, String hours) {
        return "(" + expression + " + (" + hours + ") * INTERVAL '1 hour')";
    }

    /** The group's values largest first, cut after the n-th; the smallest of what is left. */
    @Override
    public String nthLargest(String expression) {
        return "(SELECT min(v) FROM unnest((array_agg(" + expression + " ORDER BY " + expression + " DESC))[1:CAST(? AS integer)]) v)";
    }

    @Override
    public String dayOfWeek(String expression) {
        return "extract(dow FROM " + expression + ")::int";
    }

    @Override
    public String hourOfDay(String expression) {
        return "extract(hour FROM " + expression + ")::int";
    }

    /** V9: a generated column, Channels.sql over the row's own columns (ChannelColumnOnPostgreSqlTest keeps them equal). */
    @Override
    public String channelColumn() {
        return "channel";
    }

    /** any_value arrives only in PostgreSQL 16; the first of the group's values does the same job. */
    @Override
    public String anyValue(String value) {
        return "(array_agg(" + value + "))[1]";
    }
}
