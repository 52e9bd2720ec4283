package io.footfall.store.duckdb;

import io.footfall.store.Dialect;

/** DuckDB spellings: ICU time zones via {@code timezone(?, ts)}, {@code date_trunc}, {@code arg_min}. */
public final class DuckDbDialect implements Dialect {
    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public String toLocalTime(String column) {
        // created_at is UTC wall time; tag it as UTC, then render it in the requested zone.
        return "timezone(?, timezone('UTC', " + column + "))";
    }

    @Override
    public String truncate(String unit, String expression) {
        return "date_trunc('" + unit + "', " + expression + ")";
    }

    @Override
    public String endsWith(String text, String suffix) {
        return "ends_with(" + text + ", " + suffix + ")";
    }

    @Override
    public String daysBetween(String from, String to) {
        return "date_diff('day', " + from + ", " + to + ")";
    }

    @Override
    public String hoursBetween(String from, String to) {
        return "((epoch_us(" + to + ") - epoch_us(" + from + ")) // 3600000000)";
    }

    @Override
    public String secondsBetween(String from, String to) {
        return "((epoch_us(" + to + ") - epoch_us(" + from + ")) // 1000000)"; // epoch_ms is several times slower
    }

    @Override
    public String regexMatches(String column) {
        return "regexp_matches(" + column + ", ?, 'i')";
    }

    @Override
    public String regexSyntax() {
        return "RE2 syntax";
    }

    // DuckDB reports a pattern RE2 cannot compile as invalid input.
    @Override
    public java.util.Optional<String> regexRejection(java.sql.SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (!m.startsWith("Invalid Input Error:")) return java.util.Optional.empty();
        return java.util.Optional.of(m.substring("Invalid Input Error:".length()).trim());
    }

    // The _null variants keep a NULL value of the chosen row; a (order, tie) struct orders by both.
    @Override
    public String valueAtFirst(String value, String order, String tie) {
        return "arg_min_null(" + value + ", (" + order + ", " + tie + "))";
    }

    @Override
    public String valueAtLast(String value, String order, String tie) {
        return "arg_max_null(" + value + ", (" + order + ", " + tie + "))";
    }

    @Override
    public String hourSeries(String alias, String column) {
        return "generate_series(?::TIMESTAMP, ?::TIMESTAMP, INTERVAL 1 HOUR) " + alias + "(" + column + ")";
    }

    @Override
    public String plusHours(String expression, String hours) {
        return "(" + expression + " + (" + hours + ") * INTERVAL 1 HOUR)";
    }

    /** {@code max(x, n)}: the n largest values as a list, kept in a small heap while the group is scanned. */
    @Override
    public String nthLargest(String expression) {
        return "list_min(max(" + expression + ", ?))";
    }

    @Override
    public String firstBy(String value, String order) {
        return "arg_min(" + value + ", " + order + ")";
    }

    @Override
    public String lastBy(String value, String order) {
        return "arg_max(" + value + ", " + order + ")";
    }
}
