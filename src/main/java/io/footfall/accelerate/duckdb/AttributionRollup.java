package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;

/**
 * The attribution report's touch from the per-visit rollup ({@code visit_journey}, through {@link VisitRollup}) instead of
 * a join of every event in the range with the converting sessions. The touch instant of a converting session is its first
 * reportable row in the range (first-click), or its last one before its last conversion (last-click):
 * <ul>
 *   <li>a known visit (wholly in the range, folded) gives its span: first-click takes its first row's instant; last-click
 *       its last one when the visit ended before the conversion, else the latest of its first seven rows before it (a visit
 *       with more than seven rows, all of the seven before the conversion, is read from its events after the seventh);</li>
 *   <li>checked visits (cut by the range, or with rows not folded yet) give their in-range rows from events, in their
 *       narrow windows.</li>
 * </ul>
 * The touch rows are then the session's reportable rows at that instant, read from events as the plain report does.
 * Expects a CTE {@code conv (session_id, max_dt, ...)}; defines {@code pend}, {@code model (session_id, at)} and
 * {@code touch} (the given columns).
 */
public final class AttributionRollup {
    private static final String REPORTABLE = "e." + VisitRollup.ROWS;

    private AttributionRollup() {
    }

    /** Whether the rollup can answer: DuckDB (the model ignores the filters, which apply to the conversions only). */
    public static boolean covers(EventScope scope) {
        return scope.dialect().name().equals("duckdb");
    }

    /** {@code , pend AS ..., model AS ..., touch AS ...}. */
    public static SqlText ctes(VisitRollup visits, EventScope scope, boolean first, String touchColumns) {
        var p = scope.params();
        Object site = scope.websiteId();
        String empty = "SELECT NULL::UUID AS session_id, NULL::TIMESTAMP AS created_at WHERE false";
        SqlText sql = new SqlText().add(", ").addAll(visits.pendingCte());
        if (first) {
            sql.add(", model AS (SELECT x.session_id, min(x.at) AS at FROM (SELECT v.session_id, min(v.first_at) AS at FROM visit_journey v"
                            + " WHERE v.session_id IN (SELECT session_id FROM conv)").addAll(visits.known("v"))
                    .add(" GROUP BY v.session_id UNION ALL SELECT r.session_id, r.created_at FROM (")
                    .addAll(visits.checkedRows("e.session_id, e.created_at", empty))
                    .add(") r WHERE r.session_id IN (SELECT session_id FROM conv)) x GROUP BY x.session_id)");
        } else {
            String before = "list_max(list_transform(list_filter(v.firsts, lambda f: f.ts < c.max_dt), lambda f: f.ts))";
            sql.add(", model AS (SELECT x.session_id, max(x.at) AS at FROM ("
                            + "SELECT v.session_id, CASE WHEN v.last_at < c.max_dt THEN v.last_at ELSE " + before + " END AS at"
                            + " FROM visit_journey v JOIN conv c ON c.session_id = v.session_id WHERE v.first_at < c.max_dt").addAll(visits.known("v"))
                    .add(" AND (v.last_at < c.max_dt OR len(v.firsts) < 7 OR v.firsts[7].ts >= c.max_dt)")
                    // known visits whose first seven rows all lie before the conversion: their later rows from events
                    .add(" UNION ALL SELECT e.session_id, e.created_at FROM event e JOIN (SELECT v.visit_id, v.firsts[7].ts AS lo, c.max_dt"
                            + " FROM visit_journey v JOIN conv c ON c.session_id = v.session_id WHERE v.last_at >= c.max_dt AND len(v.firsts) = 7"
                            + " AND v.firsts[7].ts < c.max_dt").addAll(visits.known("v"))
                    .add(") d ON e.visit_id = d.visit_id AND e.created_at >= d.lo AND e.created_at < d.max_dt"
                            + " WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + REPORTABLE, site, p.startAt(), p.endAt())
                    .addAll(visits.measuredRows("e"))
                    .add(" UNION ALL SELECT r.session_id, r.created_at FROM (").addAll(visits.checkedRows("e.session_id, e.created_at", empty))
                    .add(") r JOIN conv c ON c.session_id = r.session_id WHERE r.created_at < c.max_dt) x GROUP BY x.session_id)");
        }
        return sql.add(", touch AS (SELECT " + touchColumns + " FROM model m JOIN event e ON e.session_id = m.session_id AND e.created_at = m.at"
                        + " WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + REPORTABLE, site, p.startAt(), p.endAt())
                .addAll(visits.measuredRows("e")).add(")");
    }
}
