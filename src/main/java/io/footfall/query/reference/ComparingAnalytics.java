package io.footfall.query.reference;

import io.footfall.query.EventPage;
import io.footfall.query.SessionPage;
import io.footfall.query.EventTotals;
import io.footfall.query.SessionTotals;
import io.footfall.query.WebsiteTotals;
import io.footfall.query.Analytics;
import io.footfall.query.EventDataStats;
import io.footfall.query.EventScope;
import io.footfall.query.ExportChunks;
import io.footfall.query.MetricType;
import io.footfall.query.PageviewSeries;
import io.footfall.query.QueryParams;
import io.footfall.store.Dialect;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code QUERY_PATH=compare}: answers from the accelerator and checks every answer against the reference;
 * a difference fails the request (500, both answers in the log). Every exact-value HTTP test run with it
 * becomes an equality test on its own hand-made traffic. Twice the work: for tests and investigations.
 * Exports stream from the accelerator unchecked (both paths share those readers).
 */
public final class ComparingAnalytics implements Analytics {
    private final Analytics fast;
    private final Analytics reference;

    public ComparingAnalytics(Analytics fast, Analytics reference) {
        this.fast = fast;
        this.reference = reference;
    }

    @FunctionalInterface
    private interface Read<T> {
        T run(Analytics a) throws SQLException;
    }

    private <T> T checked(String what, Read<T> read) throws SQLException {
        T answer = read.run(fast);
        Object expected = read.run(reference);
        String a = describe(answer);
        String b = describe(expected);
        if (!a.equals(b)) {
            throw new IllegalStateException("accelerator and reference differ on " + what + ": accelerator " + a + ", reference " + b);
        }
        return answer;
    }

    private static String describe(Object o) {
        return o instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(o);
    }

    @Override
    public Dialect dialect() {
        return fast.dialect();
    }

    @Override
    public void checkRegex(QueryParams params) throws SQLException {
        fast.checkRegex(params);
    }

    @Override
    public <T> T together(Reading<T> reading) throws SQLException {
        return fast.together(reading);
    }

    @Override
    public WebsiteTotals stats(EventScope scope) throws SQLException {
        return checked("stats " + scope, a -> a.stats(scope));
    }

    @Override
    public PageviewSeries.Series pageviews(EventScope scope) throws SQLException {
        return checked("pageviews " + scope, a -> a.pageviews(scope));
    }

    @Override
    public List<Map<String, Object>> metrics(EventScope scope, MetricType type) throws SQLException {
        return checked("metrics " + type.name() + " " + scope, a -> a.metrics(scope, type));
    }

    @Override
    public List<Map<String, Object>> expandedMetrics(EventScope scope, MetricType type) throws SQLException {
        return checked("expanded metrics " + type.name() + " " + scope, a -> a.expandedMetrics(scope, type));
    }

    @Override
    public EventPage events(EventScope scope) throws SQLException {
        return checked("events " + scope, a -> a.events(scope));
    }

    @Override
    public List<Map<String, Object>> eventSeries(EventScope scope) throws SQLException {
        return checked("event series " + scope, a -> a.eventSeries(scope));
    }

    @Override
    public EventTotals eventStats(EventScope scope) throws SQLException {
        return checked("event stats " + scope, a -> a.eventStats(scope));
    }

    @Override
    public io.footfall.query.EntityCharts.Chart chart(EventScope scope) throws SQLException {
        return checked("chart " + scope, a -> a.chart(scope));
    }

    @Override
    public long activeVisitors(EventScope scope) throws SQLException {
        return checked("active " + scope, a -> a.activeVisitors(scope));
    }

    @Override
    public Map<String, Object> realtime(EventScope scope, long nowMillis) throws SQLException {
        return checked("realtime " + scope, a -> a.realtime(scope, nowMillis));
    }

    @Override
    public SessionPage sessions(EventScope scope) throws SQLException {
        return checked("sessions " + scope, a -> a.sessions(scope));
    }

    @Override
    public SessionTotals sessionStats(EventScope scope) throws SQLException {
        return checked("session stats " + scope, a -> a.sessionStats(scope));
    }

    @Override
    public long[][] sessionWeekly(EventScope scope) throws SQLException {
        return checked("weekly " + scope, a -> a.sessionWeekly(scope));
    }

    @Override
    public Map<String, Object> session(UUID websiteId, UUID sessionId) throws SQLException {
        return checked("session " + sessionId, a -> a.session(websiteId, sessionId));
    }

    @Override
    public List<Map<String, Object>> sessionActivity(EventScope scope, UUID sessionId) throws SQLException {
        return checked("session activity " + sessionId, a -> a.sessionActivity(scope, sessionId));
    }

    @Override
    public List<Map<String, Object>> sessionProperties(UUID websiteId, UUID sessionId) throws SQLException {
        return checked("session properties " + sessionId, a -> a.sessionProperties(websiteId, sessionId));
    }

    @Override
    public List<Map<String, Object>> sessionDataProperties(EventScope scope) throws SQLException {
        return checked("session data properties " + scope, a -> a.sessionDataProperties(scope));
    }

    @Override
    public List<Map<String, Object>> sessionDataValues(EventScope scope, String propertyName) throws SQLException {
        return checked("session data values " + scope, a -> a.sessionDataValues(scope, propertyName));
    }

    @Override
    public List<Map<String, Object>> eventDataEvents(EventScope scope, boolean perValue) throws SQLException {
        return checked("event data events " + scope, a -> a.eventDataEvents(scope, perValue));
    }

    @Override
    public List<Map<String, Object>> eventDataFields(EventScope scope) throws SQLException {
        return checked("event data fields " + scope, a -> a.eventDataFields(scope));
    }

    @Override
    public List<Map<String, Object>> eventDataProperties(EventScope scope, String propertyName) throws SQLException {
        return checked("event data properties " + scope, a -> a.eventDataProperties(scope, propertyName));
    }

    @Override
    public List<Map<String, Object>> eventDataValues(EventScope scope, String propertyName) throws SQLException {
        return checked("event data values " + scope, a -> a.eventDataValues(scope, propertyName));
    }

    @Override
    public EventDataStats.Totals eventDataStats(EventScope scope) throws SQLException {
        return checked("event data stats " + scope, a -> a.eventDataStats(scope));
    }

    @Override
    public List<Map<String, Object>> eventDataById(UUID websiteId, UUID eventId) throws SQLException {
        return checked("event data " + eventId, a -> a.eventDataById(websiteId, eventId));
    }

    @Override
    public Map<String, Object> eventDataPage(EventScope scope) throws SQLException {
        return checked("event data page " + scope, a -> a.eventDataPage(scope));
    }

    @Override
    public List<Map<String, Object>> filterValues(EventScope scope, String column, String search) throws SQLException {
        return checked("values " + column + " " + scope, a -> a.filterValues(scope, column, search));
    }

    @Override
    public Map<String, Object> dateRange(UUID websiteId, Instant since) throws SQLException {
        return checked("date range " + websiteId, a -> a.dateRange(websiteId, since));
    }

    @Override
    public Map<String, Object> revenue(EventScope scope, String currency) throws SQLException {
        return checked("revenue " + scope, a -> a.revenue(scope, currency));
    }

    @Override
    public void exportEvents(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException {
        fast.exportEvents(scope, sink);
    }

    @Override
    public void exportSessionData(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException {
        fast.exportSessionData(scope, sink);
    }

    @Override
    public void exportEventData(EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException {
        fast.exportEventData(scope, sink);
    }
}
