package io.footfall.query;

import io.footfall.config.QueryOptions;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The DuckDB accelerator: each read through the query classes of this package, which answer from the
 * rollup tables where they cover the request and from the raw events otherwise. Behaviour is exactly that
 * of those classes; the equality suite proves it equal to {@link io.footfall.query.reference.ReferenceAnalytics}.
 * Follow-up: move these rollup readers with their writers into one accelerator package.
 */
public final class AcceleratedAnalytics implements Analytics {
    private final EventStore store;
    private final QueryOptions options;
    private final EngineRegex regex;

    public AcceleratedAnalytics(EventStore store, QueryOptions options) {
        this.store = store;
        this.options = options;
        this.regex = new EngineRegex(store);
    }

    @Override
    public Dialect dialect() {
        return store.dialect();
    }

    @Override
    public void checkRegex(QueryParams params) throws SQLException {
        regex.check(params);
    }

    @Override
    public <T> T together(Reading<T> reading) throws SQLException {
        return store.readTogether(reading::run);
    }

    @Override
    public WebsiteStats.Totals stats(EventScope scope) throws SQLException {
        return WebsiteStats.run(store, scope, options);
    }

    @Override
    public PageviewSeries.Series pageviews(EventScope scope) throws SQLException {
        return PageviewSeries.run(store, scope);
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
    public EventList.Page events(EventScope scope) throws SQLException {
        return EventList.run(store, scope);
    }

    @Override
    public List<Map<String, Object>> eventSeries(EventScope scope) throws SQLException {
        return EventSeries.run(store, scope);
    }

    @Override
    public EventStats.Totals eventStats(EventScope scope) throws SQLException {
        return EventStats.run(store, scope);
    }

    @Override
    public io.footfall.query.EntityCharts.Chart chart(EventScope scope) throws SQLException {
        return EntityCharts.run(store, scope);
    }

    @Override
    public long activeVisitors(EventScope scope) throws SQLException {
        return ActiveVisitors.run(store, scope);
    }

    @Override
    public Map<String, Object> realtime(EventScope scope, long nowMillis) throws SQLException {
        return Realtime.run(store, scope, nowMillis);
    }

    @Override
    public SessionList.Page sessions(EventScope scope) throws SQLException {
        return SessionList.run(store, scope, options);
    }

    @Override
    public SessionStats.Totals sessionStats(EventScope scope) throws SQLException {
        return SessionStats.run(store, scope, options);
    }

    @Override
    public long[][] sessionWeekly(EventScope scope) throws SQLException {
        return SessionWeekly.run(store, scope);
    }

    @Override
    public Map<String, Object> session(UUID websiteId, UUID sessionId) throws SQLException {
        return SessionDetail.run(store, store.dialect(), websiteId, sessionId);
    }

    @Override
    public List<Map<String, Object>> sessionActivity(EventScope scope, UUID sessionId) throws SQLException {
        return SessionActivity.run(store, scope, sessionId);
    }

    @Override
    public List<Map<String, Object>> sessionProperties(UUID websiteId, UUID sessionId) throws SQLException {
        return SessionProperties.run(store, websiteId, sessionId);
    }

    @Override
    public List<Map<String, Object>> sessionDataProperties(EventScope scope) throws SQLException {
        return SessionDataProperties.run(store, scope, options);
    }

    @Override
    public List<Map<String, Object>> sessionDataValues(EventScope scope, String propertyName) throws SQLException {
        return SessionDataValues.run(store, scope, propertyName, options);
    }

    @Override
    public List<Map<String, Object>> eventDataEvents(EventScope scope, boolean perValue) throws SQLException {
        return EventDataEvents.run(store, scope, perValue);
    }

    @Override
    public List<Map<String, Object>> eventDataFields(EventScope scope) throws SQLException {
        return EventDataFields.run(store, scope);
    }

    @Override
    public List<Map<String, Object>> eventDataProperties(EventScope scope, String propertyName) throws SQLException {
        return EventDataProperties.run(store, scope, propertyName);
    }

    @Override
    public List<Map<String, Object>> eventDataValues(EventScope scope, String propertyName) throws SQLException {
        return EventDataValues.run(store, scope, propertyName);
    }

    @Override
    public EventDataStats.Totals eventDataStats(EventScope scope) throws SQLException {
        return EventDataStats.run(store, scope);
    }

    @Override
    public List<Map<String, Object>> eventDataById(UUID websiteId, UUID eventId) throws SQLException {
        return EventDataById.run(store, websiteId, eventId);
    }

    @Override
    public Map<String, Object> eventDataPage(EventScope scope) throws SQLException {
        return EventDataPage.run(store, scope);
    }

    @Override
    public List<Map<String, Object>> filterValues(EventScope scope, String column, String search) throws SQLException {
        return FilterValues.run(store, scope, column, search);
    }

    @Override
    public Map<String, Object> dateRange(UUID websiteId, Instant since) throws SQLException {
        return WebsiteDateRange.run(store, websiteId, since);
    }

    @Override
    public Map<String, Object> revenue(EventScope scope, String currency) throws SQLException {
        return RevenueSessions.run(store, scope, currency);
    }

    @Override
    public void exportEvents(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException {
        ExportWebsiteEvents.stream(store, scope, options.exportChunkRows(), sink);
    }

    @Override
    public void exportSessionData(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException {
        ExportSessionData.stream(store, scope, options.exportChunkRows(), sink);
    }

    @Override
    public void exportEventData(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException {
        ExportEventData.stream(store, scope, options.exportChunkRows(), sink);
    }
}
