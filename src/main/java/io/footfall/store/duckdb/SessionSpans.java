package io.footfall.store.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the per-session rollup (V3: {@code session_span}): one {@code session_pending} row per session
 * of each appended batch, folded into {@code session_span} by one MERGE now and then. Exactness rules:
 * visits are counted along time order (a batch continuing the stored last visit adds none); rows that
 * arrive before the stored last activity, or that disagree on an attribute (the distinct id included, so
 * a session identified midway is mixed), mark the session mixed and readers take it from the event table.
 */
final class SessionSpans {
    /** Every attribute that must agree over a session's rows for the rollup to answer filters on it. */
    private static final String[] ATTRIBUTES = {"hostname", "browser", "os", "device", "screen", "language", "country", "region", "city",
            "distinct_id"};

    /** Rebuilds rows from the event table; {@code /*AND*}{@code /} is where a caller narrows to some sessions. */
    static final String REBUILD = "INSERT INTO session_span SELECT website_id, session_id, min(created_at), max(created_at), "
            + "min(created_at) FILTER (WHERE event_type IN (1, 3, 4)), max(created_at) FILTER (WHERE event_type IN (1, 3, 4)), count(*), "
            + "count(*) FILTER (WHERE event_type IN (1, 3, 4)), count(*) FILTER (WHERE event_type = 1), count(*) FILTER (WHERE event_type = 2), "
            + "count(DISTINCT visit_id), "
            + "arg_max(visit_id, created_at), " + anyValues() + ", count(DISTINCT " + tuple("") + ") > 1 FROM event WHERE event_type <> 5 /*AND*/ GROUP BY website_id, session_id "
            + "ORDER BY min(created_at)";

    private SessionSpans() {
    }

    /** One session's activity within a batch, in time order. */
    private static final class Delta {
        final List<Event> events = new ArrayList<>();

        Event first() {
            return events.getFirst();
        }

        Event last() {
            return events.getLast();
        }
    }

