package io.footfall.http.umami;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.Principal;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.WebsiteService;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.report.Attribution;
import io.footfall.report.Breakdown;
import io.footfall.report.Funnel;
import io.footfall.report.Goal;
import io.footfall.report.Journey;
import io.footfall.report.ReportQuery;
import io.footfall.report.Retention;
import io.footfall.report.Revenue;
import io.footfall.report.Utm;
import io.footfall.report.ReportAccelerator;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.UUID;

import static io.footfall.http.umami.WebsiteReads.bad;
import static io.footfall.http.umami.WebsiteReads.run;

/**
 * {@code POST /api/reports/{funnel,retention,journey,goals,goal,utm,revenue,attribution,breakdown}}: one report
 * over the website of the body, for a caller who may view it, with the statistics routes' filters ({@code segment}
 * and {@code cohort} ids among them, read as on those routes).
 */
public final class ReportRoutes {
    private final Authenticator auth;
    private final WebsiteReads reads;
    private final EventStore store;
    private final ReportAccelerator rollups;

    public ReportRoutes(Authenticator auth, WebsiteService websites, EventStore store, ReportAccelerator rollups) {
        this.auth = auth;
        this.reads = new WebsiteReads(auth.permissions(), websites, store);
        this.store = store;
        this.rollups = rollups;
    }

    /** Register before {@code /api/reports/{reportId}}: these fixed paths must win. Each only reads, so may run again alone. */
    public void register(Router r) {
        r.post("/api/reports/funnel", r.readOnly(auth.guard(req -> report(req, (s, p) -> Funnel.run(rollups, store, s, p)))));
        r.post("/api/reports/retention", r.readOnly(auth.guard(req -> report(req, (s, p) -> Retention.run(rollups, store, s)))));
        r.post("/api/reports/journey", r.readOnly(auth.guard(req -> report(req, (s, p) -> Journey.run(rollups, store, s, p)))));
        // real Umami 3.1 serves only /goal; its documentation says /goals
        r.post("/api/reports/goal", r.readOnly(auth.guard(req -> report(req, (s, p) -> Goal.run(store, s, p)))));
        r.post("/api/reports/goals", r.readOnly(auth.guard(req -> report(req, (s, p) -> Goal.run(store, s, p)))));
        r.post("/api/reports/utm", r.readOnly(auth.guard(req -> report(req, (s, p) -> Utm.run(store, s)))));
        r.post("/api/reports/revenue", r.readOnly(auth.guard(req -> report(req, (s, p) -> Revenue.run(rollups, store, s, p)))));
        r.post("/api/reports/attribution", r.readOnly(auth.guard(req -> report(req, (s, p) -> Attribution.run(rollups, store, s, p)))));
        r.post("/api/reports/breakdown", r.readOnly(auth.guard(req -> report(req, (s, p) -> Breakdown.run(rollups, store, s, p)))));
    }

    @FunctionalInterface
    private interface Report {
        Object run(EventScope scope, JsonNode parameters) throws SQLException;
    }

    private Reply report(ApiRequest req, Report report) throws SQLException {
        JsonNode body = req.jsonObject();
        Principal principal = req.principal();
        UUID websiteId = Inputs.uuid(Inputs.requiredString(body, "websiteId", 36), "websiteId");
        reads.website(principal, websiteId);
        QueryParams.Source source = reads.source(websiteId, bad(() -> ReportQuery.source(body)));
        QueryParams params = bad(() -> QueryParams.parse(source));
        JsonNode parameters = bad(() -> ReportQuery.parameters(body));
        EventScope scope = reads.finish(websiteId, params);
        return Reply.ok(run(() -> report.run(scope, parameters)));
    }
}
