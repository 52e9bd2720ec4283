package io.footfall.http.umami;

import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.WebsiteService;
import io.footfall.query.EventScope;
import io.footfall.query.Analytics;

import java.sql.SQLException;


/** {@code GET /api/websites/:id/revenue/sessions?currency=}: the sessions that paid, for the revenue view. */
public final class RevenueRoutes {
    private final Authenticator auth;
    private final WebsiteReads reads;
    private final Analytics analytics;

    public RevenueRoutes(Authenticator auth, WebsiteService websites, Analytics analytics) {
        this.auth = auth;
        this.reads = new WebsiteReads(auth.permissions(), websites, analytics);
        this.analytics = analytics;
    }

    public void register(Router r) {
        r.get("/api/websites/{websiteId}/revenue/sessions", auth.guardStatistics(this::sessions));
    }

    private Reply sessions(ApiRequest req) throws SQLException {
        String currency = WebsiteReads.required(req, "currency");
        EventScope scope = reads.scope(req);
        return Reply.ok(reads.together(() -> analytics.revenue(scope, currency)));
    }
}
