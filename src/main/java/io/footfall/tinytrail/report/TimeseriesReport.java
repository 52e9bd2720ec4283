package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/reports/timeseries}: one value of a {@link TimeseriesMetric} per UTC day of the period, days
 * without traffic included (0). The metrics mean what they mean in the other reports ({@link TinyTrailTerms}), so
 * a count summed over the days is the period's count there: pageviews and unique pageviews (distinct visit and
 * path pairs) fall on the pageview's day; visits, their bounce rate and duration on the day the visit started, as
 * the summary counts them; landing page entries on the landing pageview's day and exits on the exit pageview's,
 * as the flow report numbers them. With {@code path}: pageviews of that path, the visits that viewed it, the
 * entries by it and the exits from it. With a content group: as the summary and the flow report filter.
 */
public final class TimeseriesReport {
    /** One day; the value is a {@code long} for counts and a {@code double} for rates. */
    public record Point(LocalDate date, Number value) {
    }

    /** A day's visits, bounces and seconds, from which the visit metrics are read. */
    private record VisitDay(long visits, long bounces, long seconds) {
    }

    private TimeseriesReport() {
    }

    /** The series of {@code metric} over the scope's period; {@code path} may be null (the whole site). */
    public static List<Point> series(EventStore store, ReportScope scope, TimeseriesMetric metric, String path) throws SQLException {
        Map<LocalDate, Number> byDay = new HashMap<>();
        switch (metric) {
            case PAGEVIEWS, UNIQUE_PAGEVIEWS -> byDay.putAll(pageviews(store, scope, metric, path));
            case LANDING_PAGE_ENTRIES -> byDay.putAll(entriesOrExits(store, scope, true, path));
            case EXIT_PAGE_EXITS -> byDay.putAll(entriesOrExits(store, scope, false, path));
            default -> visitDays(store, scope, path).forEach((day, v) -> byDay.put(day, switch (metric) {
                case VISITS -> v.visits();
                case BOUNCE_RATE -> ratio(v.bounces() * 100, v.visits());
                default -> ratio(v.seconds(), v.visits());
            }));
        }
        Number zero = metric.rate() ? (Number) 0.0 : (Number) 0L;
        List<Point> out = new ArrayList<>();
        ReportPeriod period = scope.period();
        for (LocalDate d = period.start(); !d.isAfter(period.end()); d = d.plusDays(1)) {
            out.add(new Point(d, byDay.getOrDefault(d, zero)));
        }
        return out;
    }

    /** {@code part / whole} with 2 decimals, half up; 0 for a day without visits. */
    static double ratio(long part, long whole) {
        if (whole == 0) return 0.0;
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).doubleValue();
    }

    private static Map<LocalDate, Long> pageviews(EventStore store, ReportScope scope, TimeseriesMetric metric, String path)
            throws SQLException {
        SqlText views = new SqlText().add("SELECT CAST(e.created_at AS DATE) AS d, e.visit_id, e.url_path")
                .addAll(scope.fromInGroup("e", TinyTrailTerms.PAGEVIEW));
        if (path != null) views.add(" AND e.url_path = ?", path);
        SqlText sql = new SqlText().add("SELECT d, count(*) FROM (")
                .add(metric == TimeseriesMetric.UNIQUE_PAGEVIEWS ? "SELECT DISTINCT v.d, v.visit_id, v.url_path FROM (" : "")
                .addAll(views).add(metric == TimeseriesMetric.UNIQUE_PAGEVIEWS ? ") v) u GROUP BY d" : ") u GROUP BY d");
        return byDay(store, sql);
    }

    /** Visits by the day of their landing ({@code landing}) or exit pageview, picked as the flow report picks them. */
    private static Map<LocalDate, Long> entriesOrExits(EventStore store, ReportScope scope, boolean landing, String path)
            throws SQLException {
        SqlText visits = landing ? ReportSql.landings(scope, "url_path", "created_at") : ReportSql.exits(scope, "url_path", "created_at");
        SqlText sql = new SqlText().add("SELECT CAST(e.created_at AS DATE) AS d, count(*) FROM (").addAll(visits)
                .add(") e WHERE 1 = 1").addAll(scope.pathInGroup("e"));
        if (path != null) sql.add(" AND e.url_path = ?", path);
        return byDay(store, sql.add(" GROUP BY 1"));
    }

    /** Per start day: the visits with a pageview (as the summary counts them), their bounces and seconds. */
    private static Map<LocalDate, VisitDay> visitDays(EventStore store, ReportScope scope, String path) throws SQLException {
        Dialect d = scope.dialect();
        SqlText sql = new SqlText().add("SELECT CAST(v.first_at AS DATE) AS d, count(*), "
                        + "sum(CASE WHEN v.views = 1 THEN 1 ELSE 0 END), sum(" + d.secondsBetween("v.first_at", "v.last_at") + ") "
                        + "FROM (SELECT min(e.created_at) AS first_at, max(e.created_at) AS last_at, "
                        + "sum(CASE WHEN " + TinyTrailTerms.PAGEVIEW + " THEN 1 ELSE 0 END) AS views");
        sql.add(path == null ? ", 1 AS with_path" : ", max(CASE WHEN " + TinyTrailTerms.PAGEVIEW + " AND e.url_path = ? THEN 1 ELSE 0 END) AS with_path",
                path == null ? new Object[0] : new Object[]{path});
        sql.addAll(scope.fromInGroup("e", TinyTrailTerms.ACTIVITY))
                .add(" GROUP BY e.visit_id) v WHERE v.views > 0 AND v.with_path = 1 GROUP BY 1");
        Map<LocalDate, VisitDay> out = new HashMap<>();
        ReportSql.list(store, sql, rs -> out.put(LocalDate.parse(rs.getString(1)),
                new VisitDay(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
        return out;
    }

    private static Map<LocalDate, Long> byDay(EventStore store, SqlText sql) throws SQLException {
        Map<LocalDate, Long> out = new HashMap<>();
        ReportSql.list(store, sql, rs -> out.put(LocalDate.parse(rs.getString(1)), rs.getLong(2)));
        return out;
    }
}
