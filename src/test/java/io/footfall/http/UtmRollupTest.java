package io.footfall.http;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UTM kinds of the value rollups (V34: utm_source, utm_medium, utm_campaign, utm_content, utm_term per session
 * and per visit) give exactly what the event table gives, for the plain and the expanded utm* metrics: before
 * and after folds, with late hits (earlier than the folded views of their visit, on another day) and pending
 * ones. The server runs with {@code QUERY_PATH=compare}, so every answer is also checked against the raw-events
 * reference; the exact values below are worked out from the hits. (The rollup rows themselves, and a store from
 * before V34 getting them at its next start: io.footfall.duckdb.UtmRollupRowsTest.)
 *
 * <pre>
 * batch 1 (folded)
 *   A  visit A1: 08:00 /a ?source=news medium=email campaign=spring | 08:04 /b (no UTM) | 08:06 /a as 08:00
 *   B  visit B1: 09:00 /a ?source=google medium=cpc term=shoes | visit B2: 15:00 /c ?source=google medium=cpc content=ad1
 *   C  visit C1: 10:00 /a ?source=news content=ad1
 *   D  visit D1: 11:00 link hit (type 3) /l ?source=partner
 *   E  visit E1: 12:00 custom event /z ?source=news (no view: in no metric)
 *   G  visit G1: 03-06 23:50 /a ?source=news medium=email | 03-07 00:10 /b, the same
 * batch 2 (late: pending, then folded)
 *   A1 07:58 /a ?source=google medium=cpc | C1 09:55 /a ?source=news content=ad1 | F visit F1: 13:00 /a ?source=news term=shoes
 * batch 3 (late: pending, then folded)
 *   B1 08:59 /a ?source=google medium=cpc term=shoes | G1 03-06 23:40 /a ?source=news medium=email
 * </pre>
 */
public class UtmRollupTest {
    static final String DAY = TestServer.range("2026-03-07T00:00:00Z", "2026-03-07T23:59:59Z");
    static final String CUT = TestServer.range("2026-03-07T08:05:00Z", "2026-03-07T12:00:00Z");
    static final String DAYS = TestServer.range("2026-03-06T00:00:00Z", "2026-03-08T00:00:00Z");
    static final String DAY_BEFORE = TestServer.range("2026-03-06T00:00:00Z", "2026-03-06T23:59:59Z");
    static final String NEWS = "utm_source=news&utm_medium=email&utm_campaign=spring";

    /** The same sessions and visits for every site of a test. */
    public record Traffic(UUID w, UUID a, UUID b, UUID c, UUID d, UUID e, UUID f, UUID g,
                   UUID a1, UUID b1, UUID b2, UUID c1, UUID d1, UUID e1, UUID f1, UUID g1) {
        public static Traffic of(String site) {
            UUID[] ids = new UUID[15];
            for (int i = 0; i < ids.length; i++) ids[i] = UUID.randomUUID();
            return new Traffic(UUID.fromString(site), ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8],
                    ids[9], ids[10], ids[11], ids[12], ids[13], ids[14]);
        }

        public List<CollectedHit> batch1() {
            return List.of(hit(w, a, a1, "2026-03-07T08:00", "/a", NEWS, 1), hit(w, a, a1, "2026-03-07T08:04", "/b", "", 1),
                    hit(w, a, a1, "2026-03-07T08:06", "/a", NEWS, 1),
                    hit(w, b, b1, "2026-03-07T09:00", "/a", "utm_source=google&utm_medium=cpc&utm_term=shoes", 1),
                    hit(w, b, b2, "2026-03-07T15:00", "/c", "utm_source=google&utm_medium=cpc&utm_content=ad1", 1),
                    hit(w, c, c1, "2026-03-07T10:00", "/a", "utm_source=news&utm_content=ad1", 1),
                    hit(w, d, d1, "2026-03-07T11:00", "/l", "utm_source=partner", 3),
                    hit(w, e, e1, "2026-03-07T12:00", "/z", "utm_source=news", 2),
                    hit(w, g, g1, "2026-03-06T23:50", "/a", "utm_source=news&utm_medium=email", 1),
                    hit(w, g, g1, "2026-03-07T00:10", "/b", "utm_source=news&utm_medium=email", 1));
        }

