package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.store.EventStore;
import io.footfall.tinytrail.report.FunnelReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/funnel?steps[]=..&steps[]=..}: {@code {period, funnel: [{step, sessions,
 * conversion_rate}]}}, not paginated. Steps come as {@code steps[]} (also accepted as repeated {@code steps}), in
 * order: 2 to 20, each 1 to 500 characters, else 400 INVALID_PAYLOAD. {@code conversion_rate} is 100 for the first
 * step, then sessions of the step over sessions of the step before, in percent with 2 decimals (0 when the step
 * before had none). CSV (the document names no columns): {@code step, sessions, conversion_rate}.
 */
final class FunnelRoute {
    static final List<String> CSV_COLUMNS = List.of("step", "sessions", "conversion_rate");
    static final int MAX_STEP_LENGTH = 500;

    private FunnelRoute() {
    }

    static Reply answer(ReportRequest q, EventStore events) throws Exception {
        List<String> steps = steps(q);
        List<Map<String, Object>> funnel = FunnelReport.rows(events, q.scope(), steps).stream()
                .map(r -> ReportReplies.row("step", r.step(), "sessions", r.sessions(), "conversion_rate", r.conversionRate()))
                .toList();
        if (q.csv()) return ReportReplies.csv("funnel", q.period(), CSV_COLUMNS, ReportReplies.values(funnel));
        Map<String, Object> data = ReportReplies.data(q.period());
        data.put("funnel", funnel);
        return Envelope.ok(data);
    }

    private static List<String> steps(ReportRequest q) {
        List<String> steps = new ArrayList<>(q.http().queryAll("steps[]"));
        steps.addAll(q.http().queryAll("steps"));
        if (steps.size() < FunnelReport.MIN_STEPS) {
            throw TinyTrailException.invalid("'steps[]' needs at least " + FunnelReport.MIN_STEPS + " steps");
        }
        if (steps.size() > FunnelReport.MAX_STEPS) {
            throw TinyTrailException.invalid("'steps[]' takes at most " + FunnelReport.MAX_STEPS + " steps");
        }
        for (String s : steps) {
            if (s.isBlank() || s.length() > MAX_STEP_LENGTH) {
                throw TinyTrailException.invalid("each of 'steps[]' must be a path or an event type of 1 to " + MAX_STEP_LENGTH + " characters");
            }
        }
        return steps;
    }
}
