package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.store.EventStore;
import io.footfall.tinytrail.report.ReportScope;
import io.footfall.tinytrail.report.SummaryReport;
import io.footfall.tinytrail.report.SummaryReport.Totals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/summary}: {@code {period, comparison, metrics}}; each metric is {@code {value}},
 * with {@code compare} also {@code previous} and {@code change_pct} (computed from the shown values). CSV
 * columns {@code metric, value, previous, change_pct}, one row per metric.
 */
final class SummaryRoute {
    static final List<String> CSV_COLUMNS = List.of("metric", "value", "previous", "change_pct");

    private SummaryRoute() {
    }

    static Reply answer(ReportRequest q, EventStore events) throws Exception {
        ReportScope before = q.comparisonScope();
        Totals now = SummaryReport.totals(events, q.scope());
        Totals then = before == null ? null : SummaryReport.totals(events, before);
        Map<String, Number> values = values(now);
        Map<String, Number> previous = then == null ? null : values(then);

        Map<String, Object> metrics = new LinkedHashMap<>();
        List<List<Object>> csv = new ArrayList<>();
        for (Map.Entry<String, Number> m : values.entrySet()) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("value", m.getValue());
            Number prev = previous == null ? null : previous.get(m.getKey());
            Double change = prev == null ? null : SummaryReport.changePct(m.getValue().doubleValue(), prev.doubleValue());
            if (previous != null) {
                metric.put("previous", prev);
                metric.put("change_pct", change);
            }
            metrics.put(m.getKey(), metric);
            List<Object> row = new ArrayList<>();
            row.add(m.getKey());
            row.add(m.getValue());
            row.add(prev);
            row.add(change);
            csv.add(row);
        }
        if (q.csv()) return ReportReplies.csv("summary", q.period(), CSV_COLUMNS, csv);
        Map<String, Object> data = ReportReplies.data(q.period());
        if (before != null) data.put("comparison", before.period().text());
        data.put("metrics", metrics);
        return Envelope.ok(data);
    }

    private static Map<String, Number> values(Totals t) {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("visits", t.visits());
        m.put("unique_visitors", t.visitors());
        m.put("pageviews", t.pageviews());
        m.put("bounce_rate", t.bounceRate());
        m.put("avg_session_duration_sec", t.avgSessionDurationSec());
        return m;
    }
}
