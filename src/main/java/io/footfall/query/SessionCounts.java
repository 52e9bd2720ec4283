package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Distinct-session counts through the session rollup: sessions wholly inside the range are counted as
 * rows of {@code session_span} (their attributes are constant, so each is one row of one group), the
 * edge sessions by a distinct count over their events. The two sets are disjoint, so the sums are exact.
 * Callers check {@link SpanRollup#covers} first.
 */
final class SessionCounts {
    private SessionCounts() {
    }

    /** The rollup column that says a clean session has rows of the type condition. */
    static String presence(String typeCondition) {
        return switch (typeCondition) {
            case EventScope.VIEWS -> "v.views > 0";
            case EventScope.CUSTOM_EVENTS -> "v.events > 0";
            case SessionList.ACTIVITY -> "v.activity > 0";
            default -> throw new IllegalArgumentException(typeCondition);
        };
    }

    /** Distinct sessions with rows of the type condition in the scope. */
    static long visitors(EventStore store, EventScope scope, String typeCondition) throws SQLException {
        SpanRollup r = SpanRollup.open(store, scope, SpanRollup.SESSIONS);
        SqlText sql = new SqlText().add("SELECT (SELECT count(*) FROM session_span v").addAll(r.cleanWhere())
                .add(" AND " + presence(typeCondition) + ")");
        List<SqlText> edges = r.edgeEventWheres(typeCondition, true);
        if (!edges.isEmpty()) {
            sql.add(" + (SELECT count(DISTINCT x.session_id) FROM (");
            for (int i = 0; i < edges.size(); i++) {
                sql.add(i == 0 ? "SELECT e.session_id FROM event e" : " UNION ALL SELECT e.session_id FROM event e").addAll(edges.get(i));
            }
            sql.add(") x)");
        }
        return store.read(c -> sql.list(c, rs -> rs.getLong(1)).getFirst());
    }

    /** A session-attribute metric ({@code browser}, {@code country}, ...): distinct sessions with views per value. */
    static List<Map<String, Object>> metric(EventStore store, EventScope scope, MetricType type) throws SQLException {
        QueryParams p = scope.params();
        SpanRollup r = SpanRollup.open(store, scope, SpanRollup.SESSIONS);
        boolean withCountry = type.carriesCountry();
        String country = withCountry ? ", t.country" : "";
        SqlText sql = new SqlText().add("SELECT t.x, sum(t.y)::BIGINT AS y" + country + " FROM (SELECT "
                        + type.expression().replace("e.", "v.") + " AS x, count(*) AS y" + (withCountry ? ", v.country" : "")
                        + " FROM session_span v")
                .addAll(r.cleanWhere())
                .add(" AND " + presence(type.typeCondition()) + " GROUP BY 1" + (withCountry ? ", 3" : ""));
        for (SqlText w : r.edgeEventWheres(type.typeCondition(), true)) {
            sql.add(" UNION ALL SELECT " + type.expression() + ", count(DISTINCT e.session_id)" + (withCountry ? ", e.country" : "")
                    + " FROM event e").addAll(w).add(" GROUP BY 1" + (withCountry ? ", 3" : ""));
        }
        sql.add(") t GROUP BY t.x" + country + " ORDER BY 2 DESC, 1" + country + " LIMIT ? OFFSET ?", p.limit(), p.offset());
        return Metrics.read(store, sql, withCountry);
    }
}
