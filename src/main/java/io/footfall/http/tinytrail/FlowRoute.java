package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.store.EventStore;
import io.footfall.tinytrail.report.FlowReport;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/flow}, paginated (the same page of both lists): {@code {period, page, per_page,
 * landing_pages: [{path, entries}], exit_pages: [{path, exits}]}}. CSV: {@code path, entries}, the landing pages
 * only (as documented).
 */
final class FlowRoute {
    static final List<String> CSV_COLUMNS = List.of("path", "entries");

    private FlowRoute() {
    }

    static Reply answer(ReportRequest q, EventStore events) throws Exception {
        List<Map<String, Object>> landing = FlowReport.landingPages(events, q.scope(), q.paging()).stream()
                .map(r -> ReportReplies.row("path", r.path(), "entries", r.count())).toList();
        if (q.csv()) return ReportReplies.csv("flow", q.period(), CSV_COLUMNS, ReportReplies.values(landing));
        List<Map<String, Object>> exits = FlowReport.exitPages(events, q.scope(), q.paging()).stream()
                .map(r -> ReportReplies.row("path", r.path(), "exits", r.count())).toList();
        Map<String, Object> data = ReportReplies.pagedData(q);
        data.put("landing_pages", landing);
        data.put("exit_pages", exits);
        return Envelope.ok(data);
    }
}
