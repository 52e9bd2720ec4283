package io.footfall.query.reference;

import io.footfall.query.EventTotals;
import io.footfall.query.SessionTotals;
import io.footfall.query.WebsiteTotals;
import io.footfall.query.Buckets;
import io.footfall.query.EventScope;
import io.footfall.query.PageviewSeries;
import io.footfall.query.SqlText;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Totals and time series over the raw events, as Umami defines them: a visit is the rows sharing a
 * visit id, a bounce a visit with exactly one view, its time last minus first view.
 */
final class RawTotals {
    private RawTotals() {
    }

    /** pageviews, visitors (distinct sessions), visits, bounces, totaltime — over the views in scope. */
    static WebsiteTotals stats(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        SqlText sql = new SqlText().add("SELECT coalesce(sum(v.views), 0), count(DISTINCT v.session_id), count(*), "
                        + "coalesce(sum(CASE WHEN v.views = 1 THEN 1 ELSE 0 END), 0), coalesce(sum(v.secs), 0) FROM ("
                        + "SELECT " + d.anyValue("e.session_id") + " AS session_id, count(*) AS views, "
                        + d.secondsBetween("min(e.created_at)", "max(e.created_at)") + " AS secs FROM event e")
                .addAll(scope.where(EventScope.VIEWS))
                .add(" GROUP BY e.visit_id) v");
        return Raw.list(store, sql, rs -> new WebsiteTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5))).getFirst();
    }

    /** Views and distinct sessions per local time bucket; buckets without views are left out. */
    static PageviewSeries.Series pageviews(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT t.b, count(*), count(DISTINCT t.session_id) FROM (SELECT ")
                .addAll(scope.bucket("e.created_at"))
                .add(" AS b, e.session_id FROM event e")
                .addAll(scope.where(EventScope.VIEWS))
                .add(") t GROUP BY t.b ORDER BY t.b");
        boolean iso = scope.params().isoUtc();
        List<PageviewSeries.Point> views = new ArrayList<>();
        List<PageviewSeries.Point> sessions = new ArrayList<>();
        Raw.list(store, sql, rs -> {
            String x = Buckets.read(rs, 1, iso);
            views.add(new PageviewSeries.Point(x, rs.getLong(2)));
            sessions.add(new PageviewSeries.Point(x, rs.getLong(3)));
            return null;
        });
        return new PageviewSeries.Series(views, sessions);
    }

    /** Custom events, their distinct sessions, visits and names. */
    static EventTotals eventStats(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT count(*), count(DISTINCT e.session_id), count(DISTINCT e.visit_id), "
                        + "count(DISTINCT e.event_name) FROM event e")
                .addAll(scope.where(EventScope.CUSTOM_EVENTS));
        return Raw.list(store, sql, rs -> new EventTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).getFirst();
    }

    /** The sessions page totals: every row but web vitals as "pageviews" (as Umami), custom events apart. */
    static SessionTotals sessionStats(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT count(*), count(DISTINCT e.session_id), count(DISTINCT e.visit_id), "
                        + "count(DISTINCT e.country), coalesce(sum(CASE WHEN e.event_type = 2 THEN 1 ELSE 0 END), 0) FROM event e")
                .addAll(scope.where(EventScope.ACTIVITY));
        return Raw.list(store, sql, rs -> new SessionTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5))).getFirst();
    }
}
