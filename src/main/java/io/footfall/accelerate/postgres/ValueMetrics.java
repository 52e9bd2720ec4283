package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code metrics?type=<value kind>} without filters from {@code session_value_span} (V13). A (value, session) row
 * whose first time lies inside the range, or whose last hour lies whole inside it, has an event inside it: it counts one
 * session, read from the index alone. The others that may have one — first time before the start and last hour holding
 * the start or ending after the range's end (sessions active in the last hour of a range ending now) — probe their
 * session's events in the range. {@code type=event} counts events: a row wholly inside adds its count, a row crossing
 * an end counts its events inside. Ordered and cut as the reference: y descending, then value (then
 * country), limit and offset.
 */
final class ValueMetrics {
    private ValueMetrics() {
    }

    static List<Map<String, Object>> run(EventStore store, EventScope scope, ValueKinds.Kind kind) throws SQLException {
        QueryParams p = scope.params();
        UUID w = scope.websiteId();
        Instant s = p.startAt();
        Instant e = p.endAt();
        boolean country = kind.withCountry();
        // The same event as the row's: its value (and country) under the kind's condition, inside the range.
        String sameValue = "x.website_id = ? AND x.session_id = v.session_id AND x.created_at BETWEEN ? AND ? AND "
                + kind.conditionOver("x") + " AND " + kind.valueOver("x") + " = v.value"
                + (country ? " AND x.country IS NOT DISTINCT FROM v.country" : "");
        // Every row with an event inside the range has its last hour at or after the range's first hour.
        String rows = "FROM session_value_span v WHERE v.website_id = ? AND v.kind = ? AND v.last_hour >= ? ";
        Instant firstHour = s.truncatedTo(ChronoUnit.HOURS);
        // The last hour lies whole inside the range: at or after its start, ending at or before its end.
        Instant lastWholeHour = e.minus(Duration.ofHours(1));
        String lastInside = "v.last_hour >= ? AND v.last_hour <= ?";
        SqlText sql = new SqlText();
        if (kind.countsEvents()) {
            sql.add("SELECT t.x, sum(t.n) AS y FROM (SELECT v.value AS x, v.events AS n " + rows, w, kind.code(), firstHour)
                    .add("AND v.first_at >= ? AND " + lastInside + " ", s, s, lastWholeHour)
                    .add("UNION ALL SELECT v.value, (SELECT count(*) FROM event x WHERE " + sameValue + ") " + rows, w, s, e, w, kind.code(), firstHour)
                    .add("AND v.first_at <= ? AND NOT (v.first_at >= ? AND " + lastInside + ")) t GROUP BY t.x HAVING sum(t.n) > 0", e, s, s, lastWholeHour);
        } else {
            String c = country ? ", v.country" : "";
            sql.add("SELECT t.x, count(*) AS y" + (country ? ", t.country" : "") + " FROM (SELECT v.value AS x" + c + " " + rows, w, kind.code(), firstHour)
                    .add("AND v.first_at <= ? AND (v.first_at >= ? OR (" + lastInside + ")) ", e, s, s, lastWholeHour)
                    // The rows to probe, as two short index ranges (the last hour holding the start, the last hour of the
                    // range): written as NOT (inside), the planner expected thousands and hashed the range's events.
                    .add("UNION ALL SELECT v.value" + c + " " + rows + "AND v.first_at < ? AND (v.last_hour < ? OR v.last_hour > ?) ",
                            w, kind.code(), firstHour, s, s, lastWholeHour)
                    .add("AND EXISTS (SELECT 1 FROM event x WHERE " + sameValue + ")) t GROUP BY t.x" + (country ? ", t.country" : ""), w, s, e);
        }
        sql.add(" ORDER BY 2 DESC, 1" + (country ? ", 3" : "") + " LIMIT ? OFFSET ?", p.limit(), p.offset());
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", rs.getString(1));
            row.put("y", rs.getLong(2));
            if (country) row.put("country", rs.getString(3));
            return row;
        }));
    }
}
