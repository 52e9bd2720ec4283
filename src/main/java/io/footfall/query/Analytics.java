package io.footfall.query;

import io.footfall.store.Dialect;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The query seam: every statistics read the HTTP layer makes, as records in and records out. No JDBC
 * connection crosses it. Two implementations answer it: {@link io.footfall.query.reference.ReferenceAnalytics}
 * (the raw {@code event} table and the data tables only, on any {@link Dialect}) and
 * {@link io.footfall.accelerate.duckdb.AcceleratedAnalytics} (DuckDB's rollups where they cover the request), tested equal to each other
 * by the equality suite. Reports ({@code report/}) stay outside for now.
 */
public interface Analytics {

    /** The dialect of the store, for building {@link EventScope}s. */
    Dialect dialect();

    /**
     * Checks the request's regular-expression filters against the store's engine.
     *
     * @throws QueryException naming the parameter when the engine rejects a pattern
     */
    void checkRegex(QueryParams params) throws SQLException;

    /** A read made of several calls on this interface that must all see one state of the store. */
    @FunctionalInterface
    interface Reading<T> {
        T run() throws SQLException;
    }

    /** Runs the calls of {@code reading} so that they see one state of the store (an accelerator's folds included). */
    <T> T together(Reading<T> reading) throws SQLException;

    // Website statistics (StatsRoutes)

    WebsiteTotals stats(EventScope scope) throws SQLException;

    PageviewSeries.Series pageviews(EventScope scope) throws SQLException;

    List<Map<String, Object>> metrics(EventScope scope, MetricType type) throws SQLException;

    List<Map<String, Object>> expandedMetrics(EventScope scope, MetricType type) throws SQLException;

    EventPage events(EventScope scope) throws SQLException;

    List<Map<String, Object>> eventSeries(EventScope scope) throws SQLException;

    EventTotals eventStats(EventScope scope) throws SQLException;

    long activeVisitors(EventScope scope) throws SQLException;

    /** The sparkline of a website, link or pixel in a list: visitors per twelve-hour slot and in all. */
    EntityCharts.Chart chart(EventScope scope) throws SQLException;

    Map<String, Object> realtime(EventScope scope, long nowMillis) throws SQLException;

    // Sessions (SessionRoutes)

    SessionPage sessions(EventScope scope) throws SQLException;

    SessionTotals sessionStats(EventScope scope) throws SQLException;

    long[][] sessionWeekly(EventScope scope) throws SQLException;

    Map<String, Object> session(UUID websiteId, UUID sessionId) throws SQLException;

    List<Map<String, Object>> sessionActivity(EventScope scope, UUID sessionId) throws SQLException;

    List<Map<String, Object>> sessionProperties(UUID websiteId, UUID sessionId) throws SQLException;

    List<Map<String, Object>> sessionDataProperties(EventScope scope) throws SQLException;

    List<Map<String, Object>> sessionDataValues(EventScope scope, String propertyName) throws SQLException;

    // Event data (EventDataRoutes, EventDataPageRoutes)

    List<Map<String, Object>> eventDataEvents(EventScope scope, boolean perValue) throws SQLException;

    List<Map<String, Object>> eventDataFields(EventScope scope) throws SQLException;

    List<Map<String, Object>> eventDataProperties(EventScope scope, String propertyName) throws SQLException;

    List<Map<String, Object>> eventDataValues(EventScope scope, String propertyName) throws SQLException;

    EventDataStats.Totals eventDataStats(EventScope scope) throws SQLException;

    List<Map<String, Object>> eventDataById(UUID websiteId, UUID eventId) throws SQLException;

    Map<String, Object> eventDataPage(EventScope scope) throws SQLException;

    // Values, date range, revenue, export

    List<Map<String, Object>> filterValues(EventScope scope, String column, String search) throws SQLException;

    Map<String, Object> dateRange(UUID websiteId, Instant since) throws SQLException;

    Map<String, Object> revenue(EventScope scope, String currency) throws SQLException;

    void exportEvents(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException;

    void exportSessionData(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException;

    void exportEventData(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException;
}
