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
 * The reads of the query seam that have one implementation on every path: no rollup holds what they ask
 * (one session, its activity, realtime minutes, event data, values, date range, revenue, exports), so they
 * read the raw tables through {@link Dialect}. The reference and the accelerator both extend this and write
 * only the statistics they answer differently.
 */
public abstract class RawOnlyReads implements Analytics {
    protected final EventStore store;
    protected final QueryOptions options;
    private final EngineRegex regex;

    protected RawOnlyReads(EventStore store, QueryOptions options) {
        this.store = store;
        this.options = options;
        this.regex = new EngineRegex(store);
    }

    @Override
    public final Dialect dialect() {
        return store.dialect();
    }

    @Override
    public final void checkRegex(QueryParams params) throws SQLException {
        regex.check(params);
    }

    @Override
    public final EntityCharts.Chart chart(EventScope scope) throws SQLException {
        return EntityCharts.run(store, scope);
    }

    @Override
    public final long activeVisitors(EventScope scope) throws SQLException {
        return ActiveVisitors.run(store, scope);
    }

    /** Realtime reads minutes, which no rollup holds. */
    @Override
    public final Map<String, Object> realtime(EventScope scope, long nowMillis) throws SQLException {
        return Realtime.run(store, scope, nowMillis);
    }

    @Override
    public final Map<String, Object> session(UUID websiteId, UUID sessionId) throws SQLException {
        return SessionDetail.run(store, store.dialect(), websiteId, sessionId);
    }

    @Override
    public final List<Map<String, Object>> sessionActivity(EventScope scope, UUID sessionId) throws SQLException {
        return SessionActivity.run(store, scope, sessionId);
    }

    @Override
    public final List<Map<String, Object>> sessionProperties(UUID websiteId, UUID sessionId) throws SQLException {
        return SessionProperties.run(store, websiteId, sessionId);
    }

    @Override
    public final List<Map<String, Object>> eventDataEvents(EventScope scope, boolean perValue) throws SQLException {
        return EventDataEvents.run(store, scope, perValue);
    }

    @Override
    public final List<Map<String, Object>> eventDataFields(EventScope scope) throws SQLException {
        return EventDataFields.run(store, scope);
    }

    @Override
    public final List<Map<String, Object>> eventDataProperties(EventScope scope, String propertyName) throws SQLException {
        return EventDataProperties.run(store, scope, propertyName);
    }

    @Override
    public final List<Map<String, Object>> eventDataValues(EventScope scope, String propertyName) throws SQLException {
        return EventDataValues.run(store, scope, propertyName);
    }

    @Override
    public final EventDataStats.Totals eventDataStats(EventScope scope) throws SQLException {
        return EventDataStats.run(store, scope);
    }

    @Override
    public final List<Map<String, Object>> eventDataById(UUID websiteId, UUID eventId) throws SQLException {
        return EventDataById.run(store, websiteId, eventId);
    }

    @Override
    public final Map<String, Object> eventDataPage(EventScope scope) throws SQLException {
        return EventDataPage.run(store, scope);
    }

    /** Not final: the PostgreSQL accelerator counts whole days from its value rows. */
    @Override
    public List<Map<String, Object>> filterValues(EventScope scope, String column, String search) throws SQLException {
        return FilterValues.run(store, scope, column, search);
    }

    @Override
    public final Map<String, Object> dateRange(UUID websiteId, Instant since) throws SQLException {
        return WebsiteDateRange.run(store, websiteId, since);
    }

    /** Not final: the PostgreSQL accelerator lists the paying sessions from its session rows. */
    @Override
    public Map<String, Object> revenue(EventScope scope, String currency) throws SQLException {
        return RevenueSessions.run(store, scope, currency);
    }

    @Override
    public final void exportEvents(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException {
        ExportWebsiteEvents.stream(store, scope, options.exportChunkRows(), sink);
    }

    @Override
    public final void exportSessionData(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException {
        ExportSessionData.stream(store, scope, options.exportChunkRows(), sink);
    }

    @Override
    public final void exportEventData(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException {
        ExportEventData.stream(store, scope, options.exportChunkRows(), sink);
    }
}
