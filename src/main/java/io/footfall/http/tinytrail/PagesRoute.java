package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.store.EventStore;
import io.footfall.tinytrail.report.ContentGroupPattern;
import io.footfall.tinytrail.report.PagesReport;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/pages}, paginated: rows {@code {path, contentGroup, pageviews, uniquePageviews}};
 * {@code contentGroup} is the first of the website's groups whose pattern takes the path, null for none. CSV
 * columns the same, in that order.
 */
final class PagesRoute {
    static final List<String> CSV_COLUMNS = List.of("path", "contentGroup", "pageviews", "uniquePageviews");

    private PagesRoute() {
    }

    static Reply answer(ReportRequest q, EventStore events) throws Exception {
        var groups = q.site().settings().contentGroups();
        List<Map<String, Object>> rows = PagesReport.rows(events, q.scope(), q.paging()).stream()
                .map(r -> ReportReplies.row("path", r.path(), "contentGroup", ContentGroupPattern.groupOf(groups, r.path()),
                        "pageviews", r.pageviews(), "uniquePageviews", r.uniquePageviews()))
                .toList();
        if (q.csv()) return ReportReplies.csv("pages", q.period(), CSV_COLUMNS, ReportReplies.values(rows));
        return ReportReplies.paged(q, rows);
    }
}
