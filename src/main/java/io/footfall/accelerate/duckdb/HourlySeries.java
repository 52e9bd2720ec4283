package io.footfall.accelerate.duckdb;

import io.footfall.query.TimeUnit;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The views-and-sessions series through the hourly rollup ({@code session_hour}): whole UTC hours inside
 * the range come from it, a session counting in a bucket at its first hour there (its previous hour is
 * in another bucket or before those hours); the partial hours at either end, and sessions with pending
 * rows, come from events, each (bucket, session) added only when no rollup row already counted it.
 * Answers when there are no filters, the unit is hour or coarser, and the zone's offsets over the range
 * are whole hours (an hour then never straddles two buckets).
 */
final class HourlySeries {
    private static final int GAP_CAP = io.footfall.store.HourGap.CAP;

    private HourlySeries() {
    }

    static boolean covers(QueryParams p) {
        return p.unit() != TimeUnit.MINUTE && hourAligned(p);
    }

    /**
     * True when the hourly rollup can serve the scope at all: no filters, the zone's offsets over the range
     * are whole hours, and the range holds at least one whole UTC hour.
     */
    static boolean hourAligned(QueryParams p) {
        return p.filters().isEmpty() && wholeHourZone(p);
    }

    /** True when the zone's offsets over the range are whole hours and the range holds a whole UTC hour. */
    static boolean wholeHourZone(QueryParams p) {
        ZoneRules rules = p.zone().getRules();
        if (rules.getOffset(p.startAt()).getTotalSeconds() % 3600 != 0) return false;
        for (ZoneOffsetTransition t = rules.nextTransition(p.startAt()); t != null && !t.getInstant().isAfter(p.endAt());
             t = rules.nextTransition(t.getInstant())) {
            if (t.getOffsetAfter().getTotalSeconds() % 3600 != 0) return false;
        }
        Instant[] h = wholeHours(p);
        return h[0].isBefore(h[1]);
    }

    /** [first, end) of the UTC hours lying wholly inside the range (its end is inclusive, events carry microseconds). */
    static Instant[] wholeHours(QueryParams p) {
        Instant first = p.startAt().truncatedTo(ChronoUnit.HOURS);
        if (first.isBefore(p.startAt())) first = first.plus(Duration.ofHours(1));
        Instant end = p.endAt().plusNanos(1_000).truncatedTo(ChronoUnit.HOURS);
        return new Instant[]{first, end};
    }

    static boolean pending(EventStore store, EventScope scope) throws SQLException {
        return Tail.has(store, scope, EventScope.ACTIVITY);
    }

