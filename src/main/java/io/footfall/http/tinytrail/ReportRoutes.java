package io.footfall.http.tinytrail;

import io.footfall.http.Handler;

/**
 * {@code /api/v1/reports/*}, one line per report. {@link #report} checks the common parameters
 * ({@link ReportRequests}) before the report runs; a report without them (realtime) takes
 * {@link ReportRequests#site} itself.
 */
final class ReportRoutes {
    private final ReportRequests requests;

    ReportRoutes(ReportRequests requests) {
        this.requests = requests;
    }

    void register(TinyTrailRoutes.Registrar r) {
        r.get("/api/v1/reports/summary", report(SummaryRoute::answer));
        r.get("/api/v1/reports/pages", report(PagesRoute::answer));
        r.get("/api/v1/reports/sources", report(SourcesRoute::answer));
        r.get("/api/v1/reports/devices", report(DevicesRoute::answer));
        r.get("/api/v1/reports/flow", report(FlowRoute::answer));
        r.get("/api/v1/reports/funnel", report(FunnelRoute::answer));
        r.get("/api/v1/reports/realtime", req -> RealtimeRoute.answer(requests.site(req), requests.events(), requests.now(),
                req.query("format")));
        r.get("/api/v1/reports/custom-events", report(CustomEventsRoute::answer));
        r.get("/api/v1/reports/timeseries", report(TimeseriesRoute::answer));
    }

    /** A report taking every common parameter. */
    Handler report(ReportHandler handler) {
        return req -> handler.answer(requests.parse(req), requests.events());
    }
}
