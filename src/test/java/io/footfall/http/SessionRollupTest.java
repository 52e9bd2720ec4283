package io.footfall.http;

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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session rollup must give exactly what the event table gives. Hits go in through the store interface
 * in several batches, some folded and some left pending; every rollup-served query is compared with the
 * same query plus {@code hostname=c.example} (a row filter matching every hit, which forces the event
 * table) over ranges that cut sessions at the start, the end and both.
 *
 * <pre>
 * A chrome/DE   V1 08:00 /a, 08:05 /b | (next batch) V1 08:10 /c | V2 12:00 /a + custom event 12:01   (2 visits)
 * B firefox/US  V3 09:00 /a, then identified midway: 09:02 /b as user-9                             (mixed)
 * C safari/FR   V4 10:00 /x | (later batch) V4 09:30 /y, backfilled before its last activity          (mixed)
 * D chrome/DE   V5 11:00 custom event only, as user-7                                                 (no views)
 * E chrome/DE   V6 13:00 /a, 13:01 /a + a web-vitals row (not activity), as user-5 throughout         (one bounce-free visit)
 * </pre>
 */
public class SessionRollupTest {
    static TestServer server;
    static String site;
    public static final UUID A = UUID.randomUUID(), B = UUID.randomUUID(), C = UUID.randomUUID(), D = UUID.randomUUID(), E = UUID.randomUUID();
    static final UUID V1 = UUID.randomUUID(), V2 = UUID.randomUUID(), V3 = UUID.randomUUID(), V4 = UUID.randomUUID(),
            V5 = UUID.randomUUID(), V6 = UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        // QUERY_PATH=compare: the server checks every rollup answer against the raw-events reference (500 when they differ).
        server = TestServer.start(java.util.Map.of("QUERY_PATH", "compare"));
        site = sendTraffic(server);
    }

    /** Sends sessions A to E above (some folded, some pending) to a new website of {@code server}; returns its id. */
    public static String sendTraffic(TestServer server) throws Exception {
        String site = server.createWebsite("Session rollup", "example.com");
        UUID w = UUID.fromString(site);
        server.append(hit(w, A, V1, "08:00", "/a", "chrome", "DE", null, 1), hit(w, A, V1, "08:05", "/b", "chrome", "DE", null, 1),
                hit(w, B, V3, "09:00", "/a", "firefox", "US", null, 1), hit(w, C, V4, "10:00", "/x", "safari", "FR", null, 1));
        server.append(hit(w, A, V1, "08:10", "/c", "chrome", "DE", null, 1), hit(w, B, V3, "09:02", "/b", "firefox", "US", "user-9", 1));
        server.fold();
        server.append(hit(w, A, V2, "12:00", "/a", "chrome", "DE", null, 1), hit(w, A, V2, "12:01", "/a", "chrome", "DE", null, 2),
                hit(w, D, V5, "11:00", null, "chrome", "DE", "user-7", 2));
        server.fold();
        server.append(hit(w, C, V4, "09:30", "/y", "safari", "FR", null, 1), hit(w, E, V6, "13:00", "/a", "chrome", "DE", "user-5", 1),
                hit(w, E, V6, "13:01", "/a", "chrome", "DE", "user-5", 1), hit(w, E, V6, "13:01", "/a", "chrome", "DE", "user-5", 5));
        return site;
    }

    /** A hit of {@code type} on 2026-03-07 at {@code time} (UTC); a session's first view of hours 08-10 carries session data. */
    public static CollectedHit hit(UUID website, UUID session, UUID visit, String time, String path, String browser, String country,
                                   String distinctId, int type) {
        Instant at = Instant.parse("2026-03-07T" + time + ":00Z");
        var attrs = new Event.SessionAttributes(browser, "Windows 10", "desktop", "1920x1080", "en-US", country, null, null, distinctId);
        Event e = new Event(UUID.randomUUID(), website, session, visit, at, type, type == 2 ? "click" : null,
                new Event.Page("example.com", path, null, "Example", null), Event.Referrer.NONE, Event.Campaign.NONE, attrs,
                type == 5 ? new Event.WebVitals(1.0, null, null, null, null) : Event.WebVitals.NONE);
        // Session data on each session's first hit of the hour 08/09/10 (A, B, C): plan by browser.
        var data = time.endsWith(":00") && path != null && !time.startsWith("1") ? List.of(new io.footfall.event.DataField("plan", 1, browser, null, null))
                : List.<io.footfall.event.DataField>of();
        return new CollectedHit(e, List.of(), website, session, distinctId, at, data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String range(String from, String to) {
        return TestServer.range("2026-03-07T" + from + ":00Z", "2026-03-07T" + to + ":00Z");
    }

    static JsonNode get(String endpoint, String query) {
        return server.websiteJson(site, endpoint + "?" + query);
    }

    /** DuckDB's session rollup rows after a fold: io.footfall.duckdb.SessionSpanRollupTest. */
    @Test
    void foldedSessionsCountVisitsAlongTime() throws Exception {
        server.fold();
        String all = range("00:00", "23:59");
        JsonNode stats = get("sessions/stats", all);
        assertThat(stats.toString()).isEqualTo("{\"pageviews\":{\"value\":12},\"visitors\":{\"value\":5},\"visits\":{\"value\":6},"
                + "\"countries\":{\"value\":3},\"events\":{\"value\":2}}");
        assertThat(get("stats", all).get("visitors").asLong()).isEqualTo(4); // D has no views
        assertThat(get("metrics", all + "&type=browser").toString())
                .isEqualTo("[{\"x\":\"chrome\",\"y\":2},{\"x\":\"firefox\",\"y\":1},{\"x\":\"safari\",\"y\":1}]");
        JsonNode list = get("sessions", all);
        assertThat(list.get("count").asLong()).isEqualTo(5);
        StringBuilder order = new StringBuilder();
        for (JsonNode s : list.get("data")) order.append(s.get("views")).append('/').append(s.get("visits")).append(' ');
        assertThat(order.toString()).isEqualTo("2/1 4/2 0/1 2/1 2/1 "); // E 13:01, A 12:01, D 11:00, C 10:00, B 09:02
        assertThat(get("sessions", all + "&search=user-").get("count").asLong()).isEqualTo(3);
        // E, known to the rollup, carries its distinct id; B, mixed once identified, is read from events.
        assertThat(get("metrics", all + "&type=distinctId").toString())
                .isEqualTo("[{\"x\":\"user-5\",\"y\":1},{\"x\":\"user-9\",\"y\":1}]"); // B under its id; no row for sessions without one
    }

    @Test
    void rollupAgreesWithTheEventTable() throws Exception {
        compareWithEvents();
        // Edge sessions as a sub-query instead of an id list; stats' visitors through the session rollup.
        server = server.restart(java.util.Map.of("QUERY_MAX_LISTED_EDGES", "0", "QUERY_SHORT_RANGE_DAYS", "0",
                "QUERY_HOURLY_VISITORS", "false"));
        compareWithEvents();
        server = server.restart(java.util.Map.of("QUERY_MAX_LISTED_EDGES", ""));
        server.fold();
        compareWithEvents(); // stats' visitors through the session rollup
        server = server.restart(java.util.Map.of("QUERY_SHORT_RANGE_DAYS", "", "QUERY_HOURLY_VISITORS", ""));
        compareWithEvents();
    }

    void compareWithEvents() {
        String[] ranges = {range("00:00", "23:59"), range("08:03", "23:59"), range("00:00", "12:00"), range("08:06", "12:00"),
                range("09:01", "09:45"), range("12:00", "12:00"), range("13:00", "13:01")};
        String[] queries = {"stats", "stats?country=DE", "metrics?type=browser", "metrics?type=country", "metrics?type=os&browser=chrome",
                "metrics?type=language", "metrics?type=distinctId", "sessions", "sessions?search=user", "sessions?search=fire", "sessions?pageSize=2&page=2",
                "sessions?pageSize=2&page=9", "sessions/stats", "sessions/stats?country=DE", "sessions/stats?browser=neq.chrome", "session-data/properties",
                "session-data/values?propertyName=plan", "session-data/values?propertyName=plan&country=DE",
                // A enters at /a twice (V1, V2): entry and exit count it once per path
                "metrics?type=entry", "metrics?type=exit", "metrics?type=entry&country=DE", "metrics?type=exit&browser=neq.safari"};
        for (String r : ranges) {
            for (String q : queries) {
                String endpoint = q.contains("?") ? q.substring(0, q.indexOf('?')) : q;
                String params = (q.contains("?") ? q.substring(q.indexOf('?') + 1) + "&" : "") + r;
                assertThat(get(endpoint, params).toString()).as(q + " " + r)
                        .isEqualTo(get(endpoint, params + "&hostname=c.example").toString());
            }
        }
    }
}
