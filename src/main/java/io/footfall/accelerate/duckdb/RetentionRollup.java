package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;
import io.footfall.store.FoldingStore;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The retention report from {@code session_hour} (V37 links; DuckDB, no filters, a zone whose offsets and changes are
 * on whole hours over the range, at least one whole UTC hour in the range). In such a zone a UTC hour lies in one
 * local day, so a session's (session, local day) pairs are its rows that are the first of their local day
 * ({@code prev_active} NULL or on another day), and its cohort is the local day of {@code first_hour}.
 *
 * <p>A session whose rows all lie in the range's whole hours and whose range events are all folded is <em>known</em>:
 * its pairs are counted as rows, grouped by (cohort, day offset), with no distinct count and no join on session ids.
 * The others are <em>checked</em>: a folded row before the range's first whole hour ({@code first_hour} before it;
 * its cohort is then its first row in the range), activity in the cut hours at either end of the range, or events
 * in the range not folded yet. Their pairs are read as the plain query does (distinct pairs, then cohorts), from their
 * rollup rows in the whole hours and from events in the cut hours and in the tail. The two sets are disjoint, so
 * their counts per (cohort, day) add up; a cohort's size is its count on day 0. One statement, so one snapshot.
 */
public final class RetentionRollup {
    private static final String REPORTABLE = "e." + VisitRollup.ROWS;

    private RetentionRollup() {
    }

    /** Whether the rollup answers this request: DuckDB, no filters, whole-hour zone offsets and changes, a whole hour in range. */
    public static boolean covers(EventScope scope) {
        if (!VisitRollup.covers(scope)) return false;
        var p = scope.params();
        if (p.startAt().getEpochSecond() < 86400) return false; // day numbers below are for times after 1970
        Instant[] hours = wholeHours(p.startAt(), p.endAt());
        if (!hours[0].isBefore(hours[1])) return false;
        ZoneRules rules = p.zone().getRules();
        if (rules.getOffset(p.startAt()).getTotalSeconds() % 3600 != 0) return false;
        ZoneOffsetTransition t = rules.nextTransition(p.startAt());
        while (t != null && !t.getInstant().isAfter(p.endAt())) {
            if (t.getOffsetAfter().getTotalSeconds() % 3600 != 0 || t.getInstant().getEpochSecond() % 3600 != 0) return false;
            t = rules.nextTransition(t.getInstant());
        }
        return true;
    }

    /** The first whole UTC hour in [start, end] and the end of the last one: hours H with start ≤ H and H + 1 h − 1 µs ≤ end. */
    static Instant[] wholeHours(Instant start, Instant end) {
        Instant first = start.truncatedTo(ChronoUnit.HOURS);
        if (first.isBefore(start)) first = first.plus(Duration.ofHours(1));
        Instant last = end.plus(1, ChronoUnit.MICROS).truncatedTo(ChronoUnit.HOURS);
        return new Instant[]{first, last};
    }

