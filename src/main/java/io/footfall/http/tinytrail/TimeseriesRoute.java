package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.store.EventStore;
import io.footfall.tinytrail.report.TimeseriesMetric;
import io.footfall.tinytrail.report.TimeseriesReport;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/timeseries}: {@code {period, metric, path, series: [{date, value}]}}, one entry per
 * day of the period, not paginated. {@code metric} defaults to {@code pageviews} (an unknown one is 400);
 * {@code path} is a page path starting with {@code /} (else 400), answered as {@code "*"} when omitted (or given
 * as {@code *}): the whole site. At most 36 600 days (400 beyond). Counts are whole numbers, rates ({@code bounce_rate} in percent,
 * {@code avg_session_duration} in seconds) have 2 decimals. CSV columns {@code date, value}.
 */
final class TimeseriesRoute {
    static final List<String> CSV_COLUMNS = List.of("date", "value");
    static final String WHOLE_SITE = "*";
    static final int MAX_PATH_LENGTH = 4000;
    /** One point per day: a bound on the answer's size (a century; dates otherwise run to 9999-12-31). */
    static final int MAX_DAYS = 36_600;

    private TimeseriesRoute() {
    }

    static Reply answer(ReportRequest q, EventStore events) throws Exception {
        String metricText = q.http().query("metric");
        TimeseriesMetric metric = metricText == null ? TimeseriesMetric.PAGEVIEWS : TimeseriesMetric.parse(metricText)
                .orElseThrow(() -> TinyTrailException.invalid("'metric' must be one of " + TimeseriesMetric.names()));
        String path = q.http().query("path");
        if (WHOLE_SITE.equals(path)) path = null;
        if (path != null && (!path.startsWith("/") || path.length() > MAX_PATH_LENGTH)) {
            throw TinyTrailException.invalid("'path' must be a page path starting with / (at most " + MAX_PATH_LENGTH + " characters)");
        }
        if (q.period().days() > MAX_DAYS) {
            throw TinyTrailException.invalid("the timeseries covers at most " + MAX_DAYS + " days");
        }
        List<Map<String, Object>> series = TimeseriesReport.series(events, q.scope(), metric, path).stream()
                .map(p -> ReportReplies.row("date", p.date().toString(), "value", p.value())).toList();
        if (q.csv()) return ReportReplies.csv("timeseries", q.period(), CSV_COLUMNS, ReportReplies.values(series));
        Map<String, Object> data = ReportReplies.data(q.period());
        data.put("metric", metric.apiName());
        data.put("path", path == null ? WHOLE_SITE : path);
        data.put("series", series);
        return Envelope.ok(data);
    }
}
