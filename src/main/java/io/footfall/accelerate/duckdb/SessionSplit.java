package io.footfall.accelerate.duckdb;

import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a website's sessions for one range into those the session rollup answers alone (<em>known</em>)
 * and the few whose events must be read (<em>checked</em>), for questions that need no counts inside the
 * range. Known sessions are folded, not mixed (so filters on session attributes apply to the row) and:
 * <ul>
 *   <li>{@link Question#PRESENT} "has rows of the type in the range": its first or last such row lies in
 *       the range. Checked: sessions whose rows of the type start before and end after the range.</li>
 *   <li>{@link Question#LAST} "its last activity in the range", for ranking: its last activity lies in
 *       the range. Checked: sessions active in the range that are still active after it.</li>
 * </ul>
 * Mixed sessions and sessions with pending rows touching the range are always checked. Unlike a
 * whole-span split, a session that began before the range is known, so short ranges stay cheap.
 */
final class SessionSplit {
    enum Question { PRESENT, LAST }

    private final EventScope scope;
    private final String typeCondition;
    private final boolean pending;
    private final String first;
    private final String last;
    private final Question question;
    private final Instant[] window;
    private final List<Object> ids;

    private SessionSplit(EventScope scope, String typeCondition, Question question, boolean pending, Instant[] window, List<Object> ids) {
        this.scope = scope;
        this.typeCondition = typeCondition;
        this.question = question;
        this.pending = pending;
        String[] span = span(typeCondition);
        this.first = span[0];
        this.last = span[1];
        this.window = window;
        this.ids = ids;
    }

    /** The rollup columns spanning the rows of the type condition (alias v). */
    private static String[] span(String typeCondition) {
        return switch (typeCondition) {
            case EventScope.VIEWS -> new String[]{"v.first_view_at", "v.last_view_at"};
            case EventScope.ACTIVITY -> new String[]{"v.first_at", "v.last_at"};
            default -> throw new IllegalArgumentException(typeCondition);
        };
    }

    static SessionSplit open(EventStore store, EventScope scope, String typeCondition, Question question, QueryOptions options)
            throws SQLException {
        boolean pending = Tail.has(store, scope, EventScope.ACTIVITY);
        SessionSplit probe = new SessionSplit(scope, typeCondition, question, pending, null, null);
        SqlText sql = new SqlText().add("SELECT g.k, g.f, g.l FROM ").addAll(probe.checkedSet()).add(" g");
        List<Object[]> rows = store.read(c -> sql.list(c, rs -> new Object[]{rs.getObject(1),
                Sql.instant(rs, 2), Sql.instant(rs, 3)}));
        if (rows.isEmpty()) return new SessionSplit(scope, typeCondition, question, pending, null, null);
        QueryParams p = scope.params();
        Instant from = null;
        Instant to = null;
        List<Object> ids = new ArrayList<>();
        for (Object[] r : rows) {
            ids.add(r[0]);
            if (from == null || ((Instant) r[1]).isBefore(from)) from = (Instant) r[1];
            if (to == null || ((Instant) r[2]).isAfter(to)) to = (Instant) r[2];
        }
        Instant[] window = {from.isBefore(p.startAt()) ? p.startAt() : from, to.isAfter(p.endAt()) ? p.endAt() : to};
        return new SessionSplit(scope, typeCondition, question, pending, window, rows.size() <= options.maxListedEdges() ? ids : null);
    }


    /** WHERE over alias v for the known sessions, with the (session-attribute) filters. */
    SqlText knownWhere() {
        QueryParams p = scope.params();
        SqlText s = new SqlText().add(" WHERE v.website_id = ? AND NOT v.mixed", scope.websiteId());
        if (question == Question.PRESENT) {
            // The first two conditions are implied by the third; they only let zone maps prune.
            s.add(" AND " + last + " >= ? AND " + first + " <= ? AND (" + first + " BETWEEN ? AND ? OR " + last + " BETWEEN ? AND ?)",
                    p.startAt(), p.endAt(), p.startAt(), p.endAt(), p.startAt(), p.endAt());
        } else {
            s.add(" AND " + last + " BETWEEN ? AND ?", p.startAt(), p.endAt());
        }
        s.addAll(scope.filters("v"));
        if (pending) s.add(" AND v.session_id NOT IN " + Tail.ids("session_pending", "session_id"), scope.websiteId());
        return s;
    }

    /**
     * For {@link Question#PRESENT} activity without filters: a condition over session data rows (alias d),
     * which carry their session's folded span (V18), true when that span starts or ends in the range. Such a
     * session certainly had activity in the range (pending rows only add to it), so this holds for every known
     * session and possibly some checked ones (pending or mixed); OR-ed with the checked sessions, each row
     * still counts once. False for a row without a span (no folded activity): such a session is checked or inactive.
     */
    SqlText spanInRangeCondition() {
        QueryParams p = scope.params();
        if (!p.filters().isEmpty() || question != Question.PRESENT || !typeCondition.equals(EventScope.ACTIVITY)) {
            throw new IllegalStateException("session data rows carry only the activity span, not the attributes filters need");
        }
        return new SqlText().add("(d.session_first_at BETWEEN ? AND ? OR d.session_last_at BETWEEN ? AND ?)",
                p.startAt(), p.endAt(), p.startAt(), p.endAt());
    }

    /**
     * The known sessions' count for {@link Question#PRESENT} with views and no filters, as a sum of parts:
     * rows whose first view lies in the range (whole UTC days from {@code session_view_day}), rows whose
     * first view precedes it and whose last view lies in it, less the rows of pending sessions either part
     * counted. Equal to counting {@link #knownWhere()}, without reading every row of a long range.
     */
    SqlText knownCountByDay() {
        QueryParams p = scope.params();
        String rows = "SELECT count(*) AS n FROM session_span v WHERE v.website_id = ? AND NOT v.mixed";
        SqlText s = new SqlText().add("SELECT coalesce(sum(t.n), 0) FROM (").addAll(WholeDays.startingIn(p, first,
                days -> new SqlText().add("SELECT sum(y.sessions) AS n FROM session_view_day y WHERE y.website_id = ? AND y.day >= ? AND y.day < ?",
                        scope.websiteId(), days[0], days[1]),
                window -> new SqlText().add(rows, scope.websiteId()).addAll(window), "-neg.n"));
        s.add(" UNION ALL " + rows + " AND " + first + " < ? AND " + last + " BETWEEN ? AND ?", scope.websiteId(), p.startAt(), p.startAt(), p.endAt());
        if (pending) {
            s.add(" UNION ALL SELECT -count(*) FROM session_span v WHERE v.website_id = ? AND NOT v.mixed AND " + last + " >= ? AND " + first
                            + " <= ? AND (" + first + " BETWEEN ? AND ? OR " + last + " BETWEEN ? AND ?)", scope.websiteId(),
                    p.startAt(), p.endAt(), p.startAt(), p.endAt(), p.startAt(), p.endAt())
                    .add(" AND v.session_id IN " + Tail.ids("session_pending", "session_id"), scope.websiteId());
        }
        return s.add(") t");
    }

    /** Whether {@link #knownCountByDay()} answers: views asked, presence asked, no filters. */
    boolean countsByDay() {
        return question == Question.PRESENT && typeCondition.equals(EventScope.VIEWS) && scope.params().filters().isEmpty();
    }

    /** The checked sessions as a derived table {@code (k, f, l)} with their activity span. */
    private SqlText checkedSet() {
        QueryParams p = scope.params();
        // The unknown sessions' condition, with the span bounds it implies so zone maps can skip blocks.
        SqlText unknown = question == Question.PRESENT
                ? new SqlText().add(first + " < ? AND " + last + " > ? AND v.first_at < ? AND v.last_at > ?",
                p.startAt(), p.endAt(), p.startAt(), p.endAt())
                : new SqlText().add("v.first_at <= ? AND v.last_at > ?", p.endAt(), p.endAt());
        String select = "SELECT v.session_id AS k, v.first_at AS f, v.last_at AS l FROM session_span v WHERE v.website_id = ? "
                + "AND v.first_at <= ? AND v.last_at >= ? AND ";
        SqlText s = new SqlText().add("(SELECT x.k, min(x.f) AS f, max(x.l) AS l FROM (")
                .add(select + "v.mixed", scope.websiteId(), p.endAt(), p.startAt())
                .add(" UNION ALL " + select + "NOT v.mixed AND ", scope.websiteId(), p.endAt(), p.startAt()).addAll(unknown)
                .addAll(scope.filters("v"));
        if (pending) {
            s.add(" UNION ALL SELECT v.session_id, v.first_at, v.last_at FROM session_span v WHERE v.website_id = ? AND v.session_id IN "
                    + Tail.ids("session_pending", "session_id"), scope.websiteId(), scope.websiteId());
            s.add(" UNION ALL SELECT p.session_id, p.first_at, p.last_at FROM session_pending p WHERE p.website_id = ?", scope.websiteId());
        }
        return s.add(") x GROUP BY x.k HAVING min(x.f) <= ? AND max(x.l) >= ?)", p.endAt(), p.startAt());
    }

    /** WHERE over alias e for the checked sessions' rows of the type in the range, with the filters; null when none. */
    SqlText checkedWhere() {
        if (window == null) return null;
        SqlText s = new SqlText().add(" WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + typeCondition,
                scope.websiteId(), window[0], window[1]).add(" AND e.session_id IN (").addAll(checkedKeys()).add(")");
        return s.addAll(scope.filters("e"));
    }

    /** The body of {@code IN (...)} naming the checked sessions (their ids when few, else the sub-query); null when none. */
    SqlText checkedKeys() {
        if (window == null) return null;
        SqlText s = new SqlText();
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) s.add(i == 0 ? "?" : ", ?", ids.get(i));
            return s;
        }
        return s.add("SELECT g.k FROM ").addAll(checkedSet()).add(" g");
    }
}
