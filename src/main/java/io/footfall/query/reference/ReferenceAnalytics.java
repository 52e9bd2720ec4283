package io.footfall.query.reference;

import io.footfall.config.QueryOptions;
import io.footfall.query.ActiveVisitors;
import io.footfall.query.Analytics;
import io.footfall.query.EngineRegex;
import io.footfall.query.EventDataById;
import io.footfall.query.EventDataEvents;
import io.footfall.query.EventDataFields;
import io.footfall.query.EventDataPage;
import io.footfall.query.EventDataProperties;
import io.footfall.query.EventDataStats;
import io.footfall.query.EventDataValues;
import io.footfall.query.EventList;
import io.footfall.query.EventScope;
import io.footfall.query.EventStats;
import io.footfall.query.ExportEventData;
import io.footfall.query.ExportSessionData;
import io.footfall.query.ExportWebsiteEvents;
import io.footfall.query.FilterValues;
import io.footfall.query.MetricType;
import io.footfall.query.PageviewSeries;
import io.footfall.query.QueryParams;
import io.footfall.query.Realtime;
import io.footfall.query.RevenueSessions;
import io.footfall.query.SessionActivity;
import io.footfall.query.SessionDetail;
import io.footfall.query.SessionList;
import io.footfall.query.SessionProperties;
import io.footfall.query.SessionStats;
import io.footfall.query.WebsiteDateRange;
import io.footfall.query.WebsiteStats;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reference answers: every read from the raw {@code event}, {@code event_data} and {@code session_data}
 * tables only, through {@link Dialect} for what engines spell differently, so it runs on every backend. The
 * statistics the DuckDB rollups accelerate are written here afresh ({@link RawTotals}, {@link RawMetrics},
 * {@link RawSessions}); reads that never had a rollup path (one session, activity, event data, values,
 * date range, revenue, export, realtime) use the query classes that already read raw tables only.
 */
public final class ReferenceAnalytics implements Analytics {
    private final EventStore store;
    private final QueryOptions options;
    private final EngineRegex regex;

    public ReferenceAnalytics(EventStore store, QueryOptions options) {
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

    /** Raw tables only grow by appends, which every statement of a read sees whole or not at all. */
    @Override
    public <T> T together(Reading<T> reading) throws SQLException {
        return reading.run();
    }

    @Override
    public WebsiteStats.Totals stats(EventScope scope) throws SQLException {
        return RawTotals.stats(store, scope);
    }

    @Override
    public PageviewSeries.Series pageviews(EventScope scope) throws SQLException {
        return RawTotals.pageviews(store, scope);
    }

    @Override
    public List<Map<String, Object>> metrics(EventScope scope, MetricType type) throws SQLException {
        return RawMetrics.metrics(store, scope, type);
    }

    @Override
    public List<Map<String, Object>> expandedMetrics(EventScope scope, MetricType type) throws SQLException {
        return RawMetrics.expanded(store, scope, type);
    }

    @Override
    public EventList.Page events(EventScope scope) throws SQLException {
        return RawSessions.events(store, scope);
    }

    @Override
    public List<Map<String, Object>> eventSeries(EventScope scope) throws SQLException {
        return RawMetrics.eventSeries(store, scope);
    }

    @Override
    public EventStats.Totals eventStats(EventScope scope) throws SQLException {
        return RawTotals.eventStats(store, scope);
    }

    @Override
    public io.footfall.query.EntityCharts.Chart chart(EventScope scope) throws SQLException {
        return io.footfall.query.EntityCharts.run(store, scope);
    }

    @Override
    public long activeVisitors(EventScope scope) throws SQLException {
        return ActiveVisitors.run(store, scope);
    }

    /** Realtime reads minutes, which no rollup holds: its class reads raw events only. */
    @Override
    public Map<String, Object> realtime(EventScope scope, long nowMillis) throws SQLException {
        return Realtime.run(store, scope, nowMillis);
    }

    @Override
    public SessionList.Page sessions(EventScope scope) throws SQLException {
        return RawSessions.sessions(store, scope);
    }

    @Override
    public SessionStats.Totals sessionStats(EventScope scope) throws SQLException {
        return RawTotals.sessionStats(store, scope);
    }

    @Override
    public long[][] sessionWeekly(EventScope scope) throws SQLException {
        return RawSessions.weekly(store, scope);
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
        return RawSessions.dataProperties(store, scope);
    }

    @Override
    public List<Map<String, Object>> sessionDataValues(EventScope scope, String propertyName) throws SQLException {
        return RawSessions.dataValues(store, scope, propertyName);
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
    public void exportEvents(EventScope scope, io.footfall.query.ExportChunks.RowSink sink) throws SQLException, IOException {
        ExportWebsiteEvents.stream(store, scope, options.exportChunkRows(), sink);
    }

    @Override
    public void exportSessionData(EventScope scope, io.footfall.query.ExportChunks.RowSink sink) throws SQLException, IOException {
        ExportSessionData.stream(store, scope, options.exportChunkRows(), sink);
    }

    @Override
    public void exportEventData(EventScope scope, io.footfall.query.ExportChunks.RowSink sink) throws SQLException, IOException {
        ExportEventData.stream(store, scope, options.exportChunkRows(), sink);
    }
}
