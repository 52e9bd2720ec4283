package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.query.WebsiteTotals;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;

/**
 * {@code /stats} without filters from {@code visit_hour}: the whole hours' rows per visit, plus each view of the
 * partial edge hours as a row of its own, grouped per visit as the reference groups events — views summed, the
 * visit's time from its first to its last view in the range, a bounce when it has one view there. A visit belongs to
 * one session (the collector mints visit ids per session), so grouping by (visit, session) is grouping by visit.
 */
final class VisitHourStats {
    private VisitHourStats() {
    }

    static WebsiteTotals run(EventStore store, EventScope scope, WholeHours hours) throws SQLException {
        Dialect d = scope.dialect();
        var p = scope.params();
        SqlText sql = new SqlText().add("SELECT coalesce(sum(v.views), 0), count(DISTINCT v.session_id), count(*), "
                        + "coalesce(sum(CASE WHEN v.views = 1 THEN 1 ELSE 0 END), 0), coalesce(sum(v.secs), 0) FROM ("
                        + "SELECT x.session_id, sum(x.views) AS views, " + d.secondsBetween("min(x.first_at)", "max(x.last_at)")
                        + " AS secs FROM (")
                .add("SELECT h.visit_id, h.session_id, h.first_at, h.last_at, h.views FROM visit_hour h "
                        + "WHERE h.website_id = ? AND h.hour >= ? AND h.hour < ?", scope.websiteId(), hours.start(), hours.end())
                .add(" UNION ALL SELECT e.visit_id, e.session_id, e.created_at, e.created_at, 1 FROM event e "
                        + "WHERE e.website_id = ? AND e.created_at >= ? AND e.created_at < ? AND " + EventScope.VIEWS,
                        scope.websiteId(), p.startAt(), hours.start())
                .add(" UNION ALL SELECT e.visit_id, e.session_id, e.created_at, e.created_at, 1 FROM event e "
                        + "WHERE e.website_id = ? AND e.created_at >= ? AND e.created_at <= ? AND " + EventScope.VIEWS,
                        scope.websiteId(), hours.end(), p.endAt())
                .add(") x GROUP BY x.visit_id, x.session_id) v");
        return store.read(c -> sql.list(c, rs -> new WebsiteTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5)))).getFirst();
    }
}
