package io.footfall.accelerate.duckdb;

import io.footfall.query.Filter;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reading through a span rollup while staying exact. Two kinds: {@link #VISITS} (table {@code visit}, one
 * row per visit: session, first and last view, view count, entry and exit path, session attributes) and
 * {@link #SESSIONS} (table {@code session_span}, one row per session: first and last activity, counts of
 * rows, views, custom events and visits, attributes). For either, with "visit" read as its unit:
 * <ul>
 *   <li>visits with pending rows (events not folded yet, seen through the {@code *_pending} views) count as
 *       edge visits;</li>
 *   <li>only when every filter is on a session attribute the rollup carries ({@link #covers});</li>
 *   <li>rollup rows only for <em>clean</em> visits: wholly inside the range and not {@code mixed};</li>
 *   <li>the other visits that touch the range (<em>edge</em> visits: cut by its start or end, or mixed)
 *       are read from the event table, each within a narrow time window found first, so the engine
 *       prunes by created_at: visits starting before the range in [start, their latest last view],
 *       the rest in [their earliest first view, end]. Each edge visit is in exactly one window.</li>
 * </ul>
 */
final class SpanRollup {
    /** A rollup table: the view of its pending rows (see Rollups) and its key column (also a column of {@code event}). */
    record Kind(String table, String pending, String key, String typeCondition) {
    }

    static final Kind VISITS = new Kind("visit", "visit_pending", "visit_id", EventScope.VIEWS);
    static final Kind SESSIONS = new Kind("session_span", "session_pending", "session_id", EventScope.ACTIVITY);

    /** Filter names whose column the rollup carries and that are constant over a clean visit. */
    static final Set<String> SESSION_FILTERS = Set.of("browser", "os", "device", "country", "region", "city", "language");

    /** The time windows of the edge visits, one per side (null when that side has none), and their ids when few. */
    record Edges(Instant[] before, Instant[] rest, List<Object> beforeIds, List<Object> restIds) {
    }

    private final Kind kind;
    private final EventScope scope;
    private final Edges edges;
    private final boolean pending;
    private final int edgeCount;

    private SpanRollup(Kind kind, EventScope scope, Edges edges, boolean pending, int edgeCount) {
        this.edgeCount = edgeCount;
        this.kind = kind;
        this.scope = scope;
        this.edges = edges;
        this.pending = pending;
    }

    /** True when the rollup can answer for the scope's filters. */
    static boolean covers(QueryParams p) {
        for (Filter f : p.filters()) {
            if (!SESSION_FILTERS.contains(f.name())) return false;
        }
        return true;
    }

    /** Finds the edge visits' windows for the scope (small queries over the rollup). */
    static SpanRollup open(EventStore store, EventScope scope, Kind kind, QueryOptions options) throws SQLException {
        QueryParams p = scope.params();
        boolean pending = Tail.has(store, scope, kind.typeCondition());
        SqlText sql = new SqlText().add("SELECT g.k, g.f, g.l FROM ").addAll(edgeSet(kind, scope, pending)).add(" g");
        List<Object[]> rows = store.read(c -> sql.list(c, rs -> new Object[]{rs.getObject(1),
                Sql.instant(rs, 2), Sql.instant(rs, 3)}));
        Instant start = p.startAt();
        Instant end = p.endAt();
        Instant beforeMax = null;
        Instant restMin = null;
        List<Object> beforeIds = new ArrayList<>();
        List<Object> restIds = new ArrayList<>();
        for (Object[] r : rows) {
            Instant f = (Instant) r[1];
            Instant l = (Instant) r[2];
            if (f.isBefore(start)) {
                beforeIds.add(r[0]);
                if (beforeMax == null || l.isAfter(beforeMax)) beforeMax = l;
            } else {
                restIds.add(r[0]);
                if (restMin == null || f.isBefore(restMin)) restMin = f;
            }
        }
        Instant[] before = beforeMax == null ? null : new Instant[]{start, beforeMax.isAfter(end) ? end : beforeMax};
        Instant[] rest = restMin == null ? null : new Instant[]{max(start, restMin), end};
        boolean listed = rows.size() <= options.maxListedEdges();
        Edges e = new Edges(before, rest, listed ? beforeIds : null, listed ? restIds : null);
        return new SpanRollup(kind, scope, e, pending, rows.size());
    }

    /**
     * The edge units as a derived table {@code (k, f, l)}: key, first and last time over the folded row
     * and any pending rows. Without pending rows: units touching the range that are cut by it or mixed.
     * With pending rows, also every unit that has some (its folded row, if any, counted in its extent).
     */
    private static SqlText edgeSet(Kind kind, EventScope scope, boolean pending) {
        QueryParams p = scope.params();
        String key = kind.key();
        SqlText s = new SqlText();
        if (!pending) return s.add("(").addAll(edgeRows(kind, scope)).add(")");
        return s.add("(SELECT x.k, min(x.f) AS f, max(x.l) AS l FROM (").addAll(edgeRows(kind, scope))
                .add(" UNION ALL SELECT p." + key + ", p.first_at, p.last_at FROM " + kind.pending() + " p WHERE p.website_id = ?", scope.websiteId())
                .add(" UNION ALL SELECT v." + key + ", v.first_at, v.last_at FROM " + kind.table() + " v WHERE v.website_id = ? AND v." + key
                        + " IN " + Tail.ids(kind.pending(), key), scope.websiteId(), scope.websiteId())
                .add(") x GROUP BY x.k HAVING min(x.f) <= ? AND max(x.l) >= ?)", p.endAt(), p.startAt());
    }


    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Whether the website has pending (unfolded) rows. */
    boolean pending() {
        return pending;
    }

    /** How many edge units the range has: when many, the event table alone is the cheaper read. */
    int edgeCount() {
        return edgeCount;
    }

    /**
     * The folded edge units of the website touching the range, as rows {@code (k, f, l)}: cut by the start,
     * cut by the end only, or inside and mixed. Three disjoint selections instead of one OR, so each can skip
     * row groups by their time (or mixed) statistics.
     */
    private static SqlText edgeRows(Kind kind, EventScope scope) {
        QueryParams p = scope.params();
        String select = "SELECT v." + kind.key() + " AS k, v.first_at AS f, v.last_at AS l FROM " + kind.table() + " v WHERE v.website_id = ? AND ";
        return new SqlText().add(select + "v.first_at < ? AND v.last_at >= ?", scope.websiteId(), p.startAt(), p.startAt())
                .add(" UNION ALL " + select + "v.first_at >= ? AND v.first_at <= ? AND v.last_at > ?", scope.websiteId(), p.startAt(),
                        p.endAt(), p.endAt())
                .add(" UNION ALL " + select + "v.first_at >= ? AND v.last_at <= ? AND v.mixed", scope.websiteId(), p.startAt(), p.endAt());
    }

    /** WHERE over alias v for the clean visits, with the (session-attribute) filters. */
    SqlText cleanWhere() {
        QueryParams p = scope.params();
        SqlText s = new SqlText().add(" WHERE v.website_id = ? AND v.first_at >= ? AND v.last_at <= ? AND NOT v.mixed",
                        scope.websiteId(), p.startAt(), p.endAt())
                .addAll(scope.filters("v"));
        if (pending) {
            s.add(" AND v." + kind.key() + " NOT IN " + Tail.ids(kind.pending(), kind.key()), scope.websiteId());
        }
        return s;
    }

    /**
     * One WHERE over alias e per edge window: the website, the window, the type condition, the edge units
     * of that side, and the filters when {@code withFilters}.
     */
    List<SqlText> edgeEventWheres(String typeCondition, boolean withFilters) {
        List<SqlText> out = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            Instant[] w = side == 0 ? edges.before() : edges.rest();
            if (w == null) continue;
            SqlText s = new SqlText().add(" WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + typeCondition,
                            scope.websiteId(), w[0], w[1])
                    .add(" AND e." + kind.key() + " IN (").addAll(keysOf(side)).add(")");
            if (withFilters) s.addAll(scope.filters("e"));
            out.add(s);
        }
        return out;
    }

    /**
     * For a rollup keyed by the unit or finer (alias v, with the unit's key and {@code first_at}): one WHERE per
     * edge window selecting the rows of that side's edge units that start inside the window. Every row of an
     * edge unit lying in the range lies in its side's window, so these are what a sum over the rows in the
     * range must take back out. When each unit is one row starting at the unit's first time
     * ({@code oneRowPerUnit}, the visit rollup itself), units starting before the range have no row in it, so
     * only the other side is read; unless rows are pending: a unit whose pending events start before the range
     * (a late hit, or events re-shipped after a crash) can have its folded row start inside it.
     */
    List<SqlText> edgeRowWheres(boolean oneRowPerUnit) {
        return edgeRowWheres(oneRowPerUnit, null);
    }

    /**
     * As {@link #edgeRowWheres(boolean)}, for rows naming their unit by its number in {@code numbers} (null: by its id): the
     * caller reads them as {@code numbers.table() un JOIN <rows> v ON un.website_id = v.website_id AND un.num = v.<column>},
     * so the window's few rows are built and the number table probed by their numbers (zone maps skip the rest of it).
     */
    List<SqlText> edgeRowWheres(boolean oneRowPerUnit, UnitNumbers numbers) {
        List<SqlText> out = new ArrayList<>();
        for (int side = oneRowPerUnit && !pending ? 1 : 0; side < 2; side++) {
            Instant[] w = side == 0 ? edges.before() : edges.rest();
            if (w == null) continue;
            SqlText s = new SqlText().add(" WHERE v.website_id = ? AND v.first_at BETWEEN ? AND ?", scope.websiteId(), w[0], w[1]);
            if (numbers == null) {
                s.add(" AND v." + kind.key() + " IN (");
            } else {
                s.add(" AND un." + numbers.key() + " IN (");
            }
            out.add(s.addAll(keysOf(side)).add(")"));
        }
        return out;
    }

    /** The body of {@code IN (...)} naming one side's edge units: their ids when few, else the sub-query. */
    private SqlText keysOf(int side) {
        SqlText s = new SqlText();
        List<Object> ids = side == 0 ? edges.beforeIds() : edges.restIds();
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) s.add(i == 0 ? "?" : ", ?", ids.get(i));
            return s;
        }
        return s.add("SELECT g.k FROM ").addAll(edgeSet(kind, scope, pending))
                .add(side == 0 ? " g WHERE g.f < ?" : " g WHERE g.f >= ?", scope.params().startAt());
    }

    /** The views of the edge visits ({@link #VISITS}' original use). */
    List<SqlText> edgeEventWheres(boolean withFilters) {
        return edgeEventWheres(EventScope.VIEWS, withFilters);
    }
}