    /** Rows {@code (bucket, views, sessions)} ordered by bucket. */
    static SqlText sql(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        Instant[] h = wholeHours(p);
        boolean pending = pending(store, scope);
        SqlText notPending = pending
                ? new SqlText().add(" AND h.session_id NOT IN " + Tail.ids("session_hour_pending", "session_id"),
                scope.websiteId())
                : new SqlText();

        SqlText edgeRows = edgeViews(scope, h, pending);
        // m: each whole hour with its bucket and the bucket's first whole hour; joining it costs less than
        // converting every row's hour (and previous hour) to local time.
        SqlText sql = new SqlText().add("WITH m AS " + scope.dialect().materialized() + "(SELECT g.h, g.b, min(g.h) OVER (PARTITION BY g.b) AS bs FROM (SELECT g.h, ")
                .addAll(scope.bucket("g.h"))
                .add(" AS b FROM " + scope.dialect().hourSeries("g", "h") + ") g), ", h[0], h[1].minus(Duration.ofHours(1)))
                .add("x AS " + scope.dialect().materialized() + "(SELECT ").addAll(scope.bucket("t.created_at"))
                .add(" AS b, t.session_id, count(*) AS pv FROM (").addAll(edgeRows).add(") t GROUP BY 1, 2)")
                // Session-hours counted per (hour, hours since the session's previous one, capped past the longest
                // bucket) in hour_gap: a row starts its session in a bucket when that gap reaches past the bucket's
                // start. Rows of sessions with pending rows are taken back out (events give those).
                .add(" SELECT b, sum(pv)::BIGINT, sum(s)::BIGINT FROM (SELECT m.b, sum(c.pv) AS pv, "
                        + "sum(c.n) FILTER (WHERE c.gap > " + scope.dialect().hoursBetween("m.bs", "m.h") + ") AS s FROM (SELECT g.hour, g.gap, "
                        + "g.views AS pv, g.rows AS n FROM hour_gap g WHERE g.website_id = ? AND g.hour >= ? AND g.hour < ?", scope.websiteId(), h[0], h[1]);
        if (pending) {
            sql.add(" UNION ALL SELECT h.hour, coalesce(least(" + scope.dialect().hoursBetween("h.prev_hour", "h.hour") + ", " + GAP_CAP + "), "
                            + GAP_CAP + "), -sum(h.views), -count(*) FROM session_hour h WHERE h.website_id = ? AND h.views > 0 AND h.hour >= ? "
                            + "AND h.hour < ? AND h.session_id IN " + Tail.ids("session_hour_pending", "session_id") + " GROUP BY 1, 2",
                    scope.websiteId(), h[0], h[1], scope.websiteId());
        }
        return sql.add(") c JOIN m ON m.h = c.hour GROUP BY 1")
                .add(" UNION ALL SELECT x.b, sum(x.pv), count(*) FILTER (WHERE y.session_id IS NULL) FROM x LEFT JOIN (SELECT DISTINCT "
                        + "m.b, h.session_id FROM session_hour h JOIN m ON m.h = h.hour WHERE h.website_id = ? AND h.views > 0 AND h.hour >= ? AND h.hour < ? "
                        + "AND h.session_id IN (SELECT session_id FROM x)", scope.websiteId(), h[0], h[1])
                // Sessions from events at the partial hours can only meet rollup rows in the first or last bucket.
                .add(" AND (h.hour < ? OR h.hour >= ?)", firstBucketEnd(p), lastBucketStart(p))
                .addAll(notPending)
                .add(") y ON y.b = x.b AND y.session_id = x.session_id GROUP BY x.b) u GROUP BY b ORDER BY b");
    }

    /**
     * The views the hourly rollup does not answer for, as rows {@code (created_at, session_id)}: those in the
     * partial hours before and after the whole hours {@code h}, and, with {@code pending}, the views in the
     * whole hours of sessions with pending rows.
     */
    static SqlText edgeViews(EventScope scope, Instant[] h, boolean pending) {
        QueryParams p = scope.params();
        SqlText rows = new SqlText()
                .add("SELECT e.created_at, e.session_id FROM event e WHERE e.website_id = ? AND " + EventScope.VIEWS
                        + " AND e.created_at >= ? AND e.created_at < ?", scope.websiteId(), p.startAt(), h[0])
                .add(" UNION ALL SELECT e.created_at, e.session_id FROM event e WHERE e.website_id = ? AND " + EventScope.VIEWS
                        + " AND e.created_at >= ? AND e.created_at <= ?", scope.websiteId(), h[1], p.endAt());
        if (pending) {
            rows.add(" UNION ALL SELECT e.created_at, e.session_id FROM event e WHERE e.website_id = ? AND " + EventScope.VIEWS
                            + " AND e.created_at >= ? AND e.created_at < ? AND e.session_id IN "
                            + Tail.ids("session_hour_pending", "session_id"),
                    scope.websiteId(), h[0], h[1], scope.websiteId());
        }
        return rows;
    }

    /** Where the bucket holding the range's start ends, as an instant. */
    static Instant firstBucketEnd(QueryParams p) {
        var local = p.startAt().atZone(p.zone());
        var start = switch (p.unit()) {
            case MINUTE -> local.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            case DAY -> local.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            case MONTH -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).plusMonths(1);
            case YEAR -> local.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).plusYears(1);
        };
        return start.toInstant();
    }

    /** Where the bucket holding the range's end starts, as an instant. */
    static Instant lastBucketStart(QueryParams p) {
        var local = p.endAt().atZone(p.zone());
        var start = switch (p.unit()) {
            case MINUTE -> local.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS);
            case DAY -> local.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case YEAR -> local.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
        return start.toInstant();
    }
}