        public List<CollectedHit> batch2() {
            return List.of(hit(w, a, a1, "2026-03-07T07:58", "/a", "utm_source=google&utm_medium=cpc", 1),
                    hit(w, c, c1, "2026-03-07T09:55", "/a", "utm_source=news&utm_content=ad1", 1),
                    hit(w, f, f1, "2026-03-07T13:00", "/a", "utm_source=news&utm_term=shoes", 1));
        }

        public List<CollectedHit> batch3() {
            return List.of(hit(w, b, b1, "2026-03-07T08:59", "/a", "utm_source=google&utm_medium=cpc&utm_term=shoes", 1),
                    hit(w, g, g1, "2026-03-06T23:40", "/a", "utm_source=news&utm_medium=email", 1));
        }
    }

    static CollectedHit hit(UUID website, UUID session, UUID visit, String minute, String path, String query, int type) {
        Instant at = Instant.parse(minute + ":00Z");
        var attrs = new Event.SessionAttributes("chrome", "Windows 10", "desktop", "1920x1080", "en-US", "DE", null, null, null);
        // The UTM fields as the collector parses them from the page URL's query.
        var campaign = new Event.Campaign(param(query, "utm_source"), param(query, "utm_medium"), param(query, "utm_campaign"),
                param(query, "utm_content"), param(query, "utm_term"), null, null, null, null, null, null);
        Event e = new Event(UUID.randomUUID(), website, session, visit, at, type, type == 2 ? "click" : null,
                new Event.Page("example.com", path, query, "Home", null), new Event.Referrer(null, null, null), campaign, attrs,
                Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), website, session, null, at, List.of());
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        return null;
    }

    static String json(TestServer server, String site, String route, String query) {
        return server.websiteJson(site, route + "?" + query).toString();
    }

    static String rows(String... xy) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < xy.length; i += 2) s.append(i == 0 ? "" : ",").append("{\"x\":\"").append(xy[i]).append("\",\"y\":").append(xy[i + 1]).append('}');
        return s.append(']').toString();
    }

    /** After batches 1 and 2 (folded or not): the visitors per value. */
    static void assertAfterBatch2(TestServer server, String site) {
        assertThat(json(server, site, "metrics", "type=utmSource&" + DAY)).isEqualTo(rows("news", "4", "google", "2", "partner", "1"));
        assertThat(json(server, site, "metrics", "type=utmMedium&" + DAY)).isEqualTo(rows("cpc", "2", "email", "2"));
        assertThat(json(server, site, "metrics", "type=utmCampaign&" + DAY)).isEqualTo(rows("spring", "1"));
        assertThat(json(server, site, "metrics", "type=utmContent&" + DAY)).isEqualTo(rows("ad1", "2"));
        assertThat(json(server, site, "metrics", "type=utmTerm&" + DAY)).isEqualTo(rows("shoes", "2"));
        assertThat(json(server, site, "metrics", "type=utmSource&" + CUT)).isEqualTo(rows("news", "2", "google", "1", "partner", "1"));
        assertThat(json(server, site, "metrics", "type=utmSource&utmSource=google&" + DAY)).isEqualTo(rows("google", "2"));
        assertThat(json(server, site, "metrics", "type=utmSource&search=oo&" + DAY)).isEqualTo(rows("google", "2"));
        assertThat(json(server, site, "metrics", "type=utmMedium&utmMedium=neq.cpc&" + DAY)).isEqualTo(rows("email", "2"));
        // A filter on another column: the event table answers (G viewed news only on /b, D on /l).
        assertThat(json(server, site, "metrics", "type=utmSource&path=/a&" + DAY)).isEqualTo(rows("news", "3", "google", "2"));
        assertThat(json(server, site, "metrics", "type=utmSource&" + DAYS)).isEqualTo(rows("news", "4", "google", "2", "partner", "1"));
        assertThat(json(server, site, "metrics", "type=utmMedium&" + DAY_BEFORE)).isEqualTo(rows("email", "1"));
    }

    /** After every batch: visitors as after batch 2 (batch 3 adds none), views, visits, bounces and time per value. */
    public static void assertFinal(TestServer server, String site) {
        assertAfterBatch2(server, site);
        assertThat(json(server, site, "metrics/expanded", "type=utmSource&" + DAY)).isEqualTo("["
                + "{\"name\":\"news\",\"pageviews\":6,\"visitors\":4,\"visits\":4,\"bounces\":2,\"totaltime\":660},"
                + "{\"name\":\"google\",\"pageviews\":4,\"visitors\":2,\"visits\":3,\"bounces\":2,\"totaltime\":60},"
                + "{\"name\":\"partner\",\"pageviews\":1,\"visitors\":1,\"visits\":1,\"bounces\":1,\"totaltime\":0}]");
        assertThat(json(server, site, "metrics/expanded", "type=utmSource&" + CUT)).isEqualTo("["
                + "{\"name\":\"news\",\"pageviews\":3,\"visitors\":2,\"visits\":2,\"bounces\":1,\"totaltime\":300},"
                + "{\"name\":\"google\",\"pageviews\":2,\"visitors\":1,\"visits\":1,\"bounces\":0,\"totaltime\":60},"
                + "{\"name\":\"partner\",\"pageviews\":1,\"visitors\":1,\"visits\":1,\"bounces\":1,\"totaltime\":0}]");
        // G1's three news views over both days: 23:40 to 00:10.
        assertThat(json(server, site, "metrics/expanded", "type=utmMedium&" + DAYS)).isEqualTo("["
                + "{\"name\":\"email\",\"pageviews\":5,\"visitors\":2,\"visits\":2,\"bounces\":0,\"totaltime\":2160},"
                + "{\"name\":\"cpc\",\"pageviews\":4,\"visitors\":2,\"visits\":3,\"bounces\":2,\"totaltime\":60}]");
        assertThat(json(server, site, "metrics/expanded", "type=utmTerm&" + DAY)).isEqualTo(
                "[{\"name\":\"shoes\",\"pageviews\":3,\"visitors\":2,\"visits\":2,\"bounces\":1,\"totaltime\":60}]");
    }

    /** Every UTM type over ranges that cut visits and days; QUERY_PATH=compare checks each against the events. */
    public static void compareWithEvents(TestServer server, String site) {
        String[] ranges = {DAY, CUT, DAYS, DAY_BEFORE, TestServer.range("2026-03-07T07:59:00Z", "2026-03-07T09:30:00Z"),
                TestServer.range("2026-03-06T23:45:00Z", "2026-03-07T00:05:00Z"), TestServer.range("2026-03-01T00:00:00Z", "2026-03-09T23:59:59Z"),
                TestServer.range("2026-03-07T09:56:00Z", "2026-03-07T23:59:59Z"), TestServer.range("2026-03-07T08:30:00Z", "2026-03-07T09:57:00Z")};
        String[] queries = {"type=utmSource", "type=utmMedium", "type=utmCampaign", "type=utmContent", "type=utmTerm",
                "type=utmSource&utmSource=news", "type=utmSource&utmSource=c.oo", "type=utmTerm&utmTerm=s.", "type=utmContent&search=ad",
                "type=utmSource&limit=1&offset=1"};
        for (String r : ranges) {
            for (String q : queries) {
                json(server, site, "metrics", q + "&" + r);
                json(server, site, "metrics/expanded", q + "&" + r);
            }
        }
    }

    @Test
    void utmMetricsAreExactBeforeAndAfterFoldsWithLateHits() {
        try (TestServer server = TestServer.start(Map.of("QUERY_PATH", "compare"))) {
            String site = server.createWebsite("UTM rollup", "example.com");
            Traffic t = Traffic.of(site);
            server.append(t.batch1().toArray(CollectedHit[]::new));
            server.fold();
            assertThat(json(server, site, "metrics", "type=utmSource&" + DAY)).isEqualTo(rows("news", "3", "google", "1", "partner", "1"));
            compareWithEvents(server, site);

            server.append(t.batch2().toArray(CollectedHit[]::new)); // pending: late hits into folded visits, a new session
            assertAfterBatch2(server, site);
            compareWithEvents(server, site);
            server.fold();
            assertAfterBatch2(server, site);
            compareWithEvents(server, site);

            server.append(t.batch3().toArray(CollectedHit[]::new));
            assertFinal(server, site);
            compareWithEvents(server, site);
            server.fold();
            assertFinal(server, site);
            compareWithEvents(server, site);
        }
    }
}
