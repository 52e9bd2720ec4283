package io.footfall.http.umami;

import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.store.meta.Website;
import io.footfall.manage.WebsiteService;
import io.footfall.query.Analytics;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** {@code GET /api/websites/:id/daterange}: when the website's data starts and ends (the dashboard's "all time"). */
public final class DateRangeRoutes {
    private final Authenticator auth;
    private final WebsiteService websites;
    private final WebsiteReads reads;
    private final Analytics analytics;

    public DateRangeRoutes(Authenticator auth, WebsiteService websites, Analytics analytics) {
        this.auth = auth;
        this.websites = websites;
        this.reads = new WebsiteReads(auth.permissions(), websites, analytics);
        this.analytics = analytics;
    }

    public void register(Router r) {
        r.get("/api/websites/{websiteId}/daterange", auth.guardStatistics(this::dateRange));
    }

    private Reply dateRange(ApiRequest req) throws SQLException {
        UUID websiteId = reads.website(req);
        Instant resetAt = websites.find(websiteId).map(Website::resetAt).orElse(null);
        return Reply.ok(analytics.dateRange(websiteId, resetAt));
    }
}
