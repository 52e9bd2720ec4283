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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pageviews series without filters from {@code session_hour_view} (V12): a UTC hour that lies whole inside the range
 * and inside one local bucket adds its rows' views; the other hours of the range — cut by its start or end, by a bucket
 * boundary (half-hour zones), or by a DST change inside the hour — read their events as the reference does. A bucket
 * only whole hours touch counts a row's session when the session's previous hour (V14) lies before the range or in
 * another bucket; a bucket a cut hour touches counts its rows' and events' sessions distinct. Null when most hours would be cut (minute buckets, hour buckets in a half-hour
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
        List<Instant> shared = sharedHours(p, cut);
        Instant s = p.startAt();
        Instant e = p.endAt();
        Instant first = s.truncatedTo(ChronoUnit.HOURS);
        Set<Instant> apart = new HashSet<>(cut);
        apart.addAll(shared);
        // Buckets that only whole hours touch, hour after hour: a row counts its session when its previous hour lies
        // before the range or in another bucket (V14), so no distinct count.
        SqlText sql = new SqlText().add("SELECT b, sum(v)::bigint, sum(n)::bigint FROM (SELECT ")
                .addAll(scope.bucket("r.hour"))
                .add(" AS b, sum(r.views) AS v, count(*) FILTER (WHERE r.prev_hour IS NULL OR r.prev_hour < ? OR ", first)
                .addAll(scope.bucket("r.prev_hour")).add(" <> ").addAll(scope.bucket("r.hour"))
                .add(") AS n FROM session_hour_view r WHERE r.website_id = ? AND r.hour >= ? AND r.hour <= ? AND ", scope.websiteId(), first, e)
                .addAll(ruleHours(first, e, apart))
                .add(" GROUP BY 1")
                // The other buckets: their whole hours' rows and their cut hours' events, sessions counted distinct.
                .add(" UNION ALL SELECT t.b, sum(t.views), count(DISTINCT t.session_id) FROM (SELECT ")
                .addAll(scope.bucket("r.hour"))
                .add(" AS b, r.session_id, r.views FROM session_hour_view r WHERE r.website_id = ? AND r.hour >= ? AND r.hour <= ? "
                                + "AND r.hour IN (SELECT unnest(string_to_array(?, ',')::timestamp[])) UNION ALL SELECT ",
                        scope.websiteId(), first, e, hourList(shared))
                .addAll(scope.bucket("e.created_at"))
                .add(", e.session_id, 1 FROM event e WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + EventScope.VIEWS
                        + " AND ", scope.websiteId(), s, e)
                .addAll(cutRanges(cut))
                .add(") t GROUP BY t.b) u GROUP BY b ORDER BY b");
        return PageviewSeries.read(store, scope, sql);
    }

    /**
     * The condition on {@code r.hour} for the hours of [first, end] not {@code apart}: a few hour ranges (they are usually
     * the range less its first and last buckets), else a list left out (a per-row hash lookup, ~20 % of the scan measured).
     */
    static SqlText ruleHours(Instant first, Instant end, Set<Instant> apart) {
        List<Instant[]> runs = new ArrayList<>();
        for (Instant h = first; !h.isAfter(end); h = h.plus(HOUR)) {
            if (apart.contains(h)) continue;
            if (!runs.isEmpty() && runs.getLast()[1].equals(h)) runs.getLast()[1] = h.plus(HOUR);
            else runs.add(new Instant[]{h, h.plus(HOUR)});
        }
        if (runs.size() > 16) {
            return new SqlText().add("r.hour NOT IN (SELECT unnest(string_to_array(?, ',')::timestamp[]))", hourList(List.copyOf(apart)));
        }
        SqlText ranges = new SqlText().add("(");
        for (int i = 0; i < runs.size(); i++) {
            ranges.add((i == 0 ? "" : " OR ") + "(r.hour >= ? AND r.hour < ?)", runs.get(i)[0], runs.get(i)[1]);
        }
        return ranges.add(runs.isEmpty() ? "false)" : ")");
    }

    /**
     * The whole hours whose rows need the distinct count: those of a bucket that a cut hour touches, or that hours of other
     * buckets interrupt (a DST change back across a bucket boundary), where a previous hour in another bucket does not
     * make a row its session's first in the bucket.
     */
    static List<Instant> sharedHours(QueryParams p, List<Instant> cut) {
        ZoneRules rules = p.zone().getRules();
        Set<Instant> cutSet = new HashSet<>(cut);
        Set<LocalDateTime> shared = new HashSet<>();
        Set<LocalDateTime> left = new HashSet<>();
        LocalDateTime current = null;
        List<Instant> whole = new ArrayList<>();
        List<LocalDateTime> wholeBuckets = new ArrayList<>();
        for (Instant h = p.startAt().truncatedTo(ChronoUnit.HOURS); !h.isAfter(p.endAt()); h = h.plus(HOUR)) {
            List<LocalDateTime> touched = new ArrayList<>();
            Instant last = h.plus(LAST_MICRO);
            touched.add(bucket(h, rules.getOffset(h), p.unit()));
            if (cutSet.contains(h)) {
                for (ZoneOffsetTransition t = rules.nextTransition(h); t != null && !t.getInstant().isAfter(last); t = rules.nextTransition(t.getInstant())) {
                    touched.add(bucket(t.getInstant().minusNanos(1_000), t.getOffsetBefore(), p.unit()));
                    touched.add(bucket(t.getInstant(), t.getOffsetAfter(), p.unit()));
                }
                touched.add(bucket(last, rules.getOffset(last), p.unit()));
                shared.addAll(touched);
            } else {
                whole.add(h);
                wholeBuckets.add(touched.getFirst());
            }
            for (LocalDateTime b : touched) {
                if (b.equals(current)) continue;
                if (current != null) left.add(current);
                if (left.contains(b)) shared.add(b);
                current = b;
            }
        }
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < whole.size(); i++) if (shared.contains(wholeBuckets.get(i))) out.add(whole.get(i));
        return out;
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
