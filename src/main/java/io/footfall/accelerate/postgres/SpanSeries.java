package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.PageviewSeries;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.query.TimeUnit;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The pageviews series without filters from {@code session_hour_view} (V12): a UTC hour that lies whole inside the range
 * and inside one local bucket adds its rows (views, and its sessions to the bucket's distinct count); the other hours of
 * the range — cut by its start or end, by a bucket boundary (half-hour zones), or by a DST change inside the hour — read
 * their events as the reference does. Null when most hours would be cut (minute buckets, hour buckets in a half-hour
 * zone): the reference answers those.
 */
final class SpanSeries {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration LAST_MICRO = HOUR.minusNanos(1_000);
    /** More cut hours than this (half-hour zones over years) go to the reference: one index range each. */
    private static final int MAX_CUT = 400;

    private SpanSeries() {
    }

    static PageviewSeries.Series run(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        if (!answers(p)) return null;
        List<Instant> cut = cutHours(p, p.unit());
        Instant s = p.startAt();
        Instant e = p.endAt();
        SqlText ranges = cutRanges(cut);
        String cutList = hourList(cut);
        SqlText sql = new SqlText().add("WITH t AS (SELECT ")
                .addAll(scope.bucket("r.hour"))
                .add(" AS b, r.session_id, r.views FROM session_hour_view r WHERE r.website_id = ? AND r.hour >= ? AND r.hour <= ? "
                        + "AND r.hour NOT IN (SELECT unnest(string_to_array(?, ',')::timestamp[])) UNION ALL SELECT ",
                        scope.websiteId(), s.truncatedTo(ChronoUnit.HOURS), e, cutList)
                .addAll(scope.bucket("e.created_at"))
                .add(", e.session_id, 1 FROM event e WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + EventScope.VIEWS
                        + " AND ", scope.websiteId(), s, e)
                .addAll(ranges)
                .add(") SELECT t.b, sum(t.views), count(DISTINCT t.session_id) FROM t GROUP BY t.b ORDER BY t.b");
        return PageviewSeries.read(store, scope, sql);
    }

    /** The cut hours' events as index ranges over alias {@code e}, one per hour (a join with the list let the planner read the whole range). */
    static SqlText cutRanges(List<Instant> cut) {
        SqlText ranges = new SqlText().add("(");
        for (int i = 0; i < cut.size(); i++) {
            Instant h = cut.get(i);
            ranges.add((i == 0 ? "" : " OR ") + "(e.created_at >= ? AND e.created_at < ?)", h, h.plus(HOUR));
        }
        return ranges.add(cut.isEmpty() ? "false)" : ")");
    }

    /** The hours as one comma-separated parameter, for {@code NOT IN (SELECT unnest(string_to_array(?, ',')::timestamp[]))}. */
    static String hourList(List<Instant> hours) {
        return String.join(",", hours.stream().map(h -> LocalDateTime.ofInstant(h, ZoneOffset.UTC).toString().replace('T', ' ')).toList());
    }

    /** False for minute buckets and when most hours of the range (or too many) would be cut. */
    static boolean answers(QueryParams p) {
        return p.unit() != TimeUnit.MINUTE && cutHours(p, p.unit()) != null;
    }

    /**
     * The UTC hours of the range that do not lie whole inside it and inside one bucket of {@code unit}; null when they are more than
     * half of them or more than {@link #MAX_CUT}. The bucket is the one {@link EventScope#bucket} computes: the local time at the zone's
     * offset, truncated to the unit.
     */
    static List<Instant> cutHours(QueryParams p, TimeUnit unit) {
        Instant s = p.startAt();
        Instant e = p.endAt();
        ZoneRules rules = p.zone().getRules();
        List<Instant> cut = new ArrayList<>();
        long whole = 0;
        for (Instant h = s.truncatedTo(ChronoUnit.HOURS); !h.isAfter(e); h = h.plus(HOUR)) {
            Instant last = h.plus(LAST_MICRO);
            ZoneOffsetTransition next = rules.nextTransition(h);
            boolean inside = !h.isBefore(s) && !last.isAfter(e)
                    && (next == null || next.getInstant().isAfter(last))
                    && bucket(h, rules.getOffset(h), unit).equals(bucket(last, rules.getOffset(h), unit));
            if (inside) whole++;
            else cut.add(h);
        }
        return cut.size() > whole || cut.size() > MAX_CUT ? null : cut;
    }

    private static LocalDateTime bucket(Instant t, ZoneOffset offset, TimeUnit unit) {
        LocalDateTime local = LocalDateTime.ofInstant(t, offset);
        return switch (unit) {
            case MINUTE -> local.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS);
            case DAY -> local.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> local.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
            case YEAR -> local.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
        };
    }
}
