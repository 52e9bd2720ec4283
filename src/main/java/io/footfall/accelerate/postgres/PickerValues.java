package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.FilterValues;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The filter pickers' values ({@code /values}, {@link FilterValues}: events per value in the range, most first) from
 * {@code value_day} (V29): the range's whole UTC days are their rows' counts, the partial days at either end are counted
 * from events as the reference counts them; the search, the order and the limit are the reference's, over the sums.
 * Exact: each event of the range lies in exactly one of the whole days or one of the two end pieces.
 */
final class PickerValues {
    private PickerValues() {
    }

    /** The answer, or null when the range holds no whole UTC day (the reference reads it), or for a column without a kind. */
    static List<Map<String, Object>> run(EventStore store, EventScope scope, String column, String search) throws SQLException {
        PickerKind k = PickerKind.ofColumn(column);
        if (k == null) return null;
        Instant s = scope.params().startAt();
        Instant e = scope.params().endAt();
        LocalDate first = LocalDate.ofInstant(s, ZoneOffset.UTC);
        if (first.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(s)) first = first.plusDays(1);
        // Stored times are whole microseconds: a day is whole when its last microsecond is not after the end.
        LocalDate end = LocalDate.ofInstant(e.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS), ZoneOffset.UTC);
        if (!first.isBefore(end)) return null;
        Instant firstAt = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant endAt = end.atStartOfDay(ZoneOffset.UTC).toInstant();
        String edge = "SELECT " + k.sql() + " AS value, count(*) AS n FROM event e WHERE e.website_id = ? AND e.created_at ";
        String counted = " AND " + k.sql() + " <> '' GROUP BY 1";
        SqlText sql = new SqlText().add("SELECT g.value, CAST(sum(g.n) AS BIGINT) AS count FROM (SELECT v.value, v.n FROM value_day v "
                        + "WHERE v.website_id = ? AND v.kind = ? AND v.day >= ? AND v.day < ? ", scope.websiteId(), k.code(), first, end)
                .add("UNION ALL " + edge + ">= ? AND e.created_at < ?" + counted, scope.websiteId(), s, firstAt)
                .add(" UNION ALL " + edge + ">= ? AND e.created_at <= ?" + counted + ") g WHERE 1 = 1", scope.websiteId(), endAt, e);
        if (search != null) sql.addAll(FilterValues.searchCondition("g.value", search));
        sql.add(" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + FilterValues.LIMIT);
        return FilterValues.read(store, sql);
    }
}
