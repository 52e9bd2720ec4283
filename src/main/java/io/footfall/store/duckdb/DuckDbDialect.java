package io.footfall.store.duckdb;

import io.footfall.store.Dialect;

/** DuckDB spellings: ICU time zones via {@code timezone(?, ts)}, {@code date_trunc}. */
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
}