    /**
     * The answer's statement, with the columns of {@code Retention}'s plain one: cohort day, day offset (0…{@code maxDay}),
     * cohort size, sessions active that day; ordered by cohort and offset.
     */
    public static SqlText query(EventStore store, EventScope scope, int maxDay) throws SQLException {
        var p = scope.params();
        Object site = scope.websiteId();
        boolean tail = FoldingStore.hasTail(store, scope.websiteId());
        Instant[] hours = wholeHours(p.startAt(), p.endAt());
        Instant hs = hours[0];
        Instant he = hours[1];
        // without a tail, rows appended after the snapshot's last fold are left out, as the rollup rows have none of them
        String folded = tail ? "" : " AND e.ingest_seq <= (SELECT folded_seq FROM rollup_state)";
        SqlText cutEvents = new SqlText().add(" FROM event e WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND (e.created_at < ? OR e.created_at >= ?) AND "
                + REPORTABLE + folded, site, p.startAt(), p.endAt(), hs, he);
        SqlText sql = new SqlText().add("WITH checked AS MATERIALIZED (SELECT s.session_id FROM session_hour s WHERE s.website_id = ? AND s.hour >= ? AND s.hour < ?"
                        + " AND s.first_hour < ? UNION SELECT e.session_id", site, hs, he, hs).addAll(cutEvents);
        if (tail) {
            sql.add(" UNION SELECT e.session_id FROM " + Rollups.TAIL + " e WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + REPORTABLE,
                    site, p.startAt(), p.endAt());
        }
        sql.add("), known AS (SELECT ").addAll(day(scope, "s.first_hour")).add(" AS cohort, ")
                .addAll(day(scope, "s.hour")).add(" - ").addAll(day(scope, "s.first_hour")).add(" AS d, count(*) AS n FROM session_hour s"
                        + " WHERE s.website_id = ? AND s.hour >= ? AND s.hour < ? AND s.first_hour >= ? AND (s.prev_active IS NULL OR ", site, hs, he, hs)
                .addAll(day(scope, "s.prev_active")).add(" <> ").addAll(day(scope, "s.hour"))
                .add(") AND s.session_id NOT IN (SELECT session_id FROM checked) GROUP BY 1, 2)")
                .add(", pairs AS (SELECT DISTINCT session_id, day FROM (SELECT s.session_id, ").addAll(day(scope, "s.hour"))
                .add(" AS day FROM session_hour s WHERE s.website_id = ? AND s.hour >= ? AND s.hour < ? AND s.session_id IN (SELECT session_id FROM checked)",
                        site, hs, he)
                .add(" UNION ALL SELECT e.session_id, ").addAll(day(scope, "e.created_at")).addAll(cutEvents);
        if (tail) {
            sql.add(" UNION ALL SELECT e.session_id, ").addAll(day(scope, "e.created_at"))
                    .add(" FROM " + Rollups.TAIL + " e WHERE e.website_id = ? AND e.created_at >= ? AND e.created_at < ? AND " + REPORTABLE, site, hs, he);
        }
        sql.add("))"
                + ", cohorts AS (SELECT session_id, min(day) AS cohort FROM pairs GROUP BY session_id)"
                + ", checked_counts AS (SELECT c.cohort, a.day - c.cohort AS d, count(*) AS n FROM pairs a JOIN cohorts c ON c.session_id = a.session_id GROUP BY 1, 2)"
                + ", total AS (SELECT cohort, d, sum(n)::BIGINT AS n FROM (SELECT * FROM known UNION ALL SELECT * FROM checked_counts) x GROUP BY 1, 2)"
                + " SELECT make_timestamp(t.cohort * 86400000000) AS cohort, t.d AS day_number, z.n AS visitors, t.n AS returning FROM total t JOIN total z ON z.cohort = t.cohort AND z.d = 0"
                + " WHERE t.d <= " + maxDay + " ORDER BY 1, 2");
        return sql;
    }

    /**
     * The request's local day of a UTC timestamp column as a day number (local days since 1970-01-01; offsets in microseconds): integer
     * arithmetic on the stored microseconds, several times cheaper per row than truncating a shifted timestamp.
     */
    private static SqlText day(EventScope scope, String column) {
        var p = scope.params();
        ZoneRules rules = p.zone().getRules();
        SqlText s = new SqlText().add("((epoch_us(" + column + ") + ");
        ZoneOffsetTransition t = rules.nextTransition(p.startAt());
        if (t == null || t.getInstant().isAfter(p.endAt())) {
            s.add(Long.toString(rules.getOffset(p.startAt()).getTotalSeconds() * 1_000_000L));
        } else {
            s.add("CASE");
            long current = rules.getOffset(p.startAt()).getTotalSeconds() * 1_000_000L;
            while (t != null && !t.getInstant().isAfter(p.endAt())) {
                s.add(" WHEN " + column + " < ? THEN " + current, t.getInstant());
                current = t.getOffsetAfter().getTotalSeconds() * 1_000_000L;
                t = rules.nextTransition(t.getInstant());
            }
            s.add(" ELSE " + current + " END");
        }
        return s.add(") // 86400000000)");
    }
}
