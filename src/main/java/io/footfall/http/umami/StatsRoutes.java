package io.footfall.http.umami;

import io.footfall.query.EventPage;
import io.footfall.query.EventTotals;
import io.footfall.query.WebsiteTotals;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.WebsiteService;
import io.footfall.query.Comparison;
import io.footfall.query.Parallel;
import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.PageviewSeries;
import io.footfall.query.QueryParams;
import io.footfall.query.TimeUnit;
import io.footfall.query.Analytics;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.footfall.http.umami.WebsiteReads.bad;

/** The website statistics read path: stats, pageviews, metrics, events, active and realtime. */
public final class StatsRoutes {
    private final Authenticator auth;
    private final WebsiteReads reads;
    private final Analytics analytics;
    private final Clock clock;

    public StatsRoutes(Authenticator auth, WebsiteService websites, Analytics analytics, Clock clock) {
        this.auth = auth;
        this.reads = new WebsiteReads(auth.permissions(), websites, analytics);
        this.analytics = analytics;
        this.clock = clock;
    }

    public void register(Router r) {
        r.get("/api/websites/{websiteId}/stats", auth.guardStatistics(this::stats));
        r.get("/api/websites/{websiteId}/pageviews", auth.guardStatistics(this::pageviews));
        r.get("/api/websites/{websiteId}/metrics", auth.guardStatistics(this::metrics));
        r.get("/api/websites/{websiteId}/metrics/expanded", auth.guardStatistics(this::expandedMetrics));
        r.get("/api/websites/{websiteId}/events", auth.guardStatistics(this::events));
        r.get("/api/websites/{websiteId}/events/series", auth.guardStatistics(this::eventSeries));
        r.get("/api/websites/{websiteId}/events/stats", auth.guardStatistics(this::eventStats));
        r.get("/api/websites/{websiteId}/active", auth.guardStatistics(this::active));
        r.get("/api/realtime/{websiteId}", auth.guardStatistics(this::realtime));
    }

    private Reply stats(ApiRequest req) throws SQLException {
        EventScope scope = scope(req);
        QueryParams p = scope.params();
        Instant[] w = Comparison.window(p.compare() == null ? "prev" : p.compare(), p.startAt(), p.endAt());
        var both = run(() -> Parallel.both(() -> analytics.stats(scope),
                () -> analytics.stats(scope.withParams(p.withRange(w[0], w[1])))));
        Map<String, Object> body = totals(both.first());
        body.put("comparison", totals(both.second()));
        return Reply.ok(body);
    }

    private static Map<String, Object> totals(WebsiteTotals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pageviews", t.pageviews());
        m.put("visitors", t.visitors());
        m.put("visits", t.visits());
        m.put("bounces", t.bounces());
        m.put("totaltime", t.totaltime());
        return m;
    }

    private Reply pageviews(ApiRequest req) throws SQLException {
        EventScope scope = scope(req);
        QueryParams p = scope.params();
        Instant[] w = p.compare() == null ? null : Comparison.window(p.compare(), p.startAt(), p.endAt());
        Parallel.Both<PageviewSeries.Series, PageviewSeries.Series> both = run(() -> w == null
                ? new Parallel.Both<>(analytics.pageviews(scope), null)
                : Parallel.both(() -> analytics.pageviews(scope), () -> analytics.pageviews(scope.withParams(p.withRange(w[0], w[1])))));
        PageviewSeries.Series s = both.first();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pageviews", s.pageviews());
        body.put("sessions", s.sessions());
        if (w != null) {
            PageviewSeries.Series c = both.second();
            body.put("startDate", p.startAt());
            body.put("endDate", p.endAt());
            Map<String, Object> compare = new LinkedHashMap<>();
            compare.put("pageviews", c.pageviews());
            compare.put("sessions", c.sessions());
            compare.put("startDate", w[0]);
            compare.put("endDate", w[1]);
            body.put("compare", compare);
        }
        return Reply.ok(body);
    }

    private Reply metrics(ApiRequest req) throws SQLException {
        EventScope scope = scope(req);
        MetricType type = bad(() -> MetricType.of(req.query("type")));
        return Reply.ok(run(() -> analytics.metrics(scope, type)));
    }

    private Reply expandedMetrics(ApiRequest req) throws SQLException {
        EventScope scope = scope(req);
        MetricType type = bad(() -> MetricType.of(req.query("type")));
        return Reply.ok(run(() -> analytics.expandedMetrics(scope, type)));
    }

    private Reply events(ApiRequest req) throws SQLException {
        EventScope scope = scope(req);
        EventPage page = run(() -> analytics.events(scope));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.data());
        body.put("count", page.count());
        body.put("page", page.page());
        body.put("pageSize", page.pageSize());
        return Reply.ok(body);
    }

    private Reply eventSeries(ApiRequest req) throws SQLException {
        EventScope scope = scope(req); // permission first: a 400 must not tell a stranger the website exists
        if (req.query("timezone") == null) throw ApiException.badRequest("'timezone' is required");
        return Reply.ok(run(() -> analytics.eventSeries(scope)));
    }

    private Reply eventStats(ApiRequest req) throws SQLException {
        EventScope scope = scope(req);
        QueryParams p = scope.params();
        Instant[] w = Comparison.window(p.compare() == null ? "prev" : p.compare(), p.startAt(), p.endAt());
        var both = run(() -> Parallel.both(() -> analytics.eventStats(scope),
                () -> analytics.eventStats(scope.withParams(p.withRange(w[0], w[1])))));
        Map<String, Object> body = eventTotals(both.first());
        body.put("comparison", eventTotals(both.second()));
        return Reply.ok(Map.of("data", body));
    }

    private static Map<String, Object> eventTotals(EventTotals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", t.events());
        m.put("visitors", t.visitors());
        m.put("visits", t.visits());
        m.put("uniqueEvents", t.uniqueEvents());
        return m;
    }

    private Reply active(ApiRequest req) throws SQLException {
        Instant now = clock.instant();
        EventScope scope = scope(req, now.minus(5, ChronoUnit.MINUTES), now, false);
        return Reply.ok(Map.of("visitors", run(() -> analytics.activeVisitors(scope))));
    }

    private Reply realtime(ApiRequest req) throws SQLException {
        Instant now = clock.instant();
        Instant start = now.truncatedTo(ChronoUnit.MINUTES).minus(30, ChronoUnit.MINUTES);
        EventScope scope = scope(req, start, now, true);
        return Reply.ok(run(() -> analytics.realtime(scope, now.toEpochMilli())));
    }

    private EventScope scope(ApiRequest req) throws SQLException {
        return reads.scope(req);
    }

    private EventScope scope(ApiRequest req, Instant start, Instant end, boolean realtime) throws SQLException {
        UUID websiteId = reads.website(req);
        QueryParams.Source source = reads.source(websiteId, req);
        QueryParams p = bad(() -> QueryParams.parse(source, start, end));
        if (realtime) {
            p = new QueryParams(p.startAt(), p.endAt(), TimeUnit.MINUTE, ZoneOffset.UTC, true, false, null, p.filters(),
                    null, p.limit(), p.offset(), 1, 20, p.segment(), p.cohort());
        }
        return reads.finish(websiteId, p);
    }

    /** Runs the route's query with its statements seeing one state of the rollups; client mistakes answer 400. */
    private <T> T run(WebsiteReads.SqlCall<T> call) throws SQLException {
        return reads.together(call);
    }
}
