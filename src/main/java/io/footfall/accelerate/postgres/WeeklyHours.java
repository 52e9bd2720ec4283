package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.query.TimeUnit;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The sessions page's weekly heatmap without filters (distinct sessions with views per local day of week and hour)
 * from {@code session_hour_view} (V12, V19). A UTC hour that lies whole inside the range and inside one local hour gives
 * its rows that hour's cell; the other hours (the range's cut ends, DST changes off the hour) read their events as the
 * reference does. Between two offset changes (a stretch) a cell is one UTC hour of the week, so a row of a whole hour
 * counts for its session when its {@code prev_slot} lies before its stretch: the session's first row in that cell.
 * Sessions this cannot place are counted distinct per cell from their rows and events instead: those with views in a cut
 * hour, and those whose views lie on both sides of a change inside the range (a cell has another slot after it).
 * Null when most hours would be cut (zones with half-hour offsets): the reference answers those.
 */
final class WeeklyHours {
    private static final Duration HOUR = Duration.ofHours(1);

    private WeeklyHours() {
    }

    /** Without filters, when at most half the range's hours are cut by it or by a local hour's boundary. */
    static boolean answers(QueryParams p) {
        return p.filters().isEmpty() && SpanSeries.cutHours(p, TimeUnit.HOUR) != null;
    }

    static long[][] run(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        if (!answers(p)) return null;
        List<Instant> cut = SpanSeries.cutHours(p, TimeUnit.HOUR);
        Dialect d = scope.dialect();
        UUID w = scope.websiteId();
        Instant s = p.startAt();
        Instant e = p.endAt();
        Instant first = s.truncatedTo(ChronoUnit.HOURS);
        List<Instant> starts = stretchStarts(p, first.equals(s) ? s : first.plus(HOUR));
        List<String> neighbour = neighbourColumns(p, starts);
        SqlText whole = SpanSeries.ruleHours(first, e, new HashSet<>(cut));
        // The sessions counted distinct: views in a cut hour, or views on both sides of a change that the neighbouring slot's
        // first hour (V26) cannot settle: a change of another size, or views before the stretch ahead of the change too.
        SqlText apart = new SqlText().add("SELECT e.session_id FROM event e WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND "
                + EventScope.VIEWS + " AND ", w, s, e).addAll(SpanSeries.cutRanges(cut));
        for (int k = 1; k < starts.size(); k++) {
            Instant before = neighbour.get(k) == null ? starts.get(k) : starts.get(k - 1);
            apart.add(" UNION SELECT p.session_id FROM session_view_span p WHERE p.website_id = ? AND p.last_at >= ? AND p.first_at < ?",
                    w, starts.get(k), before);
        }
        // One scan of the hour rows: a row of another session counts by the rule, summed per hour; an apart session's rows
        // stay one per (hour, session) for the distinct count, with the cut hours' events.
        SqlText sql = new SqlText().add("WITH apart AS " + d.materialized() + "(").addAll(apart).add(") ")
                .add("SELECT " + d.dayOfWeek("t.l") + ", " + d.hourOfDay("t.l") + ", coalesce(sum(t.n) FILTER (WHERE t.s IS NULL), 0)::bigint "
                        + "+ count(DISTINCT t.s) FROM (SELECT ")
                .addAll(scope.localTime("g.hour", p.zone())).add(" AS l, g.s, g.n FROM (SELECT r.hour, CASE WHEN r.session_id IN "
                        + "(SELECT session_id FROM apart) THEN r.session_id END AS s, count(*) FILTER (WHERE (r.prev_slot IS NULL OR r.prev_slot < ")
                .addAll(startOf(starts)).add(")").addAll(countedBefore(starts, neighbour))
                .add(") AS n FROM session_hour_view r WHERE r.website_id = ? AND r.hour >= ? AND r.hour <= ? AND ", w, first, e)
                .addAll(whole).add(" GROUP BY 1, 2) g UNION ALL SELECT ")
                .addAll(scope.localTime("e.created_at", p.zone()))
                .add(", e.session_id, 0 FROM event e WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + EventScope.VIEWS + " AND ", w, s, e)
                .addAll(SpanSeries.cutRanges(cut))
                .add(") t GROUP BY 1, 2");
        long[][] matrix = new long[7][24];
        store.read(c -> sql.list(c, rs -> {
            matrix[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
            return null;
        }));
        return matrix;
    }

    /** The first whole hour, then each offset change after it and up to the range's end: where the stretches begin. */
    private static List<Instant> stretchStarts(QueryParams p, Instant firstWhole) {
        List<Instant> starts = new ArrayList<>(List.of(firstWhole));
        var rules = p.zone().getRules();
        for (ZoneOffsetTransition t = rules.nextTransition(firstWhole); t != null && !t.getInstant().isAfter(p.endAt());
             t = rules.nextTransition(t.getInstant())) {
            starts.add(t.getInstant());
        }
        return starts;
    }

    /**
     * Per stretch, the column holding a row's session's first hour in the slot that was its cell before the change starting
     * the stretch: a change of +1 h (clocks forward) moves cell L from slot L − o to L − o − 1 h, so the row's cell had the
     * slot above; −1 h the one below. Null for the first stretch and for changes of another size.
     */
    private static List<String> neighbourColumns(QueryParams p, List<Instant> starts) {
        List<String> columns = new ArrayList<>();
        columns.add(null);
        var rules = p.zone().getRules();
        for (Instant change : starts.subList(1, starts.size())) {
            int step = rules.getOffset(change).getTotalSeconds() - rules.getOffset(change.minusNanos(1)).getTotalSeconds();
            columns.add(step == 3600 ? "first_above" : step == -3600 ? "first_below" : null);
        }
        return columns;
    }

    /**
     * A row first in its slot in its stretch whose session had a row in the same cell in the stretch before (its first hour
     * in the neighbouring slot lies before the change): counted there already. Only for sessions whose views began within
     * that stretch before (the others are apart), so that hour lies in it.
     */
    private static SqlText countedBefore(List<Instant> starts, List<String> columns) {
        if (columns.stream().allMatch(Objects::isNull)) return new SqlText();
        // From the last stretch down, so that each row meets its own stretch's case first.
        SqlText cases = new SqlText().add(" AND NOT coalesce(CASE");
        for (int k = starts.size() - 1; k >= 1; k--) {
            if (columns.get(k) == null) cases.add(" WHEN r.hour >= ? THEN false", starts.get(k));
            else cases.add(" WHEN r.hour >= ? THEN r." + columns.get(k) + " < ?", starts.get(k), starts.get(k));
        }
        return cases.add(" END, false)");
    }

    /** The start of the stretch holding {@code r.hour}. */
    private static SqlText startOf(List<Instant> starts) {
        if (starts.size() == 1) return new SqlText().add("?::timestamp", starts.getFirst());
        SqlText cases = new SqlText().add("CASE");
        for (int k = starts.size() - 1; k >= 1; k--) cases.add(" WHEN r.hour >= ? THEN ?::timestamp", starts.get(k), starts.get(k));
        return cases.add(" ELSE ?::timestamp END", starts.getFirst());
    }
}
