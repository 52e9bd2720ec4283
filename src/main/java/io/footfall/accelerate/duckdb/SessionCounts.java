package io.footfall.accelerate.duckdb;

import io.footfall.query.QueryParams;
import io.footfall.query.MetricRows;
import io.footfall.query.MetricType;
import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Distinct-session counts through the session rollup ({@link SessionSplit}): known sessions are counted
 * as rows of {@code session_span} (their attributes are constant, so each is one row of one group), the
 * checked ones by a distinct count over their events. The two sets are disjoint, so the sums are exact.
 * Callers check {@link SpanRollup#covers} first.
 */
final class SessionCounts {
    private SessionCounts() {
    }

    /**
     * The sessions with activity in the scope, as a sub-query of {@code session_id}s for {@code IN (...)}:
     * through the rollup when it covers the filters (a session may then appear twice; IN does not mind).
     */
    static SqlText activeSessions(EventStore store, EventScope scope, QueryOptions options) throws SQLException {
        if (!SpanRollup.covers(scope.params())) {
            return new SqlText().add("(SELECT e.session_id FROM event e").addAll(scope.where(EventScope.ACTIVITY)).add(")");
        }
        SessionSplit split = SessionSplit.open(store, scope, EventScope.ACTIVITY, SessionSplit.Question.PRESENT, options);
        SqlText s = new SqlText().add("(SELECT v.session_id FROM session_span v").addAll(split.knownWhere());
        SqlText checked = split.checkedWhere();
        if (checked != null) s.add(" UNION ALL SELECT e.session_id FROM event e").addAll(checked);
        return s.add(")");
    }

    /** Distinct sessions with rows of the type condition in the scope. */
    static long visitors(EventStore store, EventScope scope, String typeCondition, QueryOptions options) throws SQLException {
        SessionSplit split = SessionSplit.open(store, scope, typeCondition, SessionSplit.Question.PRESENT, options);
        SqlText sql = split.countsByDay() ? new SqlText().add("SELECT (").addAll(split.knownCountByDay()).add(")")
                : new SqlText().add("SELECT (SELECT count(*) FROM session_span v").addAll(split.knownWhere()).add(")");
        SqlText checked = split.checkedWhere();
        if (checked != null) sql.add(" + (SELECT count(DISTINCT e.session_id) FROM event e").addAll(checked).add(")");
        return store.read(c -> sql.list(c, rs -> rs.getLong(1)).getFirst());
    }

    /** A session-attribute metric ({@code browser}, {@code country}, ...): distinct sessions with views per value. */
    static List<Map<String, Object>> metric(EventStore store, EventScope scope, MetricType type, QueryOptions options) throws SQLException {
        QueryParams p = scope.params();
        SessionSplit split = SessionSplit.open(store, scope, type.typeCondition(), SessionSplit.Question.PRESENT, options);
        boolean withCountry = type.carriesCountry();
        String country = withCountry ? ", t.country" : "";
        // Known sessions grouped by the raw column first: an expression over it (language's first two letters)
        // then runs once per value instead of once per session.
        SqlText sql = new SqlText().add("SELECT t.x, sum(t.y)::BIGINT AS y" + country + " FROM (SELECT " + type.expressionOver("g.x")
                        + " AS x, sum(g.y) AS y" + (withCountry ? ", g.country" : "") + " FROM (SELECT v." + type.column() + " AS x, count(*) AS y"
                        + (withCountry ? ", v.country" : "")
                        + " FROM session_span v")
                .addAll(split.knownWhere())
                .add(" GROUP BY 1" + (withCountry ? ", 3" : "") + ") g GROUP BY 1" + (withCountry ? ", 3" : ""));
        SqlText checked = split.checkedWhere();
        if (checked != null) {
            sql.add(" UNION ALL SELECT " + type.expression() + ", count(DISTINCT e.session_id)" + (withCountry ? ", e.country" : "")
                    + " FROM event e").addAll(checked).add(" GROUP BY 1" + (withCountry ? ", 3" : ""));
        }
        sql.add(") t WHERE " + MetricType.present("t.x") + " GROUP BY t.x" + country + " ORDER BY 2 DESC, 1" + country + " LIMIT ? OFFSET ?", p.limit(), p.offset());
        return MetricRows.read(store, sql, withCountry);
    }
}
