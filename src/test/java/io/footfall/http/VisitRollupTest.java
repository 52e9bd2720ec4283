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
 * The visit rollup must give exactly what the event table gives. Hits go in through the store interface
 * in several batches (visits spanning batches, a backfilled hit older than its visit's first view, a
 * visit whose views disagree on a session attribute), then every rollup-served query is compared with
 * the same query plus {@code hostname=c.example}, a row filter that matches every hit and forces the
 * event-table path, over ranges that cut visits at the start, the end and both.
 *
 * <pre>
 * S1 chrome/DE  V1 10:00 /a  10:10 /b (next batch)  09:55 /z (backfilled, last batch)
 * S2 chrome/DE  V2 11:00 /a (DE)  11:05 /c (FR: mixed)
 * S3 firefox/US V3 12:00 /a   V4 14:00 /d  14:20 /a  + a custom event 14:10
 * S1 chrome/DE  V5 16:00 /b
 * </pre>
 */
public class VisitRollupTest {
    static TestServer server;
    static String site;
    static final UUID S1 = UUID.randomUUID(), S2 = UUID.randomUUID(), S3 = UUID.randomUUID();
    static final UUID V1 = UUID.randomUUID(), V2 = UUID.randomUUID(), V3 = UUID.randomUUID(), V4 = UUID.randomUUID(),
            V5 = UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        // QUERY_PATH=compare: the server checks every rollup answer against the raw-events reference (500 when they differ).
        server = TestServer.start(java.util.Map.of("QUERY_PATH", "compare"));
        site = server.createWebsite("Rollup", "example.com");
        UUID w = UUID.fromString(site);
        var de = attrs("chrome", "DE");
        server.append(hit(w, S1, V1, "10:00", "/a", de, 1), hit(w, S2, V2, "11:00", "/a", de, 1), hit(w, S3, V3, "12:00", "/a", attrs("firefox", "US"), 1));
        server.append(hit(w, S1, V1, "10:10", "/b", de, 1), hit(w, S2, V2, "11:05", "/c", attrs("chrome", "FR"), 1));
        server.fold(); // the rest stays pending: folded and pending rows mix
        server.append(hit(w, S3, V4, "14:00", "/d", attrs("firefox", "US"), 1), hit(w, S3, V4, "14:10", "/d", attrs("firefox", "US"), 2));
        server.append(hit(w, S3, V4, "14:20", "/a", attrs("firefox", "US"), 1), hit(w, S1, V1, "09:55", "/z", de, 1),
                hit(w, S1, V5, "16:00", "/b", de, 1));
    }

    public static Event.SessionAttributes attrs(String browser, String country) {
        return new Event.SessionAttributes(browser, "Windows 10", "desktop", "1920x1080", "en-US", country, null, null, null);
    }

    /** A hit of {@code type} on 2026-03-07 at {@code time} (UTC); a custom event carries event data. */
    public static CollectedHit hit(UUID website, UUID session, UUID visit, String time, String path, Event.SessionAttributes a, int type) {
        Instant at = Instant.parse("2026-03-07T" + time + ":00Z");
        Event e = new Event(UUID.randomUUID(), website, session, visit, at, type, type == 2 ? "click" : null,
                new Event.Page("example.com", path, null, "Example", null), Event.Referrer.NONE, Event.Campaign.NONE, a,
                Event.WebVitals.NONE);
        var data = type == 2 ? List.of(new io.footfall.event.DataField("plan", 1, "pro", null, null)) : List.<io.footfall.event.DataField>of();
        return new CollectedHit(e, data, website, session, null, at, List.of());
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

    static String stats(String query) {
        JsonNode j = get("stats", query);
        return j.get("pageviews") + "/" + j.get("visitors") + "/" + j.get("visits") + "/" + j.get("bounces") + "/" + j.get("totaltime");
    }

    @Test
    void wholeDayFromTheRollup() {
        String all = range("00:00", "23:59");
        // Views: V1 3 (09:55-10:10, 900 s), V2 2 (300 s), V3 1, V4 2 (1200 s), V5 1.
        assertThat(stats(all)).isEqualTo("9/3/5/2/2400");
        assertThat(get("metrics", all + "&type=entry").toString()).isEqualTo("[{\"x\":\"/a\",\"y\":2},{\"x\":\"/b\",\"y\":1},"
                + "{\"x\":\"/d\",\"y\":1},{\"x\":\"/z\",\"y\":1}]");
        assertThat(get("metrics", all + "&type=exit").toString()).isEqualTo("[{\"x\":\"/a\",\"y\":1},{\"x\":\"/b\",\"y\":1},"
                + "{\"x\":\"/c\",\"y\":1}]");
        assertThat(get("metrics", all + "&type=country").toString()).isEqualTo("[{\"x\":\"DE\",\"y\":2},{\"x\":\"FR\",\"y\":1},"
                + "{\"x\":\"US\",\"y\":1}]");
        assertThat(stats(all + "&country=FR")).isEqualTo("1/1/1/1/0");
        assertThat(stats(all + "&country=DE")).isEqualTo("5/2/3/2/900"); // V2 counts only its DE view: a bounce
    }

    @Test
    void rollupAgreesWithTheEventTableBeforeAndAfterFolding() throws Exception {
        compareWithEvents();
        server = server.restart(java.util.Map.of("QUERY_MAX_LISTED_EDGES", "0")); // edge visits as a sub-query instead of an id list
        compareWithEvents();
        server = server.restart(java.util.Map.of("QUERY_MAX_LISTED_EDGES", ""));
        server.fold(); // DuckDB: nothing pending afterwards (io.footfall.duckdb.FoldLeavesNothingPendingTest)
        compareWithEvents();
        wholeDayFromTheRollup();
    }

    /**
     * Stats over several days read whole days from the day totals (visit_day, session_view_day): compared
     * with the event table through folds, a visit crossing midnight, views arriving a day early (moving a
     * visit's and a session's first view back a day), a mixed visit, pending rows and a re-shipped hit.
     */
    @Test
    void statsOverDaysAgreeWithTheEventTable() throws Exception {
        UUID w = UUID.fromString(server.createWebsite("Rollup days", "example.com"));
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), a1 = UUID.randomUUID(), a2 = UUID.randomUUID(),
                b1 = UUID.randomUUID(), c1 = UUID.randomUUID();
        var de = attrs("chrome", "DE");
        CollectedHit reshipped = ExpandedRollupTest.at(hit(w, b, b1, "12:00", "/b", de, 1), "2026-03-05");
        server.append(ExpandedRollupTest.at(hit(w, a, a1, "23:50", "/a", de, 1), "2026-03-04"),
                ExpandedRollupTest.at(hit(w, a, a1, "00:10", "/b", de, 1), "2026-03-05"), reshipped,
                ExpandedRollupTest.at(hit(w, c, c1, "09:00", "/c", de, 1), "2026-03-06"));
        server.fold();
        server.append(ExpandedRollupTest.at(hit(w, b, b1, "23:59", "/z", de, 1), "2026-03-04"), // b's visit and session start a day earlier
                ExpandedRollupTest.at(hit(w, c, c1, "09:05", "/c", attrs("firefox", "US"), 1), "2026-03-06"), // c1 becomes mixed
                ExpandedRollupTest.at(hit(w, a, a2, "10:00", "/a", de, 1), "2026-03-07"));
        server.fold();
        server.server().stores().events().deleteEvents(List.of(reshipped.event().eventId()));
        server.append(reshipped, ExpandedRollupTest.at(hit(w, a, a2, "10:05", "/c", de, 1), "2026-03-07")); // pending
        String[][] ranges = {{"2026-03-03T00:00:00Z", "2026-03-09T00:00:00Z"}, {"2026-03-04T23:55:00Z", "2026-03-07T10:02:00Z"},
                {"2026-03-05T00:00:00Z", "2026-03-06T23:59:59Z"}, {"2026-03-04T12:00:00Z", "2026-03-06T09:02:00Z"},
                {"2026-03-05T00:05:00Z", "2026-03-08T00:00:00Z"}, {"2026-03-03T00:00:00Z", "2026-03-04T23:52:00Z"},
                {"2026-03-04T09:00:00Z", "2026-03-07T23:00:00Z"},
                // On the hour to a cut last hour (as dashboards ask): a is in that hour and in earlier whole ones.
                {"2026-03-04T00:00:00Z", "2026-03-07T10:02:00Z"}, {"2026-03-04T00:00:00Z", "2026-03-07T10:59:59.999Z"}};
        for (int pass = 0; pass < 2; pass++) {
            java.util.Map<String, String> expected = new java.util.HashMap<>();
            for (String[] r : ranges) {
                String range = TestServer.range(r[0], r[1]);
                expected.put(range, server.websiteJson(w.toString(), "stats?" + range + "&hostname=c.example").toString());
                // Visitors through the hourly rollup (short ranges).
                assertThat(server.websiteJson(w.toString(), "stats?" + range).toString()).as(range).isEqualTo(expected.get(range));
            }
            // Then through the session rollup's day totals.
            server = server.restart(java.util.Map.of("QUERY_SHORT_RANGE_DAYS", "0", "QUERY_HOURLY_VISITORS", "false"));
            for (String range : expected.keySet()) {
                assertThat(server.websiteJson(w.toString(), "stats?" + range).toString()).as(range).isEqualTo(expected.get(range));
            }
            server = server.restart(java.util.Map.of("QUERY_SHORT_RANGE_DAYS", "", "QUERY_HOURLY_VISITORS", ""));
            server.fold();
        }
        assertThat(server.websiteJson(w.toString(), "stats?" + TestServer.range("2026-03-03T00:00:00Z", "2026-03-09T00:00:00Z"))
                .get("pageviews").asLong()).isEqualTo(8);
    }

    /**
     * A pending view older than its folded visit, before the range's start, while the folded row starts inside
     * the range: the visit is read from its events once, not also from its folded row (found by the equality
     * suite after a crash re-shipped the first views of a visit).
     */
    @Test
    void pendingViewBeforeTheRangeDoesNotCountItsFoldedVisitTwice() throws Exception {
        UUID w = UUID.fromString(server.createWebsite("Rollup late start", "example.com"));
        UUID s = UUID.randomUUID(), v = UUID.randomUUID();
        var de = attrs("chrome", "DE");
        server.append(hit(w, s, v, "10:00", "/a", de, 1), hit(w, s, v, "10:10", "/b", de, 1));
        server.fold();
        server.append(hit(w, s, v, "09:50", "/z", de, 1)); // pending, before the range
        String range = TestServer.range("2026-03-07T09:55:00Z", "2026-03-07T12:00:00Z"); // whole hours: the day-and-hour path
        JsonNode pending = server.websiteJson(w.toString(), "stats?" + range);
        assertThat(pending.toString()).startsWith("{\"pageviews\":2,\"visitors\":1,\"visits\":1,\"bounces\":0,\"totaltime\":600,");
        server.fold();
        assertThat(server.websiteJson(w.toString(), "stats?" + range)).isEqualTo(pending);
    }

    void compareWithEvents() {
        String[] ranges = {range("00:00", "23:59"), range("10:05", "23:59"), range("00:00", "11:02"), range("10:05", "14:15"),
                range("11:01", "11:04"), range("14:05", "14:25"), range("09:56", "16:00")};
        String[] queries = {"stats", "metrics?type=entry", "metrics?type=exit", "metrics?type=browser", "metrics?type=country",
                "metrics?type=language", "metrics?type=region", "stats?country=DE", "stats?country=neq.DE", "stats?browser=firefox",
                "metrics?type=entry&country=DE", "metrics?type=exit&country=FR", "metrics?type=country&browser=chrome",
                "metrics?type=browser&search=fire", "stats?country=c.e", "events?pageSize=2"};
        for (String r : ranges) {
            for (String q : queries) {
                String endpoint = q.contains("?") ? q.substring(0, q.indexOf('?')) : q;
                String params = (q.contains("?") ? q.substring(q.indexOf('?') + 1) + "&" : "") + r;
                assertThat(get(endpoint, params).toString()).as(q + " " + r)
                        .isEqualTo(get(endpoint, params + "&hostname=c.example").toString());
            }
        }
    }

    @Test
    void eventListMarksRowsWithData() {
        JsonNode list = get("events", range("00:00", "23:59") + "&pageSize=20");
        assertThat(list.get("count").asLong()).isEqualTo(10);
        StringBuilder marks = new StringBuilder();
        for (JsonNode e : list.get("data")) marks.append(e.get("hasData").asInt());
        assertThat(marks.toString()).isEqualTo("0010000000"); // 16:00, 14:20, 14:10 (the click, with data), ...
    }

    @Test
    void rowFiltersFallBackToEvents() {
        String all = range("00:00", "23:59");
        assertThat(stats(all + "&path=/a")).isEqualTo("4/3/4/4/0");
        assertThat(get("metrics", all + "&type=entry&path=/b").toString()).isEqualTo("[{\"x\":\"/b\",\"y\":1},{\"x\":\"/z\",\"y\":1}]");
    }
}
