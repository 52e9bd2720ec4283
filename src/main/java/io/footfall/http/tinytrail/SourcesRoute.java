package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.store.EventStore;
import io.footfall.tinytrail.report.SourcesReport;
import io.footfall.tinytrail.report.SourcesReport.GroupBy;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/sources?group_by=channel|domain|utm} (default channel; another value is 400),
 * paginated: rows {@code {channel, visits}}, {@code {referrer, visits}} or
 * {@code {utmSource, utmMedium, utmCampaign, visits}}. The document lists no CSV columns for it: the CSV has
 * the row's fields as columns, in that order.
 */
final class SourcesRoute {
    private SourcesRoute() {
    }

    static Reply answer(ReportRequest q, EventStore events) throws Exception {
        String text = q.http().query("group_by");
        GroupBy groupBy = text == null ? GroupBy.CHANNEL : GroupBy.of(text);
        if (groupBy == null) throw TinyTrailException.invalid("'group_by' must be channel, domain or utm");
        List<Map<String, Object>> rows = SourcesReport.rows(events, q.scope(), groupBy, q.paging()).stream()
                .map(r -> switch (groupBy) {
                    case CHANNEL -> ReportReplies.row("channel", r.key(), "visits", r.visits());
                    case DOMAIN -> ReportReplies.row("referrer", r.key(), "visits", r.visits());
                    case UTM -> ReportReplies.row("utmSource", r.utmSource(), "utmMedium", r.utmMedium(),
                            "utmCampaign", r.utmCampaign(), "visits", r.visits());
                })
                .toList();
        if (q.csv()) return ReportReplies.csv("sources", q.period(), columns(groupBy), ReportReplies.values(rows));
        return ReportReplies.paged(q, rows);
    }

    static List<String> columns(GroupBy groupBy) {
        return switch (groupBy) {
            case CHANNEL -> List.of("channel", "visits");
            case DOMAIN -> List.of("referrer", "visits");
            case UTM -> List.of("utmSource", "utmMedium", "utmCampaign", "visits");
        };
    }
}
