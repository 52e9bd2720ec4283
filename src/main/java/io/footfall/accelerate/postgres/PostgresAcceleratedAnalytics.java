package io.footfall.accelerate.postgres;

import io.footfall.config.QueryOptions;
import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.PageviewSeries;
import io.footfall.query.QueryParams;
import io.footfall.query.SessionDataSql;
import io.footfall.query.SessionPage;
import io.footfall.query.SessionTotals;
import io.footfall.query.SqlText;
import io.footfall.query.ValueCounts;
import io.footfall.query.WebsiteTotals;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL accelerator: answers from this package's rollups where they cover the request, and is the
 * reference path everywhere else. Covered so far: {@code stats} ({@link SpanStats}), the pageviews series ({@link SpanSeries}), the entry and
 * exit metrics ({@link VisitPages}), the session-attribute metrics ({@link SessionValues}), the per-view value metrics ({@link SessionValueMetrics}), the expanded path and utm* metrics ({@link ExpandedValues}), the sessions page totals ({@link ActivityStats}) and weekly heatmap ({@link WeeklyHours}), all without filters; {@code stats} filtered on session attributes ({@link AttributeStats}); the filter pickers' values ({@link PickerValues}).
 * {@code PostgresAcceleratorEqualityTest} proves each answer equal to the reference's.
 */
public final class PostgresAcceleratedAnalytics extends ReferenceAnalytics {

    public PostgresAcceleratedAnalytics(EventStore store, QueryOptions options) {
        super(store, options);
    }

    @Override
    public WebsiteTotals stats(EventScope scope) throws SQLException {
        if (AttributeStats.answers(scope.params())) return AttributeStats.run(store, scope);
        if (!scope.params().filters().isEmpty()) return super.stats(scope);
        return SpanStats.run(store, scope);
    }

    @Override
    public PageviewSeries.Series pageviews(EventScope scope) throws SQLException {
        if (!scope.params().filters().isEmpty()) return super.pageviews(scope);
        PageviewSeries.Series fast = SpanSeries.run(store, scope);
        return fast != null ? fast : super.pageviews(scope);
    }

    @Override
    public List<Map<String, Object>> metrics(EventScope scope, MetricType type) throws SQLException {
        if (VisitPages.answers(scope.params(), type)) return VisitPages.run(store, scope, type);
        if (SessionValues.answers(scope.params(), type)) return SessionValues.run(store, scope, type);
        if (SessionValueMetrics.answers(scope.params(), type)) return SessionValueMetrics.run(store, scope, type);
        return super.metrics(scope, type);
    }

    @Override
    public List<Map<String, Object>> expandedMetrics(EventScope scope, MetricType type) throws SQLException {
        if (ExpandedValues.answers(scope.params(), type)) return ExpandedValues.run(store, scope, type);
        return super.expandedMetrics(scope, type);
    }

    @Override
    public List<Map<String, Object>> filterValues(EventScope scope, String column, String search) throws SQLException {
        List<Map<String, Object>> fast = PickerValues.run(store, scope, column, search);
        return fast != null ? fast : super.filterValues(scope, column, search);
    }

    @Override
    public SessionTotals sessionStats(EventScope scope) throws SQLException {
        if (!scope.params().filters().isEmpty()) return super.sessionStats(scope);
        return ActivityStats.run(store, scope);
    }

    @Override
    public long[][] sessionWeekly(EventScope scope) throws SQLException {
        long[][] fast = WeeklyHours.run(store, scope);
        return fast != null ? fast : super.sessionWeekly(scope);
    }

    @Override
    public SessionPage sessions(EventScope scope) throws SQLException {
        if (!ListedSessions.answers(scope.params())) return super.sessions(scope);
        return ListedSessions.sessions(store, scope);
    }

    @Override
    public Map<String, Object> revenue(EventScope scope, String currency) throws SQLException {
        if (!ListedSessions.answers(scope.params())) return super.revenue(scope, currency);
        return ListedSessions.revenue(store, scope, currency);
    }

    @Override
    public List<Map<String, Object>> sessionDataProperties(EventScope scope) throws SQLException {
        if (!scope.params().filters().isEmpty()) return super.sessionDataProperties(scope);
        SqlText sql = SessionDataSql.properties(scope, active(scope));
        return store.read(c -> sql.list(c, SessionDataSql::property));
    }

    @Override
    public List<Map<String, Object>> sessionDataValues(EventScope scope, String propertyName) throws SQLException {
        if (!scope.params().filters().isEmpty()) return super.sessionDataValues(scope, propertyName);
        SqlText sql = SessionDataSql.values(scope, propertyName, active(scope));
        return ValueCounts.merge(store.read(c -> sql.list(c, SessionDataSql::value)));
    }

    /** Session data rows of the sessions active in the range (no filters), from the session rows ({@link ActiveSessions}). */
    private static SqlText active(EventScope scope) {
        return ActiveSessions.condition("d.session_id", scope.websiteId(), scope.params().startAt(), scope.params().endAt());
    }

    /** Whether the pageviews series for these parameters comes from the hour rows (tests count what they covered). */
    public static boolean seriesFromRollup(QueryParams p) {
        return p.filters().isEmpty() && SpanSeries.answers(p);
    }

    /** Whether the weekly heatmap for these parameters comes from the hour rows. */
    public static boolean weeklyFromRollup(QueryParams p) {
        return WeeklyHours.answers(p);
    }
}
