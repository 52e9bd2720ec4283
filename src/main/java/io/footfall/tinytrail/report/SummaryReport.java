package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;

/**
 * {@code /api/v1/reports/summary}: visits, unique visitors, pageviews, bounce rate and average session duration
 * ({@link TinyTrailTerms}) over the scope's events (with a content group, its paths' events only).
 */
public final class SummaryReport {
    /** The counts behind the summary's five metrics. */
    public record Totals(long visits, long visitors, long pageviews, long bounces, long seconds) {
        /** Bounced visits in percent of visits, 2 decimals; 0 without visits. */
        public double bounceRate() {
            return visits == 0 ? 0 : round2(bounces * 100.0 / visits);
        }

        /** Mean visit duration in whole seconds (half up); 0 without visits. */
        public long avgSessionDurationSec() {
            return visits == 0 ? 0 : Math.round((double) seconds / visits);
        }
    }

    private SummaryReport() {
    }

    public static Totals totals(EventStore store, ReportScope scope) throws SQLException {
        Dialect d = scope.dialect();
        SqlText sql = new SqlText().add("SELECT count(*), count(DISTINCT v.session_id), coalesce(sum(v.views), 0), "
                        + "coalesce(sum(CASE WHEN v.views = 1 THEN 1 ELSE 0 END), 0), coalesce(sum(v.secs), 0) FROM ("
                        + "SELECT " + d.anyValue("e.session_id") + " AS session_id, "
                        + "sum(CASE WHEN " + TinyTrailTerms.PAGEVIEW + " THEN 1 ELSE 0 END) AS views, "
                        + d.secondsBetween("min(e.created_at)", "max(e.created_at)") + " AS secs")
                .addAll(scope.fromInGroup("e", TinyTrailTerms.ACTIVITY))
                .add(" GROUP BY e.visit_id) v WHERE v.views > 0");
        return ReportSql.list(store, sql, rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5))).getFirst();
    }

    /**
     * The change from {@code previous} to {@code value} in percent, 2 decimals (half up); 0 when both are 0,
     * null when only the previous is 0 (no finite change).
     */
    public static Double changePct(double value, double previous) {
        if (previous == 0) return value == 0 ? 0.0 : null;
        return round2((value - previous) * 100.0 / previous);
    }

    static double round2(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
