package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.store.EventStore;
import io.footfall.tinytrail.report.RealtimeReport;

import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/realtime?website_id=}: {@code {active_visitors, top_pages: [{path, visitors}],
 * events_by_type: [{eventType, count}]}} over the last 30 minutes ({@link RealtimeReport}). Only
 * {@code website_id} applies: the period parameters and {@code include_bots} are ignored (bots and excluded IPs
 * never count here); {@code format=csv} is 400, as the document gives the report no CSV columns.
 */
final class RealtimeRoute {
    private RealtimeRoute() {
    }

    static Reply answer(ReportRequests.SiteAccess access, EventStore events, Instant now, String format) throws Exception {
        if (format != null && !format.equals("json")) {
            throw TinyTrailException.invalid("the realtime report answers JSON only ('format' may only be json)");
        }
        RealtimeReport.Activity a = RealtimeReport.run(events, access.site().id(), now);
        Map<String, Object> data = ReportReplies.row(
                "active_visitors", a.activeVisitors(),
                "top_pages", a.topPages().stream().map(p -> ReportReplies.row("path", p.path(), "visitors", p.visitors())).toList(),
                "events_by_type", a.eventsByType().stream().map(t -> ReportReplies.row("eventType", t.eventType(), "count", t.count())).toList());
        return Envelope.ok(data);
    }
}
