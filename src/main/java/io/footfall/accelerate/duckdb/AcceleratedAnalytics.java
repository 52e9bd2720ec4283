package io.footfall.accelerate.duckdb;

import io.footfall.query.WebsiteTotals;
import io.footfall.query.EventPage;
import io.footfall.query.SessionTotals;
import io.footfall.query.EventTotals;
import io.footfall.query.MetricType;
import io.footfall.query.RawOnlyReads;
import io.footfall.query.PageviewSeries;
import io.footfall.query.SessionPage;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The DuckDB accelerator: the statistics through the readers of this package, which answer from the rollup tables
 * where they cover the request and from the raw events otherwise (the other reads, which no rollup holds, come from
 * {@link RawOnlyReads}). The equality suite proves it equal to {@link io.footfall.query.reference.ReferenceAnalytics}.
 * docs/rollups.md maps each rollup table to its writer and readers here.
 */
public final class AcceleratedAnalytics extends RawOnlyReads {

    public AcceleratedAnalytics(EventStore store, QueryOptions options) {
        super(store, options);
    }

    /** Several statements see the rollups in one state: the store runs the reading again when a fold committed meanwhile. */
    @Override
    public <T> T together(Reading<T> reading) throws SQLException {
        return store.readTogether(reading::run);
    }

    @Override
    public WebsiteTotals stats(EventScope scope) throws SQLException {
        return WebsiteStats.run(store, scope, options);
    }

    @Override
    public PageviewSeries.Series pageviews(EventScope scope) throws SQLException {
        return HourlySeries.covers(scope.params()) ? PageviewSeries.read(store, scope, HourlySeries.sql(store, scope))
                : PageviewSeries.run(store, scope);
    }

    @Override
    public List<Map<String, Object>> metrics(EventScope scope, MetricType type) throws SQLException {
        return Metrics.run(store, scope, type, options);
    }

    @Override
    public List<Map<String, Object>> expandedMetrics(EventScope scope, MetricType type) throws SQLException {
        return ExpandedMetrics.run(store, scope, type, options);
    }

    @Override
    public EventPage events(EventScope scope) throws SQLException {
        return EventList.run(store, scope);
    }

    @Override
    public List<Map<String, Object>> eventSeries(EventScope scope) throws SQLException {
        return EventSeries.run(store, scope);
    }

    @Override
    public EventTotals eventStats(EventScope scope) throws SQLException {
        return EventStats.run(store, scope);
    }

    @Override
    public SessionPage sessions(EventScope scope) throws SQLException {
        return SessionList.run(store, scope, options);
    }

    /** The paying sessions from the payment rollup, ranked as the sessions list. */
    @Override
    public Map<String, Object> revenue(EventScope scope, String currency) throws SQLException {
        return RevenueSessionList.run(store, scope, currency, options);
    }

    @Override
    public SessionTotals sessionStats(EventScope scope) throws SQLException {
        return SessionStats.run(store, scope, options);
    }

    /** Path and referrer values over whole days from their per-day counts (V52). */
    @Override
    public List<Map<String, Object>> filterValues(EventScope scope, String column, String search) throws SQLException {
        return PickerValues.covers(column, scope.params()) ? PickerValues.run(store, scope, column, search) : super.filterValues(scope, column, search);
    }

    @Override
    public long[][] sessionWeekly(EventScope scope) throws SQLException {
        return SessionWeekly.run(store, scope);
    }

    @Override
    public List<Map<String, Object>> sessionDataProperties(EventScope scope) throws SQLException {
        return SessionDataProperties.run(store, scope, options);
    }

    @Override
    public List<Map<String, Object>> sessionDataValues(EventScope scope, String propertyName) throws SQLException {
        return SessionDataValues.run(store, scope, propertyName, options);
    }
}
