package io.footfall.accelerate.duckdb;

import io.footfall.query.SqlText;
import io.footfall.query.SessionTotals;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;

/**
 * The sessions page totals. As real Umami, {@code pageviews} counts every tracked row (custom events
 * included); {@code events} counts custom events only. Web-vitals rows count nowhere.
 */
public final class SessionStats {
    private SessionStats() {
    }

    public static SessionTotals run(EventStore store, EventScope scope, QueryOptions options) throws SQLException {
        boolean shortRange = java.time.Duration.between(scope.params().startAt(), scope.params().endAt()).toDays()
                < options.shortRangeDays();
        // A short range is cut by most of its sessions: finding them in the rollup costs more than the events.
        if (!shortRange && SpanRollup.covers(scope.params())) {
            SpanRollup r = SpanRollup.open(store, scope, SpanRollup.SESSIONS, options);
            // Many sessions cut by the range (a short range) leave little for the rollup to answer.
            if (r.edgeCount() <= options.maxEdges()) return fromRollup(store, scope, r);
        }
        return fromEvents(store, scope);
    }

    static SessionTotals fromEvents(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT count(*), count(DISTINCT e.session_id), count(DISTINCT e.visit_id), "
                        + "count(DISTINCT e.country), coalesce(sum(CASE WHEN e.event_type = 2 THEN 1 ELSE 0 END), 0) FROM event e")
                .addAll(scope.where(EventScope.ACTIVITY));
        return store.read(c -> sql.list(c, rs -> new SessionTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5))).getFirst());
    }

    /**
     * The same from the session rollup: sessions wholly inside the range add their stored counts (visits
     * never span sessions), the edge sessions are counted over their events; countries over both.
     */
    static SessionTotals fromRollup(EventStore store, EventScope scope, SpanRollup r) throws SQLException {
        SqlText clean = new SqlText().add("SELECT coalesce(sum(v.activity), 0)::BIGINT, count(*), coalesce(sum(v.visits), 0)::BIGINT, "
                + "coalesce(sum(v.events), 0)::BIGINT FROM session_span v").addAll(r.cleanWhere());
        List<SqlText> edges = r.edgeEventWheres(EventScope.ACTIVITY, true);
        SqlText countries = new SqlText().add("SELECT count(DISTINCT y.country) FROM (SELECT DISTINCT v.country FROM session_span v")
                .addAll(r.cleanWhere());
        for (SqlText w : edges) countries.add(" UNION ALL SELECT DISTINCT e.country FROM event e").addAll(w);
        countries.add(") y");
        SqlText edge = new SqlText().add("SELECT count(*), count(DISTINCT x.session_id), count(DISTINCT x.visit_id), "
                + "coalesce(sum(CASE WHEN x.event_type = 2 THEN 1 ELSE 0 END), 0) FROM (");
        for (int i = 0; i < edges.size(); i++) {
            edge.add(i == 0 ? "" : " UNION ALL ").add("SELECT e.session_id, e.visit_id, e.event_type FROM event e").addAll(edges.get(i));
        }
        edge.add(") x");
        return store.read(c -> {
            long[] a = clean.list(c, rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).getFirst();
            long[] b = edges.isEmpty() ? new long[4]
                    : edge.list(c, rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).getFirst();
            long countryCount = countries.list(c, rs -> rs.getLong(1)).getFirst();
            return new SessionTotals(a[0] + b[0], a[1] + b[1], a[2] + b[2], countryCount, a[3] + b[3]);
        });
    }
}
