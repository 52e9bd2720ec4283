package io.footfall.http.umami;

import io.footfall.query.SessionPage;
import io.footfall.query.SessionTotals;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.WebsiteService;
import io.footfall.query.EventScope;
import io.footfall.query.Analytics;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;


/** Sessions and session data of a website: list, totals, weekly heatmap, one session, its timeline and data. */
public final class SessionRoutes {
    /** The whole stored history, for routes whose range is optional. */
    private static final Instant EPOCH = Instant.EPOCH;
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T23:59:59Z");

    private final Authenticator auth;
    private final WebsiteReads reads;
    private final Analytics analytics;

    public SessionRoutes(Authenticator auth, WebsiteService websites, Analytics analytics) {
        this.auth = auth;
        this.reads = new WebsiteReads(auth.permissions(), websites, analytics);
        this.analytics = analytics;
    }

    public void register(Router r) {
        // Fixed segments before {sessionId}: the first matching route wins.
        r.get("/api/websites/{websiteId}/sessions", auth.guardStatistics(this::list));
        r.get("/api/websites/{websiteId}/sessions/stats", auth.guardStatistics(this::stats));
        r.get("/api/websites/{websiteId}/sessions/weekly", auth.guardStatistics(this::weekly));
        r.get("/api/websites/{websiteId}/sessions/{sessionId}", auth.guardStatistics(this::session));
        r.get("/api/websites/{websiteId}/sessions/{sessionId}/activity", auth.guardStatistics(this::activity));
        r.get("/api/websites/{websiteId}/sessions/{sessionId}/properties", auth.guardStatistics(this::properties));
        r.get("/api/websites/{websiteId}/session-data/properties", auth.guardStatistics(this::dataProperties));
        r.get("/api/websites/{websiteId}/session-data/values", auth.guardStatistics(this::dataValues));
    }

    private Reply list(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req);
        SessionPage page = run(() -> analytics.sessions(scope));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.data());
        body.put("count", page.count());
        body.put("page", page.page());
        body.put("pageSize", page.pageSize());
        return Reply.ok(body);
    }

    private Reply stats(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req);
        SessionTotals t = run(() -> analytics.sessionStats(scope));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pageviews", Map.of("value", t.pageviews()));
        body.put("visitors", Map.of("value", t.visitors()));
        body.put("visits", Map.of("value", t.visits()));
        body.put("countries", Map.of("value", t.countries()));
        body.put("events", Map.of("value", t.events()));
        return Reply.ok(body);
    }

    private Reply weekly(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req); // permission first: a 400 must not tell a stranger the website exists
        if (req.query("timezone") == null) throw ApiException.badRequest("'timezone' is required");
        return Reply.ok(run(() -> analytics.sessionWeekly(scope)));
    }

    private Reply session(ApiRequest req) throws SQLException {
        UUID websiteId = reads.website(req);
        UUID sessionId = Inputs.uuid(req.pathParam("sessionId"), "sessionId");
        return Reply.ok(run(() -> analytics.session(websiteId, sessionId)));
    }

    private Reply activity(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req, EPOCH, FAR_FUTURE);
        UUID sessionId = Inputs.uuid(req.pathParam("sessionId"), "sessionId");
        return Reply.ok(run(() -> analytics.sessionActivity(scope, sessionId)));
    }

    private Reply properties(ApiRequest req) throws SQLException {
        UUID websiteId = reads.website(req);
        UUID sessionId = Inputs.uuid(req.pathParam("sessionId"), "sessionId");
        return Reply.ok(run(() -> analytics.sessionProperties(websiteId, sessionId)));
    }

    private Reply dataProperties(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req);
        return Reply.ok(run(() -> analytics.sessionDataProperties(scope)));
    }

    private Reply dataValues(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req);
        String property = WebsiteReads.required(req, "propertyName");
        return Reply.ok(run(() -> analytics.sessionDataValues(scope, property)));
    }

    /** Runs the route's query with its statements seeing one state of the rollups; client mistakes answer 400. */
    private <T> T run(WebsiteReads.SqlCall<T> call) throws SQLException {
        return reads.together(call);
    }
}