    /** Appends the batch's per-session rows; returns how many. */
    static int append(DuckDBConnection conn, List<CollectedHit> hits) throws SQLException {
        Map<UUID, Delta> deltas = new LinkedHashMap<>();
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (e == null || e.eventType() == 5) continue;
            deltas.computeIfAbsent(e.sessionId(), k -> new Delta()).events.add(e);
        }
        if (deltas.isEmpty()) return 0;
        try (DuckDBAppender a = conn.createAppender("main", "session_pending")) {
            for (Delta d : deltas.values()) {
                d.events.sort(Comparator.comparing(Event::createdAt));
                int views = 0;
                int pageviews = 0;
                int events = 0;
                Instant firstView = null;
                Instant lastView = null;
                int visits = 0;
                boolean mixed = false;
                UUID previousVisit = null;
                List<UUID> seenVisits = new ArrayList<>();
                String[] attrs = attributes(d.first());
                for (Event e : d.events) {
                    int t = e.eventType();
                    if (t == 1 || t == 3 || t == 4) {
                        views++;
                        if (firstView == null) firstView = e.createdAt();
                        lastView = e.createdAt();
                    }
                    if (t == 1) pageviews++;
                    if (t == 2) events++;
                    if (!e.visitId().equals(previousVisit)) {
                        // A visit that comes back after another one cannot happen in time order: keep it exact anyway.
                        if (seenVisits.contains(e.visitId())) mixed = true;
                        else visits++;
                        seenVisits.add(e.visitId());
                        previousVisit = e.visitId();
                    }
                    if (!Arrays.equals(attrs, attributes(e))) mixed = true;
                }
                Event first = d.first();
                a.beginRow();
                a.append(first.websiteId());
                a.append(first.sessionId());
                micros(a, first.createdAt());
                micros(a, d.last().createdAt());
                micros(a, firstView);
                micros(a, lastView);
                a.append(d.events.size());
                a.append(views);
                a.append(pageviews);
                a.append(events);
                a.append(visits);
                a.append(first.visitId());
                a.append(d.last().visitId());
                for (String v : attrs) str(a, v);
                a.append(mixed);
                a.endRow();
            }
            a.flush();
        }
        return deltas.size();
    }

    /**
     * Merges the pending rows into session_span and empties session_pending. Pending rows of one session
     * are ordered by time: each continuing the previous one's last visit takes one visit off the sum.
     */
    static void fold(Connection c) throws SQLException {
        StringBuilder differs = new StringBuilder();
        for (String col : ATTRIBUTES) differs.append(" OR s.").append(col).append(" IS DISTINCT FROM d.").append(col);
        StringBuilder set = new StringBuilder();
        for (String col : ATTRIBUTES) set.append(", ").append(col);
        try (Statement st = c.createStatement()) {
            st.execute("MERGE INTO session_span s USING (SELECT website_id, session_id, min(first_at) AS first_at, max(last_at) AS last_at, "
                    + "min(first_view_at) AS first_view_at, max(last_view_at) AS last_view_at, "
                    + "sum(activity)::INTEGER AS activity, sum(views)::INTEGER AS views, sum(pageviews)::INTEGER AS pageviews, "
                    + "sum(events)::INTEGER AS events, "
                    + "(sum(visits) - count(*) FILTER (WHERE first_visit_id = previous_visit))::INTEGER AS visits, "
                    + "arg_min(first_visit_id, first_at) AS first_visit_id, arg_max(last_visit_id, last_at) AS last_visit_id, "
                    + anyValues() + ", bool_or(mixed) OR coalesce(bool_or(first_at < previous_last), false) "
                    + "OR count(DISTINCT " + tuple("") + ") > 1 AS mixed "
                    + "FROM (SELECT *, lag(last_visit_id) OVER w AS previous_visit, lag(last_at) OVER w AS previous_last "
                    + "FROM session_pending WINDOW w AS (PARTITION BY website_id, session_id ORDER BY first_at, last_at)) p "
                    + "GROUP BY website_id, session_id) d "
                    + "ON s.website_id = d.website_id AND s.session_id = d.session_id "
                    + "WHEN MATCHED THEN UPDATE SET first_at = least(s.first_at, d.first_at), last_at = greatest(s.last_at, d.last_at), "
                    + "first_view_at = least(s.first_view_at, d.first_view_at), last_view_at = greatest(s.last_view_at, d.last_view_at), "
                    + "activity = s.activity + d.activity, views = s.views + d.views, pageviews = s.pageviews + d.pageviews, "
                    + "events = s.events + d.events, "
                    + "visits = s.visits + d.visits - CASE WHEN d.first_visit_id = s.last_visit_id THEN 1 ELSE 0 END, "
                    + "last_visit_id = CASE WHEN d.last_at >= s.last_at THEN d.last_visit_id ELSE s.last_visit_id END, "
                    + "mixed = s.mixed OR d.mixed OR d.first_at < s.last_at" + differs + " "
                    + "WHEN NOT MATCHED THEN INSERT VALUES (d.website_id, d.session_id, d.first_at, d.last_at, d.first_view_at, d.last_view_at, "
                    + "d.activity, d.views, d.pageviews, "
                    + "d.events, d.visits, d.last_visit_id" + set.toString().replace(", ", ", d.") + ", d.mixed)");
            st.execute("DELETE FROM session_pending");
        }
    }

    private static String anyValues() {
        StringBuilder s = new StringBuilder();
        for (String col : ATTRIBUTES) s.append(s.isEmpty() ? "" : ", ").append("any_value(").append(col).append(") AS ").append(col);
        return s.toString();
    }

    private static String tuple(String alias) {
        StringBuilder s = new StringBuilder("concat_ws(chr(1)");
        for (String col : ATTRIBUTES) s.append(", coalesce(").append(alias).append(col).append(", chr(2))");
        return s.append(")").toString();
    }

    private static String[] attributes(Event e) {
        Event.SessionAttributes s = e.session();
        return new String[]{e.page().hostname(), s.browser(), s.os(), s.device(), s.screen(), s.language(), s.country(), s.region(), s.city(),
                s.distinctId()};
    }

    private static void micros(DuckDBAppender a, Instant t) throws SQLException {
        if (t == null) a.appendNull();
        else a.appendEpochMicros(t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000);
    }

    private static void str(DuckDBAppender a, String s) throws SQLException {
        if (s == null) a.appendNull();
        else a.append(s);
    }
}
