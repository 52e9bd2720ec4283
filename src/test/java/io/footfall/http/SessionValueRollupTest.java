package io.footfall.http;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session-value rollup (visitors per path, referrer, title, query, hostname, tag, channel) must give
 * exactly what the event table gives. Hits go in through the store interface in batches, folded and
 * pending; the server runs with {@code QUERY_PATH=compare}, so each metric over ranges that cut the sessions
 * is checked against the raw-events reference.
 *
 * <pre>
 * P  08:00 /a from google.com ?utm_medium=cpc | 08:05 /b from example.com (itself) | 08:10 /a   (folded)
 *    12:00 /c on www.example.com from example.com (itself, without www), title C, tag t1
 * Q  09:00 /a from t.co | 09:30 /b ?gclid=1                                                     (pending)
 * R  10:00 /b from news.ycombinator.com | later batch: 07:00 /a, backfilled before its first view
 * S  11:00 custom event on /z only: no views, in no metric
 * T  11:30 link hit (type 3) on /l from bing.com
 * </pre>
 */
public class SessionValueRollupTest {
    static TestServer server;
    static String site;
    static final UUID P = UUID.randomUUID(), Q = UUID.randomUUID(), R = UUID.randomUUID(), S = UUID.randomUUID(), T = UUID.randomUUID(),
            M = UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        // QUERY_PATH=compare: the server checks every rollup answer against the raw-events reference (500 when they differ).
        server = TestServer.start(java.util.Map.of("QUERY_PATH", "compare"));
        site = sendTraffic(server);
    }

    /** Sends the visits above (some folded, some pending) to a new website of {@code server}; returns its id. */
    public static String sendTraffic(TestServer server) {
        String site = server.createWebsite("Value rollup", "example.com");
        UUID w = UUID.fromString(site);
        server.append(hit(w, P, "08:00", "example.com", "/a", "utm_medium=cpc", "google.com", null, null, 1),
                hit(w, P, "08:05", "example.com", "/b", null, "example.com", null, null, 1),
                hit(w, R, "10:00", "example.com", "/b", null, "news.ycombinator.com", null, null, 1));
        server.append(hit(w, P, "08:10", "example.com", "/a", null, null, null, null, 1));
        server.fold();
        server.append(hit(w, P, "12:00", "www.example.com", "/c", null, "example.com", "C", "t1", 1),
                hit(w, R, "07:00", "example.com", "/a", null, null, null, null, 1),
                hit(w, S, "11:00", "example.com", "/z", null, null, null, null, 2),
                hit(w, T, "11:30", "example.com", "/l", null, "bing.com", null, null, 3));
        // M on other days: 03-05 /a, 03-06 /a; later 03-04 /a (its first view moves a day back); pending 03-08 /b.
        server.append(ExpandedRollupTest.at(hit(w, M, "10:00", "example.com", "/a", null, null, null, null, 1), "2026-03-05"),
                ExpandedRollupTest.at(hit(w, M, "09:00", "example.com", "/a", null, null, null, null, 1), "2026-03-06"));
        server.fold();
        server.append(ExpandedRollupTest.at(hit(w, M, "23:00", "example.com", "/a", null, "t.co", null, null, 1), "2026-03-04"));
        server.fold();
        server.append(hit(w, Q, "09:00", "example.com", "/a", null, "t.co", null, null, 1),
                hit(w, Q, "09:30", "example.com", "/b", "gclid=1", null, null, null, 1),
                ExpandedRollupTest.at(hit(w, M, "08:00", "example.com", "/b", null, null, null, null, 1), "2026-03-08"));
        return site;
    }

    public static CollectedHit hit(UUID website, UUID session, String time, String host, String path, String query, String referrer,
                                   String title, String tag, int type) {
        Instant at = Instant.parse("2026-03-07T" + time + ":00Z");
        var attrs = new Event.SessionAttributes("chrome", "Windows 10", "desktop", "1920x1080", "en-US", "DE", null, null, null);
        String medium = query != null && query.startsWith("utm_medium=") ? query.substring("utm_medium=".length()) : null;
        var campaign = new Event.Campaign(null, medium, null, null, null, query != null && query.startsWith("gclid") ? "1" : null,
                null, null, null, null, null);
        Event e = new Event(UUID.randomUUID(), website, session, UUID.nameUUIDFromBytes(session.toString().getBytes()), at, type,
                type == 2 ? "click" : null, new Event.Page(host, path, query, title == null ? "Home" : title, tag),
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

    static String metrics(String query) {
        return server.websiteJson(site, "metrics?" + query).toString();
    }

    @Test
    void exactVisitorsPerValue() {
        String all = range("00:00", "23:59");
        assertThat(metrics("type=path&" + all)).isEqualTo("[{\"x\":\"/a\",\"y\":3},{\"x\":\"/b\",\"y\":3},{\"x\":\"/c\",\"y\":1},"
                + "{\"x\":\"/l\",\"y\":1}]");
        assertThat(metrics("type=referrer&" + all)).isEqualTo("[{\"x\":\"bing.com\",\"y\":1},{\"x\":\"google.com\",\"y\":1},"
                + "{\"x\":\"news.ycombinator.com\",\"y\":1},{\"x\":\"t.co\",\"y\":1}]");
        assertThat(metrics("type=path&path=/b&" + range("08:06", "23:59"))).isEqualTo("[{\"x\":\"/b\",\"y\":2}]");
        assertThat(metrics("type=tag&" + all)).isEqualTo("[{\"x\":\"t1\",\"y\":1}]");
    }

    @Test
    void rollupAgreesWithTheEventTable() throws Exception {
        compareWithEvents();
        server.fold(); // DuckDB: nothing pending afterwards (io.footfall.duckdb.FoldLeavesNothingPendingTest)
        compareWithEvents();
    }

    void compareWithEvents() {
        String[] ranges = {range("00:00", "23:59"), range("08:03", "23:59"), range("00:00", "09:15"), range("08:06", "11:59"),
                range("08:01", "08:09"), range("09:00", "09:00"), range("07:30", "10:00"), range("12:01", "23:00"),
                TestServer.range("2026-03-04T00:00:00Z", "2026-03-09T00:00:00Z"), TestServer.range("2026-03-05T00:00:00Z", "2026-03-07T12:00:00Z"),
                TestServer.range("2026-03-04T23:30:00Z", "2026-03-06T09:30:00Z"), TestServer.range("2026-03-05T10:00:01Z", "2026-03-08T00:00:00Z"),
                TestServer.range("2026-03-06T00:00:00Z", "2026-03-08T23:00:00Z"),
                TestServer.range("2026-03-03T00:00:00Z", "2026-03-04T22:00:00Z")}; // a last day taken as its total less its rest
        String[] queries = {"type=path", "type=referrer", "type=domain", "type=title", "type=query", "type=hostname", "type=tag",
                "type=channel", "type=path&path=/a", "type=path&path=neq./a", "type=path&path=c.b", "type=path&search=a",
                "type=referrer&referrer=eq.t.co", "type=hostname&hostname=www.example.com", "type=title&title=c.C",
                "type=path&limit=1&offset=1"};
        for (String r : ranges) {
            for (String q : queries) {
                String params = q + "&" + r;
                metrics(params); // checked against the reference by the server
            }
        }
    }
}
