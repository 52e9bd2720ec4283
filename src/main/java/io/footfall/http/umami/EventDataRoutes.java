package io.footfall.http.umami;

import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.WebsiteService;
import io.footfall.query.EventDataStats;
import io.footfall.query.EventScope;
import io.footfall.query.Filter;
import io.footfall.query.Operator;
import io.footfall.query.QueryParams;
import io.footfall.query.Analytics;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/** Event data of a website: per event, fields, properties, values of one property, totals, and one event's data. */
public final class EventDataRoutes {
    private final Authenticator auth;
    private final WebsiteReads reads;
    private final Analytics analytics;

    public EventDataRoutes(Authenticator auth, WebsiteService websites, Analytics analytics) {
        this.auth = auth;
        this.reads = new WebsiteReads(auth.permissions(), websites, analytics);
        this.analytics = analytics;
    }

    public void register(Router r) {
        // Fixed segments before {eventId}: the first matching route wins.
        r.get("/api/websites/{websiteId}/event-data/events", auth.guardStatistics(this::events));
        r.get("/api/websites/{websiteId}/event-data/fields", auth.guardStatistics(this::fields));
        r.get("/api/websites/{websiteId}/event-data/properties", auth.guardStatistics(this::properties));
        r.get("/api/websites/{websiteId}/event-data/values", auth.guardStatistics(this::values));
        r.get("/api/websites/{websiteId}/event-data/stats", auth.guardStatistics(this::stats));
        r.get("/api/websites/{websiteId}/event-data/{eventId}", auth.guardStatistics(this::byId));
    }

    private Reply events(ApiRequest req) throws SQLException {
        EventScope base = reads.scope(req);
        String event = eventName(req);
        EventScope scope = exactEvent(base, event);
        return Reply.ok(run(() -> analytics.eventDataEvents(scope, event != null)));
    }

    private Reply fields(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req);
        return Reply.ok(run(() -> analytics.eventDataFields(scope)));
    }

    private Reply properties(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req);
        String property = req.query("propertyName");
        if (property != null) WebsiteReads.required(req, "propertyName");
        return Reply.ok(run(() -> analytics.eventDataProperties(scope, property)));
    }

    private Reply values(ApiRequest req) throws SQLException {
        EventScope base = reads.scope(req);
        String event = eventName(req);
        if (event == null) WebsiteReads.required(req, "event");
        String property = WebsiteReads.required(req, "propertyName");
        EventScope scope = exactEvent(base, event);
        return Reply.ok(run(() -> analytics.eventDataValues(scope, property)));
    }

    private Reply stats(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req);
        EventDataStats.Totals t = run(() -> analytics.eventDataStats(scope));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", t.events());
        body.put("properties", t.properties());
        body.put("records", t.records());
        return Reply.ok(body);
    }

    private Reply byId(ApiRequest req) throws SQLException {
        UUID websiteId = reads.website(req);
        UUID eventId = Inputs.uuid(req.pathParam("eventId"), "eventId");
        return Reply.ok(run(() -> analytics.eventDataById(websiteId, eventId)));
    }

    /** The event name asked for: {@code event}, or the older {@code eventName}. */
    private static String eventName(ApiRequest req) {
        String event = req.query("event");
        if (event == null) event = req.query("eventName");
        if (event != null) WebsiteReads.required(req, req.query("event") != null ? "event" : "eventName");
        return event;
    }

    private static List<Filter> withoutEvent(List<Filter> filters) {
        return filters.stream().filter(f -> !f.name().equals("event")).toList();
    }

    /**
     * The scope with the event name as an exact match: here {@code event} names one event, so operator
     * prefixes and commas in it are part of the name, not filter syntax; it is ANDed even with {@code match=any}.
     */
    private static EventScope exactEvent(EventScope scope, String event) {
        if (event == null) return scope;
        QueryParams p = scope.params();
        List<Filter> filters = new ArrayList<>();
        for (Filter f : p.filters()) {
            if (f.isGroup()) filters.addAll(QueryParams.matching(withoutEvent(f.anyOf()), true));
            else if (!f.name().equals("event")) filters.add(f);
        }
        filters.add(new Filter("event", "event_name", Operator.EQUALS, List.of(event)));
        return scope.withParams(new QueryParams(p.startAt(), p.endAt(), p.unit(), p.zone(), p.isoUtc(), p.timezoneGiven(),
                p.compare(), List.copyOf(filters), p.search(), p.limit(), p.offset(), p.page(), p.pageSize(), p.segment(),
                p.cohort()));
    }

    /** Runs the route's query with its statements seeing one state of the rollups; client mistakes answer 400. */
    private <T> T run(WebsiteReads.SqlCall<T> call) throws SQLException {
        return reads.together(call);
    }
}
