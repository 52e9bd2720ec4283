package io.footfall.query.reference;

import io.footfall.query.EventPage;
import io.footfall.query.SessionPage;
import io.footfall.query.EventTotals;
import io.footfall.query.SessionTotals;
import io.footfall.query.WebsiteTotals;
import io.footfall.config.QueryOptions;
import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.PageviewSeries;
import io.footfall.query.RawOnlyReads;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The reference answers: every read from the raw {@code event}, {@code event_data} and {@code session_data}
 * tables only, through {@link Dialect} for what engines spell differently, so it runs on every backend. The
 * statistics the DuckDB rollups accelerate are written here afresh ({@link RawTotals}, {@link RawMetrics},
 * {@link RawSessions}); reads that never had a rollup path (one session, activity, event data, values,
 * date range, revenue, export, realtime) come from {@link RawOnlyReads}, shared with the accelerator. Not final: the
 * PostgreSQL accelerator extends it and answers from its rollups only where they cover a request.
 */
public class ReferenceAnalytics extends RawOnlyReads {

    public ReferenceAnalytics(EventStore store, QueryOptions options) {
        super(store, options);
    }

    /** Raw tables only grow by appends, which every statement of a read sees whole or not at all. */
    @Override
    public <T> T together(Reading<T> reading) throws SQLException {
        return reading.run();
    }

    @Override
    public WebsiteTotals stats(EventScope scope) throws SQLException {
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
    public EventPage events(EventScope scope) throws SQLException {
        return RawSessions.events(store, scope);
    }

    @Override
    public List<Map<String, Object>> eventSeries(EventScope scope) throws SQLException {
        return RawMetrics.eventSeries(store, scope);
    }

    @Override
    public EventTotals eventStats(EventScope scope) throws SQLException {
        return RawTotals.eventStats(store, scope);
    }

    @Override
    public SessionPage sessions(EventScope scope) throws SQLException {
        return RawSessions.sessions(store, scope);
    }

    @Override
    public SessionTotals sessionStats(EventScope scope) throws SQLException {
        return RawTotals.sessionStats(store, scope);
    }

    @Override
    public long[][] sessionWeekly(EventScope scope) throws SQLException {
        return RawSessions.weekly(store, scope);
    }

    @Override
    public List<Map<String, Object>> sessionDataProperties(EventScope scope) throws SQLException {
        return RawSessions.dataProperties(store, scope);
    }

    @Override
    public List<Map<String, Object>> sessionDataValues(EventScope scope, String propertyName) throws SQLException {
        return RawSessions.dataValues(store, scope, propertyName);
    }
}
