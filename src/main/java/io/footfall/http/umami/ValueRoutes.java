package io.footfall.http.umami;

import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.WebsiteService;
import io.footfall.query.EventScope;
import io.footfall.query.FilterColumns;
import io.footfall.query.Analytics;

import java.sql.SQLException;


/**
 * {@code GET /api/websites/:id/values?type=&search=&startAt=&endAt=}: the values a filter picker offers for
 * one field (any filter name, or {@code screen}), most frequent first.
 */
public final class ValueRoutes {
    private final Authenticator auth;
    private final WebsiteReads reads;
    private final Analytics analytics;

    public ValueRoutes(Authenticator auth, WebsiteService websites, Analytics analytics) {
        this.auth = auth;
        this.reads = new WebsiteReads(auth.permissions(), websites, analytics);
        this.analytics = analytics;
    }

    public void register(Router r) {
        r.get("/api/websites/{websiteId}/values", auth.guardStatistics(this::values));
    }

    private Reply values(ApiRequest req) throws SQLException {
        String type = WebsiteReads.required(req, "type");
        EventScope scope = reads.scope(req);
        String column = FilterColumns.metricColumn(type);
        if (column == null) throw ApiException.badRequest("Invalid type: '" + type + "' is not a filter field");
        String search = scope.params().search();
        return Reply.ok(reads.together(() -> analytics.filterValues(scope, column, search)));
    }
}
