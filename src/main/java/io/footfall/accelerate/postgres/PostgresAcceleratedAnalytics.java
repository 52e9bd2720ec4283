package io.footfall.accelerate.postgres;

import io.footfall.config.QueryOptions;
import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.PageviewSeries;
import io.footfall.query.QueryParams;
import io.footfall.query.SessionTotals;
import io.footfall.query.WebsiteTotals;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL accelerator: answers from this package's rollups where they cover the request, and is the
 * reference path everywhere else. Covered so far: {@code stats} ({@link SpanStats}), the pageviews series ({@link SpanSeries}), the entry and
 * exit metrics ({@link VisitPages}), the per-value metrics ({@link ValueMetrics}) and the sessions page totals ({@link ActivityStats}),
 * all without filters.
 * {@code PostgresAcceleratorEqualityTest} proves each answer equal to the reference's.
 */
public final class PostgresAcceleratedAnalytics extends ReferenceAnalytics {

    public PostgresAcceleratedAnalytics(EventStore store, QueryOptions options) {
        super(store, options);
    }

    @Override
    public WebsiteTotals stats(EventScope scope) throws SQLException {
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
        ValueKinds.Kind kind = valueKind(scope.params(), type);
        return kind != null ? ValueMetrics.run(store, scope, kind) : super.metrics(scope, type);
    }

    @Override
    public SessionTotals sessionStats(EventScope scope) throws SQLException {
        if (!scope.params().filters().isEmpty()) return super.sessionStats(scope);
        return ActivityStats.run(store, scope);
    }

    /** The kind of {@code session_value_span} answering this metrics request, or null (filters, a search, a type it does not keep). */
    static ValueKinds.Kind valueKind(QueryParams p, MetricType type) {
        if (!p.filters().isEmpty() || (p.search() != null && type.searchColumn() != null)) return null;
        ValueKinds.Kind kind = ValueKinds.of(type);
        // type=event: its rows are kept, but counting the events of rows crossing the range was slower than the
        // reference at 90 days (docs/benchmarks.md, h22-pgvalues).
        return kind == null || kind.countsEvents() ? null : kind;
    }

    /** Whether a metrics request comes from the value rows (tests count what they covered). */
    public static boolean metricsFromRollup(QueryParams p, MetricType type) {
        return valueKind(p, type) != null;
    }

    /** Whether the pageviews series for these parameters comes from the hour rows (tests count what they covered). */
    public static boolean seriesFromRollup(QueryParams p) {
        return p.filters().isEmpty() && SpanSeries.answers(p);
    }
}
