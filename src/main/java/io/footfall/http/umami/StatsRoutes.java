package io.footfall.http.umami;

import io.footfall.auth.Permissions;
import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.Website;
import io.footfall.manage.WebsiteService;
import io.footfall.query.ActiveVisitors;
import io.footfall.query.Comparison;
import io.footfall.query.EventList;
import io.footfall.query.EventScope;
import io.footfall.query.EventSeries;
import io.footfall.query.EventStats;
import io.footfall.query.ExpandedMetrics;
import io.footfall.query.MetricType;
import io.footfall.query.Metrics;
import io.footfall.query.PageviewSeries;
import io.footfall.query.QueryException;
import io.footfall.query.QueryParams;
import io.footfall.query.Realtime;
import io.footfall.query.TimeUnit;
import io.footfall.query.WebsiteStats;
import io.footfall.store.EventStore;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The website statistics read path: stats, pageviews, metrics, events, active and realtime. */
public final class StatsRoutes {
    private final Authenticator auth;
    private final WebsiteService websites;
    private final EventStore store;
    private final Clock clock;

    public StatsRoutes(Authenticator auth, WebsiteService websites, EventStore store, Clock clock) {
        this.auth = auth;
        this.websites = websites;
        this.store = store;
        this.clock = clock;
    }

    public void register(Router r) {
        r.get("/api/websites/{websiteId}/stats", auth.guard(this::stats));
        r.get("/api/websites/{websiteId}/pageviews", auth.guard(this::pageviews));
        r.get("/api/websites/{websiteId}/metrics", auth.guard(this::metrics));
        r.get("/api/websites/{websiteId}/metrics/expanded", auth.guard(this::expandedMetrics));
        r.get("/api/websites/{websiteId}/events", auth.guard(this::events));
        r.get("/api/websites/{websiteId}/events/series", auth.guard(this::eventSeries));
        r.get("/api/websites/{websiteId}/events/stats", auth.guard(this::eventStats));
        r.get("/api/websites/{websiteId}/active", auth.guard(this::active));
        r.get("/api/realtime/{websiteId}", auth.guard(this::realtime));
    }

    private Reply stats(ApiRequest req) throws SQLException {
        EventScope scope = scope(req);
        WebsiteStats.Totals now = run(() -> WebsiteStats.run(store, scope));
        QueryParams p = scope.params();
        Instant[] w = Comparison.window(p.compare() == null ? "prev" : p.compare(), p.startAt(), p.endAt());
        WebsiteStats.Totals before = run(() -> WebsiteStats.run(store, scope.withParams(p.withRange(w[0], w[1]))));
        Map<String, Object> body = totals(now);
        body.put("comparison", totals(before));
        return Reply.ok(body);
    }

    private static Map<String, Object> totals(WebsiteStats.Totals t) {
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
        PageviewSeries.Series s = run(() -> PageviewSeries.run(store, scope));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pageviews", s.pageviews());
        body.put("sessions", s.sessions());
        QueryParams p = scope.params();
        if (p.compare() != null) {
            Instant[] w = Comparison.window(p.compare(), p.startAt(), p.endAt());
            PageviewSeries.Series c = run(() -> PageviewSeries.run(store, scope.withParams(p.withRange(w[0], w[1]))));
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
        return Reply.ok(run(() -> Metrics.run(store, scope, type)));
    }

    private Reply expandedMetrics(ApiRequest req) throws SQLException {
        EventScope scope = scope(req);
        MetricType type = bad(() -> MetricType.of(req.query("type")));
        return Reply.ok(run(() -> ExpandedMetrics.run(store, scope, type)));
    }

    private Reply events(ApiRequest req) throws SQLException {
        EventScope scope = scope(req);
        EventList.Page page = run(() -> EventList.run(store, scope));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.data());
        body.put("count", page.count());
        body.put("page", page.page());
        body.put("pageSize", page.pageSize());
        return Reply.ok(body);
    }

    private Reply eventSeries(ApiRequest req) throws SQLException {
        if (req.query("timezone") == null) throw ApiException.badRequest("'timezone' is required");
        EventScope scope = scope(req);
        return Reply.ok(run(() -> EventSeries.run(store, scope)));
    }

