package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;

import java.util.List;
import java.util.function.Function;

/**
 * The funnel's level-by-level matching on DuckDB: the same answer as {@code report/Funnel.plain}, in the shape that
 * measured fastest on 10 M events (see docs/benchmarks.md, "h17-funnel").
 *
 * <p>Step 1's rows are materialized once, without the plain query's {@code DISTINCT} over (session, time): that
 * hash aggregate over every step-1 row of the range was the largest single cost (a repeated (session, time) pair
 * only repeats a join match, and each later level is still made distinct). The later levels read only rows inside
 * the range (the plain query bounds them by its end only; a level's rows follow the previous one's, so they never
 * lie before the start). An {@code ASOF JOIN} per level, a semi-join ({@code EXISTS}), one pass with step flags and
 * per-session lists with lambdas were measured too and were slower (the hash work on session ids dominates all of them).
 */
public final class FunnelMatch {
    private FunnelMatch() {
    }

    /**
     * {@code (level, visitors)} for levels 1 to {@code conditions.size()}, in order.
     *
     * @param conditions each step's match over the alias it is given
     * @param reportable the rows a report reads, over alias {@code e}
     */
    public static SqlText query(EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds, String reportable) {
        var p = scope.params();
        SqlText sql = new SqlText().add("WITH level1 AS MATERIALIZED (SELECT e.session_id, e.created_at FROM event e")
                .addAll(scope.where(reportable)).add(" AND ").addAll(conditions.getFirst().apply("e")).add(")");
        String windowEnd = scope.dialect().plusSeconds("l.created_at", windowSeconds);
        for (int i = 1; i < conditions.size(); i++) {
            sql.add(", level" + (i + 1) + " AS MATERIALIZED (SELECT DISTINCT e.session_id, e.created_at FROM level" + i + " l"
                            + " JOIN event e ON e.session_id = l.session_id WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ?"
                            + " AND e.created_at >= l.created_at AND e.created_at <= " + windowEnd + " AND " + reportable + " AND ",
                    scope.websiteId(), p.startAt(), p.endAt())
                    .addAll(conditions.get(i).apply("e")).add(")");
        }
        for (int i = 1; i <= conditions.size(); i++) {
            sql.add((i == 1 ? " " : " UNION ALL ") + "SELECT " + i + " AS level, count(DISTINCT session_id) AS visitors FROM level" + i);
        }
        return sql.add(" ORDER BY level");
    }
}
