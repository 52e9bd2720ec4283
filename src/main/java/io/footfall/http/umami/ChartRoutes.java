package io.footfall.http.umami;

import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.WebsiteService;
import io.footfall.query.Analytics;
import io.footfall.query.EntityCharts;
import io.footfall.query.QueryParams;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/websites/charts}, {@code /api/links/charts}, {@code /api/pixels/charts}{@code ?ids=&startAt=&endAt=&timezone=}:
 * the sparklines of a list, {@code {data: {id: {total, values}}}} for 1 to 20 ids the caller may view (any one it may
 * not: 401, as for one website). The range defaults to the 24 hours ending now.
 */
public final class ChartRoutes {
    static final int MAX_IDS = 20;
    private final Authenticator auth;
    private final WebsiteReads reads;
    private final Analytics analytics;
    private final Clock clock;

    public ChartRoutes(Authenticator auth, WebsiteService websites, Analytics analytics, Clock clock) {
        this.auth = auth;
        this.reads = new WebsiteReads(auth.permissions(), websites, analytics);
        this.analytics = analytics;
        this.clock = clock;
    }

    /** Must come before the routes with an id in the same place ({@code /api/websites/{websiteId}}). */
    public void register(Router r) {
        for (String kind : new String[]{"websites", "links", "pixels"}) {
            r.get("/api/" + kind + "/charts", auth.guard(this::charts));
        }
    }

    private Reply charts(ApiRequest req) throws SQLException {
        Set<UUID> ids = ids(req.query("ids"));
        Principal principal = req.principal();
        for (UUID id : ids) reads.website(principal, id);
        Instant end = clock.instant();
        QueryParams params = WebsiteReads.bad(() -> QueryParams.parse(WebsiteReads.withDefaults(WebsiteReads.source(req),
                end.minus(Duration.ofHours(24)), end)));
        Map<String, Object> data = new LinkedHashMap<>();
        for (UUID id : ids) {
            var scope = reads.finish(id, params);
            EntityCharts.Chart chart = analytics.chart(scope);
            data.put(id.toString(), Map.of("total", chart.total(), "values", chart.values()));
        }
        return Reply.ok(Map.of("data", data));
    }

    private static Set<UUID> ids(String raw) {
        if (raw == null || raw.isBlank()) throw ApiException.badRequest("ids is required: 1 to " + MAX_IDS + " comma-separated ids");
        Set<UUID> ids = new LinkedHashSet<>();
        for (String part : raw.split(",")) ids.add(Inputs.uuid(part.trim(), "ids"));
        if (ids.size() > MAX_IDS) throw ApiException.badRequest("ids takes at most " + MAX_IDS + " ids");
        return ids;
    }

}
