package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;

import java.util.List;
import java.util.function.Function;

/**
 * The funnel's ordered matching on DuckDB, in one statement over the range's rows that match a step (the same answer
 * as {@code report/Funnel.plain}, which joins every level with the event table on session ids).
 *
 * <p>A step-n row at time t is reached when some reached step-(n-1) time r of its session has r ≤ t ≤ r + window; the
 * latest such r ≤ t is the only one worth looking at, which is what an {@code ASOF JOIN} finds (one sort per level)
 * instead of pairing every step-(n-1) time with every later row of its session. The rows of later steps are read in the
 * same pass over the range (their conditions as flags) and kept only for sessions that entered the funnel; step 1
 * takes the request's filters, the later steps none, as the plain query.
 */
public final class FunnelMatch {
    private FunnelMatch() {
    }

    /**
     * {@code (level, visitors)} for levels 1 to {@code conditions.size()}, in order.
     *
     * @param conditions each step's match over the alias it is given
     */
    public static SqlText query(EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds, String reportable) {
        var p = scope.params();
        int n = conditions.size();
        SqlText filters = scope.filterCondition();
        SqlText sql = new SqlText().add("WITH hits AS MATERIALIZED (SELECT e.session_id, e.created_at AS t, (")
                .addAll(conditions.getFirst().apply("e")).add(")");
        if (filters != null) sql.add(" AND ").addAll(filters);
        sql.add(" AS m1");
        for (int i = 1; i < n; i++) sql.add(", (").addAll(conditions.get(i).apply("e")).add(") AS m" + (i + 1));
        sql.add(" FROM event e WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + reportable + " AND (",
                scope.websiteId(), p.startAt(), p.endAt());
        for (int i = 0; i < n; i++) sql.add(i == 0 ? "" : " OR ").addAll(conditions.get(i).apply("e"));
        sql.add(")), level1 AS MATERIALIZED (SELECT DISTINCT session_id, t FROM hits WHERE m1)");
        for (int i = 2; i <= n; i++) {
            sql.add(", level" + i + " AS MATERIALIZED (SELECT s.session_id, s.t FROM (SELECT session_id, t FROM hits WHERE m" + i
                    + " AND session_id IN (SELECT session_id FROM level1)) s ASOF JOIN level" + (i - 1) + " l"
                    + " ON s.session_id = l.session_id AND s.t >= l.t WHERE s.t <= " + scope.dialect().plusSeconds("l.t", windowSeconds) + ")");
        }
        for (int i = 1; i <= n; i++) {
            sql.add((i == 1 ? " " : " UNION ALL ") + "SELECT " + i + " AS level, count(DISTINCT session_id) AS visitors FROM level" + i);
        }
        return sql.add(" ORDER BY level");
    }
}