    private Reply eventStats(ApiRequest req) throws SQLException {
        EventScope scope = scope(req);
        QueryParams p = scope.params();
        EventStats.Totals now = run(() -> EventStats.run(store, scope));
        Instant[] w = Comparison.window(p.compare() == null ? "prev" : p.compare(), p.startAt(), p.endAt());
        EventStats.Totals before = run(() -> EventStats.run(store, scope.withParams(p.withRange(w[0], w[1]))));
        Map<String, Object> body = eventTotals(now);
        body.put("comparison", eventTotals(before));
        return Reply.ok(Map.of("data", body));
    }

    private static Map<String, Object> eventTotals(EventStats.Totals t) {
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
        return Reply.ok(Map.of("visitors", run(() -> ActiveVisitors.run(store, scope))));
    }

    private Reply realtime(ApiRequest req) throws SQLException {
        Instant now = clock.instant();
        Instant start = now.truncatedTo(ChronoUnit.MINUTES).minus(30, ChronoUnit.MINUTES);
        EventScope scope = scope(req, start, now, true);
        return Reply.ok(run(() -> Realtime.run(store, scope, now.toEpochMilli())));
    }

    /** The website (checked for permission) and the parsed parameters of a range request. */
    private EventScope scope(ApiRequest req) throws SQLException {
        UUID websiteId = website(req);
        QueryParams p = bad(() -> QueryParams.parse(source(req)));
        return finish(websiteId, p);
    }

    private EventScope scope(ApiRequest req, Instant start, Instant end, boolean realtime) throws SQLException {
        UUID websiteId = website(req);
        QueryParams p = bad(() -> QueryParams.parse(source(req), start, end));
        if (realtime) {
            p = new QueryParams(p.startAt(), p.endAt(), TimeUnit.MINUTE, ZoneOffset.UTC, true, false, null, p.filters(),
                    null, p.limit(), p.offset(), 1, 20, p.segment(), p.cohort());
        }
        return finish(websiteId, p);
    }

    private EventScope finish(UUID websiteId, QueryParams p) throws SQLException {
        checkSegment(websiteId, p.segment(), "segment");
        checkSegment(websiteId, p.cohort(), "cohort");
        Website w = websites.find(websiteId).orElse(null);
        if (w != null && w.resetAt() != null && p.startAt().isBefore(w.resetAt())) {
            p = p.withRange(w.resetAt(), p.endAt());
        }
        return new EventScope(websiteId, p, store.dialect());
    }

    /** The website id of the path, if the caller may view it; an admin may ask about unknown ids (empty results). */
    private UUID website(ApiRequest req) throws SQLException {
        Principal principal = req.principal();
        UUID id = Inputs.uuid(req.pathParam("websiteId"), "websiteId");
        Website w = websites.find(id).orElse(null);
        if (w == null) {
            if (principal.user().isAdmin()) return id;
            throw ApiException.unauthorized();
        }
        if (!Permissions.canViewWebsite(principal.user(), w)) throw ApiException.unauthorized();
        return id;
    }

    private void checkSegment(UUID websiteId, UUID id, String type) throws SQLException {
        if (id == null) return;
        boolean exists = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM segment WHERE segment_id = ? AND website_id = ? AND type = ?")) {
                ps.setObject(1, id);
                ps.setObject(2, websiteId);
                ps.setString(3, type);
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (!exists) throw ApiException.badRequest("Unknown " + type + ": " + id);
        throw ApiException.badRequest("Filtering by " + type + " is not supported yet");
    }

    private static QueryParams.Source source(ApiRequest req) {
        return new QueryParams.Source() {
            @Override
            public String get(String name) {
                return req.query(name);
            }

            @Override
            public Set<String> names() {
                return req.queryNames();
            }
        };
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private static <T> T bad(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (QueryException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * Runs a query; a client regular expression the engine rejects (its syntax differs a little from
     * Java's, which validated it) is the client's error, not a 500.
     */
    private static <T> T run(SqlCall<T> call) throws SQLException {
        try {
            return call.call();
        } catch (QueryException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("regex") || m.contains("regular expression")) throw ApiException.badRequest("Invalid regular expression");
            throw e;
        }
    }
}
