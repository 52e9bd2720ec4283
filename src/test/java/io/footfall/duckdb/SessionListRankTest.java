package io.footfall.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions list ranks through the rollup (count and page threshold in one pass) and reads the counts
 * inside the range of sessions the range cuts from events: every page must equal a reference computed
 * straight from the event table. Twelve sessions live over three days, each with visits of views and custom
 * events on each day, several ending at the same instant (ties across page boundaries); hits arrive in
 * batches, some folded, some pending, one session re-shipped after a crash.
 */
class SessionListRankTest {
    static TestServer server;
    static UUID site;
    static final List<UUID> SESSIONS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        site = UUID.fromString(server.createWebsite("Session list ranks", "example.com"));
        for (int s = 0; s < 12; s++) SESSIONS.add(UUID.randomUUID());
        for (int day = 1; day <= 3; day++) {
            List<CollectedHit> batch = new ArrayList<>();
            for (int s = 0; s < 12; s++) {
                if ((s + day) % 4 == 0) continue; // not every session every day
                UUID visit = UUID.randomUUID();
                // Sessions 0-3 end their day together (ties), the others a minute apart.
                int minute = s < 4 ? 50 : 10 + s;
                batch.add(hit(s, visit, day, 8, 0, 1));
                batch.add(hit(s, visit, day, 8 + s % 3, minute - 1, 2));
                batch.add(hit(s, visit, day, 8 + s % 3, minute, 1));
                if (s % 5 == 0) batch.add(hit(s, UUID.randomUUID(), day, 14, 0, 1)); // a second visit that day
            }
            server.append(batch.toArray(CollectedHit[]::new));
            if (day < 3) server.fold(); // day 3 stays pending
        }
        // Crash re-ship: session 5's day-2 hits deleted and appended again.
        List<CollectedHit> again = new ArrayList<>();
        UUID visit = UUID.randomUUID();
        again.add(hit(5, visit, 2, 20, 0, 1));
        again.add(hit(5, visit, 2, 20, 1, 2));
        server.append(again.toArray(CollectedHit[]::new));
        server.fold();
        server.server().stores().events().deleteEvents(again.stream().map(h -> h.event().eventId()).toList());
        server.append(again.toArray(CollectedHit[]::new));
    }

    static CollectedHit hit(int session, UUID visit, int day, int hour, int minute, int type) {
        Instant at = Instant.parse(String.format("2026-04-0%dT%02d:%02d:00Z", day, hour, minute));
        UUID id = SESSIONS.get(session);
        var attrs = new Event.SessionAttributes(session % 2 == 0 ? "chrome" : "firefox", "Linux", "desktop", "1920x1080", "en-US",
                "DE", null, "Berlin", session % 3 == 0 ? "user-" + session : null);
        Event e = new Event(UUID.randomUUID(), site, id, visit, at, type, type == 2 ? "click" : null,
                new Event.Page("example.com", "/p", null, "Page", null), Event.Referrer.NONE, Event.Campaign.NONE, attrs, Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), site, id, attrs.distinctId(), at, List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyPageEqualsTheEventTable() {
        comparePages();
        server = server.restart(java.util.Map.of("QUERY_MAX_RANKED_KEYS", "0")); // deep pages: count and rank in two passes
        comparePages();
        server = server.restart(java.util.Map.of("QUERY_MAX_RANKED_KEYS", ""));
        server.fold();
        comparePages();
    }

    void comparePages() {
        String[][] ranges = {{"2026-04-01T00:00:00Z", "2026-04-03T23:59:59Z"}, {"2026-04-02T00:00:00Z", "2026-04-03T23:59:59Z"},
                {"2026-04-02T08:30:00Z", "2026-04-03T23:59:59Z"}, {"2026-04-01T00:00:00Z", "2026-04-02T12:00:00Z"},
                {"2026-04-02T09:00:00Z", "2026-04-02T20:00:00Z"}, {"2026-04-03T08:50:00Z", "2026-04-03T08:50:00Z"}};
        for (String[] r : ranges) {
            for (String search : new String[]{null, "USER", "fire"}) {
                List<String> expected = reference(r[0], r[1], search);
                for (int pageSize : new int[]{3, 100}) {
                    for (int page = 1; page <= expected.size() / pageSize + 2; page++) {
                        String q = TestServer.range(r[0], r[1]) + "&pageSize=" + pageSize + "&page=" + page
                                + (search == null ? "" : "&search=" + search);
                        JsonNode list = server.websiteJson(site.toString(), "sessions?" + q);
                        List<String> rows = new ArrayList<>();
                        for (JsonNode s : list.get("data")) {
                            rows.add(s.get("id").asText() + " " + s.get("hostname").asText() + " " + s.get("browser").asText() + " "
                                    + s.get("firstAt").asText() + " " + s.get("lastAt").asText() + " " + s.get("visits") + " "
                                    + s.get("views") + " " + s.get("events"));
                        }
                        int from = Math.min(expected.size(), (page - 1) * pageSize);
                        assertThat(rows).as(q).isEqualTo(expected.subList(from, Math.min(expected.size(), from + pageSize)));
                        assertThat(list.get("count").asLong()).as(q).isEqualTo(expected.size());
                    }
                }
            }
        }
    }

    /** The list's rows straight from the event table, in rank order. */
    static List<String> reference(String from, String to, String search) {
        String like = search == null ? "" : " AND (distinct_id ILIKE '%" + search + "%' OR city ILIKE '%" + search + "%' OR browser ILIKE '%"
                + search + "%' OR os ILIKE '%" + search + "%' OR device ILIKE '%" + search + "%')";
        List<Map<String, Object>> rows = server.query("SELECT session_id::VARCHAR || ' ' || hostname || ' ' || arg_min(browser, created_at) || ' ' "
                + "|| strftime(min(created_at), '%Y-%m-%dT%H:%M:%S.000Z') || ' ' || strftime(max(created_at), '%Y-%m-%dT%H:%M:%S.000Z') || ' ' "
                + "|| count(DISTINCT visit_id) || ' ' || count(*) FILTER (WHERE event_type = 1) || ' ' || count(*) FILTER (WHERE event_type = 2) AS r "
                + "FROM event WHERE website_id = ?::UUID AND event_type <> 5 AND created_at BETWEEN ?::TIMESTAMP AND ?::TIMESTAMP" + like
                + " GROUP BY session_id, hostname ORDER BY max(created_at) DESC, session_id, hostname",
                site.toString(), from.replace("T", " ").replace("Z", ""), to.replace("T", " ").replace("Z", ""));
        return rows.stream().map(m -> (String) m.get("r")).toList();
    }
}
