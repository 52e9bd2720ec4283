package io.footfall.http;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expanded metrics through the visit-value rollup (views, visits, bounces and time per path, referrer,
 * title, ...) must give exactly what the event table gives. Hits go in through the store interface in
 * batches, folded and pending, one out of time order; the server runs with {@code QUERY_PATH=compare}, so every
 * request over ranges that cut visits is checked against the raw-events reference.
 *
 * <pre>
 * P  visit 1: 08:00 /a from google.com | 08:02 /b | 08:03 custom event on /b | 08:05 /a | 08:09 /c  (folded)
 *    visit 2: 13:00 /a                                                                             (folded)
 * Q  visit 1: 09:00 /a (folded) | 09:20 /a (folded later) | 09:25 /b ?utm_medium=email           (pending)
 * R  visit 1: 10:00 /b from news.ycombinator.com (folded) | 09:50 /b, arriving later              (folded)
 * S  visit 1: 11:00 custom event on /z | 11:01 /a on www.example.com, tag t1                      (folded)
 * T  visit 1: 11:30 link hit (type 3) /l from bing.com (folded) | visit 2: 14:00 /l, title X     (pending)
 * </pre>
 */
public class ExpandedRollupTest {
    static TestServer server;
    static String site;
    static final UUID P = UUID.randomUUID(), Q = UUID.randomUUID(), R = UUID.randomUUID(), S = UUID.randomUUID(), T = UUID.randomUUID();
    static final UUID P1 = UUID.randomUUID(), P2 = UUID.randomUUID(), Q1 = UUID.randomUUID(), R1 = UUID.randomUUID(),
            S1 = UUID.randomUUID(), T1 = UUID.randomUUID(), T2 = UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        // QUERY_PATH=compare: the server checks every rollup answer against the raw-events reference (500 when they differ).
        server = TestServer.start(java.util.Map.of("QUERY_PATH", "compare"));
        site = server.createWebsite("Expanded rollup", "example.com");
        UUID w = UUID.fromString(site);
        server.append(hit(w, P, P1, "08:00", "/a", null, "google.com", null, null, 1),
                hit(w, P, P1, "08:02", "/b", null, null, null, null, 1),
                hit(w, P, P1, "08:03", "/b", null, null, null, null, 2),
                hit(w, P, P1, "08:05", "/a", null, null, null, null, 1),
                hit(w, Q, Q1, "09:00", "/a", null, null, null, null, 1),
                hit(w, R, R1, "10:00", "/b", null, "news.ycombinator.com", null, null, 1));
        server.append(hit(w, P, P1, "08:09", "/c", null, null, null, null, 1));
        server.fold();
        server.append(hit(w, P, P2, "13:00", "/a", null, null, null, null, 1),
                hit(w, Q, Q1, "09:20", "/a", null, null, null, null, 1),
                hit(w, R, R1, "09:50", "/b", null, null, null, null, 1),
                hit(w, S, S1, "11:00", "/z", null, null, null, null, 2),
                hit(w, S, S1, "11:01", "/a", null, null, null, "t1", 1),
                hit(w, T, T1, "11:30", "/l", null, "bing.com", null, null, 3));
        UUID u = UUID.randomUUID(), v = UUID.randomUUID(), x = UUID.randomUUID(), u1 = UUID.randomUUID(), v1 = UUID.randomUUID(),
                v2 = UUID.randomUUID(), x1 = UUID.randomUUID();
        server.append(at(hit(w, u, u1, "23:55", "/a", null, null, null, null, 1), "2026-03-05"),
                at(hit(w, u, u1, "00:05", "/b", null, null, null, null, 1), "2026-03-06"),
                at(hit(w, x, x1, "09:00", "/a", null, null, null, null, 1), "2026-03-05"),
                at(hit(w, v, v1, "10:00", "/a", null, null, null, null, 1), "2026-03-08"));
        server.fold();
        server.append(at(hit(w, u, u1, "00:06", "/a", null, null, null, null, 1), "2026-03-06"),
                hit(w, Q, Q1, "09:25", "/b", "utm_medium=email", null, null, null, 1),
                hit(w, T, T2, "14:00", "/l", null, null, "X", null, 1),
                at(hit(w, v, v2, "11:00", "/c", null, null, null, null, 1), "2026-03-08"));
    }

    /** The same hit on another day. */
    public static CollectedHit at(CollectedHit h, String day) {
        Instant t = Instant.parse(day + h.createdAt().toString().substring(10));
        Event e = h.event();
        return new CollectedHit(new Event(e.eventId(), e.websiteId(), e.sessionId(), e.visitId(), t, e.eventType(), e.eventName(),
                e.page(), e.referrer(), e.campaign(), e.session(), e.vitals()), h.eventData(), h.websiteId(), h.sessionId(),
                h.distinctId(), t, h.sessionData());
    }

    /** A hit of {@code type} on 2026-03-07 at {@code time} (UTC); a tag puts it on www.example.com. */
    public static CollectedHit hit(UUID website, UUID session, UUID visit, String time, String path, String query, String referrer,
                                   String title, String tag, int type) {
        Instant at = Instant.parse("2026-03-07T" + time + ":00Z");
        var attrs = new Event.SessionAttributes("chrome", "Windows 10", "desktop", "1920x1080", "en-US", "DE", null, null, null);
        String medium = query != null && query.startsWith("utm_medium=") ? query.substring("utm_medium=".length()) : null;
        var campaign = new Event.Campaign(null, medium, null, null, null, null, null, null, null, null, null);
        String host = tag != null ? "www.example.com" : "example.com";
        Event e = new Event(UUID.randomUUID(), website, session, visit, at, type, type == 2 ? "click" : null,
                new Event.Page(host, path, query, title == null ? "Home" : title, tag),
                new Event.Referrer(referrer, null, null), campaign, attrs, Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), website, session, null, at, List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String range(String from, String to) {
        return TestServer.range("2026-03-07T" + from + ":00Z", "2026-03-07T" + to + ":00Z");
    }

    @Test
    void reshippedHitsCountOnceInTheDaySums() throws Exception {
        UUID w = UUID.fromString(server.createWebsite("Expanded reship", "example.com"));
        UUID session = UUID.randomUUID(), visit = UUID.randomUUID();
        CollectedHit first = at(hit(w, session, visit, "10:00", "/r", null, null, null, null, 1), "2026-03-04");
        server.append(first, at(hit(w, session, visit, "10:05", "/r", null, null, null, null, 1), "2026-03-04"));
        server.fold();
        server.server().stores().events().deleteEvents(List.of(first.event().eventId()));
        server.append(first); // as crash recovery does: the same hit again
        server.fold();
        String range = TestServer.range("2026-03-03T00:00:00Z", "2026-03-06T00:00:00Z");
        assertThat(server.websiteJson(w.toString(), "metrics/expanded?type=path&" + range).toString()).isEqualTo(
                "[{\"name\":\"/r\",\"pageviews\":2,\"visitors\":1,\"visits\":1,\"bounces\":0,\"totaltime\":300}]");
    }

    static String expanded(String query) {
        return server.websiteJson(site, "metrics/expanded?" + query).toString();
    }

    @Test
    void exactTotalsPerPath() {
        assertThat(expanded("type=path&" + range("00:00", "23:59"))).isEqualTo("["
                + "{\"name\":\"/a\",\"pageviews\":6,\"visitors\":3,\"visits\":4,\"bounces\":2,\"totaltime\":1500},"
                + "{\"name\":\"/b\",\"pageviews\":4,\"visitors\":3,\"visits\":3,\"bounces\":2,\"totaltime\":600},"
                + "{\"name\":\"/l\",\"pageviews\":2,\"visitors\":1,\"visits\":2,\"bounces\":2,\"totaltime\":0},"
                + "{\"name\":\"/c\",\"pageviews\":1,\"visitors\":1,\"visits\":1,\"bounces\":1,\"totaltime\":0}]");
        // Visit P1 cut at 08:03: its /a counts once (08:05), a bounce; Q1 and R1 whole.
        assertThat(expanded("type=path&path=/a&" + range("08:03", "12:00"))).isEqualTo("["
                + "{\"name\":\"/a\",\"pageviews\":4,\"visitors\":3,\"visits\":3,\"bounces\":2,\"totaltime\":1200}]");
    }

    @Test
    void rollupAgreesWithTheEventTable() throws Exception {
        compareWithEvents();
        server = server.restart(java.util.Map.of("QUERY_MAX_LISTED_EDGES", "0")); // edge visits as a sub-query instead of an id list
        for (String r : RANGES) {
            for (String q : new String[]{"type=path", "type=path&path=c.b", "type=referrer"}) {
                String params = q + "&" + r;
                expanded(params); // checked against the reference by the server
            }
        }
        server = server.restart(java.util.Map.of("QUERY_MAX_LISTED_EDGES", ""));
        server.fold(); // DuckDB: nothing pending afterwards (io.footfall.duckdb.FoldLeavesNothingPendingTest)
        compareWithEvents();
    }

    static final String[] RANGES = {range("00:00", "23:59"), range("08:03", "23:59"), range("00:00", "09:15"), range("08:06", "11:59"),
            range("08:01", "08:09"), range("09:00", "09:00"), range("09:55", "13:00"), range("12:01", "23:00"),
            range("09:21", "09:59"), TestServer.range("2026-03-05T00:00:00Z", "2026-03-09T00:00:00Z"),
            TestServer.range("2026-03-06T00:00:00Z", "2026-03-08T10:30:00Z"), TestServer.range("2026-03-05T23:58:00Z", "2026-03-08T23:59:00Z"),
            TestServer.range("2026-03-05T12:00:00Z", "2026-03-07T12:00:00Z"), TestServer.range("2026-03-06T00:00:00Z", "2026-03-06T23:59:59Z"),
            // partial days of more than half a day: their day totals less the rows of the rest of the day
            TestServer.range("2026-03-05T09:30:00Z", "2026-03-08T10:30:00Z"), TestServer.range("2026-03-04T00:00:00Z", "2026-03-05T23:54:00Z")};

    void compareWithEvents() {
        String[] queries = {"type=path", "type=referrer", "type=domain", "type=title", "type=query", "type=hostname", "type=tag",
                "type=channel", "type=path&path=/a", "type=path&path=neq./a", "type=path&path=c.b", "type=path&search=a",
                "type=referrer&referrer=eq.bing.com", "type=hostname&hostname=www.example.com", "type=title&title=c.X",
                "type=path&limit=1&offset=1", "type=path&limit=2"};
        for (String r : RANGES) {
            for (String q : queries) {
                String params = q + "&" + r;
                expanded(params); // checked against the reference by the server
            }
        }
    }
}
