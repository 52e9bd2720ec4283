package io.footfall.accelerate.postgres;

import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A per-view value metric ({@link SessionValueMetrics}'s count: per value, the sessions with a view inside the range
 * carrying it) for the kinds kept per day ({@link FirstDayRows}), over a range holding at least one whole UTC day. Each
 * (session, value) pair with a view inside the range has its first time either inside the range or before it. Those
 * first seen on the range's whole UTC days are summed from {@code session_value_first_day} (V25); pairs are read one by
 * one only for the sessions that {@code session_value} shows active in the cut days at the range's ends or before its
 * start: a pair first seen in a cut day counts, one first seen before the range counts when it ends inside it, and when
 * it ends after the range one probe into {@code event} says whether a view inside carries the value.
 */
final class FirstDayValueMetrics {
    private static final Duration MICRO = Duration.ofNanos(1_000);

    private FirstDayValueMetrics() {
    }

    /** Whether this kind and range are answered here: a kind kept per day, and a whole UTC day inside the range. */
    static boolean answers(ValueKind k, QueryParams p) {
        return FirstDayRows.kept(k) && firstWholeDay(p.startAt()).isBefore(endOfWholeDays(p.endAt()));
    }

    private static Instant firstWholeDay(Instant s) {
        Instant day = s.truncatedTo(ChronoUnit.DAYS);
        return day.equals(s) ? s : day.plus(Duration.ofDays(1));
    }

    /** The end (exclusive) of the last UTC day lying whole inside a range ending at {@code e} (inclusive, microseconds). */
    private static Instant endOfWholeDays(Instant e) {
        return e.plus(MICRO).truncatedTo(ChronoUnit.DAYS);
    }

    static List<Map<String, Object>> run(EventStore store, UUID w, QueryParams p, ValueKind k) throws SQLException {
        Instant s = p.startAt();
        Instant e = p.endAt();
        Instant d1 = firstWholeDay(s);
        Instant d2 = endOfWholeDays(e);
        String probe = k.sql().replace("e.", "ev.");
        String v = "v." + k.column();
        SqlText sql = new SqlText()
                // Sessions with views in the cut days or before the range and after its start: their pairs of those days.
                .add("WITH c AS MATERIALIZED (SELECT v.session_id FROM session_value v WHERE v.website_id = ? AND v.last_at >= ? "
                        + "AND v.first_at <= ? AND (v.first_at < ? OR v.last_at >= ?)), ", w, s, e, d1, d2)
                .add("r AS (SELECT v.session_id, " + v + " AS x, " + v + "_first AS f, " + v + "_last AS l FROM c JOIN session_value v "
                        + "ON v.website_id = ? AND v.session_id = c.session_id WHERE " + v + " IS NOT NULL ", w)
                .add("UNION ALL SELECT x.session_id, x.value, x.first_at, x.last_at FROM c JOIN session_value_extra x ON x.website_id = ? "
                        + "AND x.session_id = c.session_id AND x.kind = ?) ", w, k.code())
                .add("SELECT t.x, sum(t.n) FROM (SELECT d.value AS x, d.sessions AS n FROM session_value_first_day d WHERE d.website_id = ? "
                        + "AND d.kind = ? AND d.day >= ? AND d.day < ? ", w, k.code(), day(d1), day(d2))
                .add("UNION ALL SELECT r.x, 1 FROM r WHERE r.f BETWEEN ? AND ? OR (r.f < ? AND r.l >= ? AND (r.f >= ? OR r.l <= ? ", d2, e, d1, s, s, e)
                .add("OR EXISTS (SELECT 1 FROM event ev WHERE ev.website_id = ? AND ev.session_id = r.session_id AND ev.created_at BETWEEN ? AND ? "
                        + "AND ev.event_type IN (1, 3, 4) AND " + probe + " = r.x)))) t ", w, s, e)
                .add("GROUP BY t.x HAVING sum(t.n) > 0 ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?", p.limit(), p.offset());
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", rs.getString(1));
            row.put("y", rs.getLong(2));
            return row;
        }));
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
