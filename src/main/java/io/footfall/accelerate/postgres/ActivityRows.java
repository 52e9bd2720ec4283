package io.footfall.accelerate.postgres;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.event.EventType;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The writer of {@code visit_activity_span} and {@code session_activity_span} (V16): per visit and per session, over every
 * event but web vitals, the first and last event time; per visit also its event and custom-event count and its country;
 * per session also what the sessions list groups and searches by while its events agree (V24, {@link #SESSION_LIST}).
 * Called by {@link SpanRows} in the transaction of the batch it describes.
 */
final class ActivityRows {
    static final List<String> TABLES = List.of("visit_activity_span", "session_activity_span");

    private static final String VISIT_UPSERT = "INSERT INTO visit_activity_span (website_id, visit_id, session_id, first_at, last_at, "
            + "events, customs, country, mixed_country) "
            + "SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::timestamp[], ?::timestamp[], ?::int[], ?::int[], ?::text[], ?::bool[]) "
            + "ON CONFLICT (website_id, visit_id) DO UPDATE SET first_at = least(visit_activity_span.first_at, excluded.first_at), "
            + "last_at = greatest(visit_activity_span.last_at, excluded.last_at), events = visit_activity_span.events + excluded.events, "
            + "customs = visit_activity_span.customs + excluded.customs, "
            // One country: the rows' own, or the other side's when one side has none; two different ones: mixed.
            + "country = CASE WHEN visit_activity_span.mixed_country OR excluded.mixed_country THEN NULL "
            + "WHEN visit_activity_span.country IS NULL THEN excluded.country WHEN excluded.country IS NULL "
            + "OR excluded.country = visit_activity_span.country THEN visit_activity_span.country END, "
            + "mixed_country = visit_activity_span.mixed_country OR excluded.mixed_country "
            + "OR coalesce(visit_activity_span.country <> excluded.country, false)";
    /** A visit's row computed from its events (the migration's fill computes the same). */
    private static final String VISIT_AGGREGATES = "(array_agg(session_id))[1], min(created_at), max(created_at), count(*), "
            + "count(*) FILTER (WHERE event_type = 2), CASE WHEN count(DISTINCT country) = 1 THEN min(country) END, count(DISTINCT country) > 1";
    /** Per session: the hostname and search values of the sessions list, NULLs and mixed when its events disagree (V24). */
    static final AgreeingSpanRows SESSION_LIST = new AgreeingSpanRows("session_activity_span",
            List.of("hostname", "distinct_id", "city", "browser", "os", "device"), e -> new String[]{e.page().hostname(),
                    e.session().distinctId(), e.session().city(), e.session().browser(), e.session().os(), e.session().device()});
    /** What the sessions page counts: every event but web vitals ({@code EventScope.ACTIVITY}). */
    static final String ACTIVITY = "event_type <> 5";

    private ActivityRows() {
    }

    private static final class Visit {
        final UUID session;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        int events, customs;
        String country;
        boolean mixed;

        Visit(UUID session) {
            this.session = session;
        }

        void add(long micros, int type, String country) {
            first = Math.min(first, micros);
            last = Math.max(last, micros);
            events++;
            if (type == EventType.CUSTOM_EVENT) customs++;
            if (country == null || mixed) return;
            if (this.country == null) this.country = country;
            else if (!this.country.equals(country)) {
                mixed = true;
                this.country = null;
            }
        }
    }

    static void add(Connection c, List<CollectedHit> hits) throws SQLException {
        Map<SpanRows.Key, Visit> visits = new LinkedHashMap<>();
        Map<SpanRows.Key, AgreeingSpanRows.Session> sessions = new LinkedHashMap<>();
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (!hit.ordinaryEvent() || e.eventType() == EventType.PERFORMANCE) continue;
            long micros = SpanRows.micros(e.createdAt());
            visits.computeIfAbsent(new SpanRows.Key(e.websiteId(), e.visitId()), k -> new Visit(e.sessionId()))
                    .add(micros, e.eventType(), e.session().country());
            SESSION_LIST.add(sessions, new SpanRows.Key(e.websiteId(), e.sessionId()), micros, e);
        }
        if (visits.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(VISIT_UPSERT)) {
            List<Object> websites = new ArrayList<>(), ids = new ArrayList<>(), owners = new ArrayList<>(), firsts = new ArrayList<>(),
                    lasts = new ArrayList<>(), events = new ArrayList<>(), customs = new ArrayList<>(), countries = new ArrayList<>(),
                    mixed = new ArrayList<>();
            visits.forEach((k, v) -> {
                websites.add(k.website());
                ids.add(k.id());
                owners.add(v.session);
                firsts.add(SpanRows.timestamp(v.first));
                lasts.add(SpanRows.timestamp(v.last));
                events.add(v.events);
                customs.add(v.customs);
                countries.add(v.country);
                mixed.add(v.mixed);
            });
            SpanRows.bind(c, ps, websites, "uuid", ids, "uuid", owners, "uuid", firsts, "text", lasts, "text", events, "int4",
                    customs, "int4", countries, "text", mixed, "bool");
            ps.executeUpdate();
        }
        SESSION_LIST.write(c, sessions);
    }

    /** Before the events with these ids are deleted: their visits' and sessions' rows computed again from their other events. */
    static void withoutEvents(Connection c, Array eventIds) throws SQLException {
        Set<SpanRows.Key> visits = new LinkedHashSet<>();
        Set<SpanRows.Key> sessions = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT website_id, visit_id, session_id FROM event "
                + "WHERE event_id = ANY (?) AND " + ACTIVITY)) {
            ps.setArray(1, eventIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID website = rs.getObject(1, UUID.class);
                    visits.add(new SpanRows.Key(website, rs.getObject(2, UUID.class)));
                    sessions.add(new SpanRows.Key(website, rs.getObject(3, UUID.class)));
                }
            }
        }
        if (visits.isEmpty()) return;
        SpanRows.recompute(c, "visit_activity_span", "visit_id", visits, eventIds,
                "INSERT INTO visit_activity_span (website_id, visit_id, session_id, first_at, last_at, events, customs, country, mixed_country) "
                        + "SELECT website_id, visit_id, " + VISIT_AGGREGATES + " FROM (SELECT e.* FROM unnest(?::uuid[], ?::uuid[]) AS k(w, id) "
                        + "JOIN event e ON e.website_id = k.w AND e.visit_id = k.id WHERE e." + ACTIVITY + " AND e.event_id <> ALL (?)) e "
                        + "GROUP BY website_id, visit_id");
        SpanRows.recompute(c, "session_activity_span", "session_id", sessions, eventIds,
                SESSION_LIST.fill + " FROM (SELECT e.* "
                        + "FROM unnest(?::uuid[], ?::uuid[]) AS k(w, id) JOIN event e ON e.website_id = k.w AND e.session_id = k.id "
                        + "WHERE e." + ACTIVITY + " AND e.event_id <> ALL (?)) e GROUP BY website_id, session_id");
    }

    /** Everything again from the event table (after a bulk load); the caller emptied the tables. */
    static void rebuildAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO visit_activity_span (website_id, visit_id, session_id, first_at, last_at, events, customs, country, mixed_country) "
                    + "SELECT website_id, visit_id, " + VISIT_AGGREGATES + " FROM event WHERE " + ACTIVITY + " GROUP BY website_id, visit_id");
            st.execute(SESSION_LIST.fill + " FROM event WHERE " + ACTIVITY + " GROUP BY website_id, session_id");
        }
    }
}
