package io.footfall.http.umami;

import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.WebsiteService;
import io.footfall.query.EventScope;
import io.footfall.query.Analytics;

import java.sql.SQLException;


/** {@code GET /api/websites/:id/event-data}: pages of events with their data rows grouped per event. */
public final class EventDataPageRoutes {
    private final Authenticator auth;
    private final WebsiteReads reads;
    private final Analytics analytics;

    public EventDataPageRoutes(Authenticator auth, WebsiteService websites, Analytics analytics) {
        this.auth = auth;
        this.reads = new WebsiteReads(auth.permissions(), websites, analytics);
        this.analytics = analytics;
    }

    public void register(Router r) {
        r.get("/api/websites/{websiteId}/event-data", auth.guardStatistics(this::page));
    }

    private Reply page(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req);
        return Reply.ok(reads.together(() -> analytics.eventDataPage(scope)));
    }
}
