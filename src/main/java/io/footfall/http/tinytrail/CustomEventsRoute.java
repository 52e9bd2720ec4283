package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.store.EventStore;
import io.footfall.tinytrail.report.CustomEventsReport;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/custom-events}, paginated: rows {@code {name, count}}; {@code event_name} (at most 500
 * characters, else 400; empty is absent, as for every parameter) keeps only the event of exactly that name. CSV columns {@code name, count}.
 */
final class CustomEventsRoute {
    static final List<String> CSV_COLUMNS = List.of("name", "count");
    static final int MAX_NAME_LENGTH = 500;

    private CustomEventsRoute() {
    }

    static Reply answer(ReportRequest q, EventStore events) throws Exception {
        String name = q.http().query("event_name");
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw TinyTrailException.invalid("'event_name' must be at most " + MAX_NAME_LENGTH + " characters");
        }
        List<Map<String, Object>> rows = CustomEventsReport.rows(events, q.scope(), name, q.paging()).stream()
                .map(r -> ReportReplies.row("name", r.name(), "count", r.count())).toList();
        if (q.csv()) return ReportReplies.csv("custom-events", q.period(), CSV_COLUMNS, ReportReplies.values(rows));
        return ReportReplies.paged(q, rows);
    }
}
