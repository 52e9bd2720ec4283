package io.footfall.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attribution and breakdown answer from the rollups exactly what they answer from events: seeded traffic (referrers,
 * UTM values, click ids, payments in USD and EUR) appended in shuffled batches, so visits get rows late and out of time
 * order into visits already folded; some visits change country midway (mixed), some last a day and a half, some have
 * over seven instants (touches after the seventh are read from events, before it from the rollup), and some get a
 * late hit hours before their folded first row (pending views starting before a range that their folded row starts in).
 * Compared while a tail is pending and after each fold, over random ranges cutting visits, first and last click, both
 * step types, with and without currency, session-attribute fields and others, with and without filters.
 */
class AttributionBreakdownRollupTest {
    static TestServer server;
    static UUID website;
    static EventStore store;
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<Instant> EXTRA_STARTS = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        website = UUID.fromString(server.createWebsite("Generated", "example.com"));
        store = server.server().stores().events();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void attributionAndBreakdownFromRollupsEqualThemFromEvents() throws Exception {
        List<CollectedHit> hits = new ArrayList<>(GeneratedTraffic.hits(website, 500, 17));
        int n = hits.size();
        for (int i = 0; i < n; i += 97) hits.add(copy(hits.get(i), 36 * 3600, null)); // visits lasting over a day
        for (int i = 5; i < n; i += 53) hits.add(copy(hits.get(i), 60, "BR")); // the same visit, another country: mixed
        for (int i = 3; i < n; i += 61) hits.add(touched(hits.get(i), i)); // rows sharing an instant, other touch values
        for (int i = 7; i < n; i += 71) { // visits of over seven instants, some rows with touch values of their own
            for (int k = 1; k <= 9; k++) hits.add(k % 3 == 0 ? touched(copy(hits.get(i), 11L * k, null), i + k) : copy(hits.get(i), 11L * k, null));
        }
        Collections.shuffle(hits, new Random(17));
        int third = hits.size() / 3;
        List<CollectedHit> first = hits.subList(0, third);
        Random r = new Random(1717);
        int[] compared = {0, 0};
        server.append(first.toArray(CollectedHit[]::new));
        compare(r, compared, "first batch pending");
        server.fold();
        compare(r, compared, "first batch folded");
        touchRollupMatchesEvents("first batch folded");
        // late hits three hours before the folded first row of a few visits, and ranges starting at that row
        List<CollectedHit> second = new ArrayList<>(hits.subList(third, 2 * third));
        for (int i = 0; i < first.size(); i += 199) {
            CollectedHit h = first.get(i);
            if (h.event().eventType() == 5) continue;
            Instant visitStart = first.stream().filter(x -> x.event().visitId().equals(h.event().visitId()) && x.event().eventType() != 5)
                    .map(x -> x.event().createdAt()).min(Comparator.naturalOrder()).orElseThrow();
            second.add(copy(h, visitStart.getEpochSecond() - h.event().createdAt().getEpochSecond() - 3 * 3600, null));
            EXTRA_STARTS.add(visitStart);
        }
        // rows at the very first instant of folded visits, with other touch values: the fold adds them to the stored ones
        for (int i = 2; i < first.size(); i += 37) {
            CollectedHit h = first.get(i);
            if (h.event().eventType() == 5) continue;
            Instant visitStart = first.stream().filter(x -> x.event().visitId().equals(h.event().visitId()) && x.event().eventType() != 5)
                    .map(x -> x.event().createdAt()).min(Comparator.naturalOrder()).orElseThrow();
            second.add(touched(copy(h, visitStart.getEpochSecond() - h.event().createdAt().getEpochSecond(), null), i));
        }
        server.append(second.toArray(CollectedHit[]::new));
        compare(r, compared, "late rows pending over folded visits");
        server.fold();
        compare(r, compared, "folded again");
        touchRollupMatchesEvents("folded again");
        server.append(hits.subList(2 * third, hits.size()).toArray(CollectedHit[]::new));
        compare(r, compared, "last batch pending");
        server.fold();
        compare(r, compared, "all folded");
        touchRollupMatchesEvents("all folded");
        // a re-ship after a crash: the hits are deleted (their visits rebuilt from the folded rows left) and appended again
        List<CollectedHit> reshipped = new ArrayList<>();
        for (int i = 1; i < hits.size(); i += 41) reshipped.add(hits.get(i));
        store.deleteEvents(reshipped.stream().map(h -> h.event().eventId()).toList());
        compare(r, compared, "re-shipped hits deleted");
        touchRollupMatchesEvents("re-shipped hits deleted");
        server.append(reshipped.toArray(CollectedHit[]::new));
        compare(r, compared, "re-shipped hits pending");
        server.fold();
        compare(r, compared, "re-shipped hits folded");
        touchRollupMatchesEvents("re-shipped hits folded");
        assertThat(server.count("SELECT count(*) FROM visit_touch WHERE website_id = ? AND len(list_transform(list_filter(early, lambda x: x.ts = first_at), lambda x: x.u)) > 1", website))
                .as("visits with several touch rows at their first instant").isPositive();

        assertThat(server.count("SELECT count(*) FROM visit WHERE website_id = ? AND mixed", website)).as("mixed visits").isPositive();
        assertThat(compared[0]).as("attribution comparisons with rows").isGreaterThan(60);
        assertThat(compared[1]).as("breakdown comparisons with rows").isGreaterThan(40);
    }

    /** A website reset deletes its touch rows (per visit and per session) and leaves other websites' alone. */
    @Test
    void aWebsiteResetDeletesItsTouchRows() throws Exception {
        UUID other = UUID.fromString(server.createWebsite("Other", "example.org"));
        server.append(GeneratedTraffic.hits(other, 20, 3).toArray(CollectedHit[]::new));
        server.fold();
        assertThat(server.count("SELECT count(*) FROM session_touch WHERE website_id = ?", other)).isGreaterThan(5);
        assertThat(server.count("SELECT count(*) FROM visit_touch WHERE website_id = ?", other)).isGreaterThan(5);
        long others = server.count("SELECT count(*) FROM session_touch WHERE website_id <> ?", other);
        store.deleteWebsiteData(other);
        assertThat(server.count("SELECT count(*) FROM session_touch WHERE website_id = ?", other)).isZero();
        assertThat(server.count("SELECT count(*) FROM visit_touch WHERE website_id = ?", other)).isZero();
        assertThat(server.count("SELECT count(*) FROM session_touch WHERE website_id <> ?", other)).isEqualTo(others);
    }

    private void compare(Random r, int[] compared, String stage) throws Exception {
        List<EventScope> scopes = new ArrayList<>();
        Instant start = GeneratedTraffic.START;
        scopes.add(scope(start.minusSeconds(86400), start.plusSeconds(40 * 86400), Map.of()));
        for (int i = 0; i < 4; i++) {
            Instant from = start.plusSeconds(r.nextInt(8 * 86400));
            scopes.add(scope(from, from.plusSeconds(600 + r.nextInt(4 * 86400)), Map.of()));
        }
        for (Instant s : EXTRA_STARTS.subList(0, Math.min(3, EXTRA_STARTS.size()))) scopes.add(scope(s, s.plusSeconds(2 * 86400), Map.of()));
        scopes.add(scope(start, start.plusSeconds(12 * 86400), Map.of("country", "eq.DE")));
        scopes.add(scope(start, start.plusSeconds(12 * 86400), Map.of("path", "eq./pricing")));
        String[] models = {"first-click", "last-click"};
        String[] steps = {"\"type\":\"path\",\"step\":\"/pricing\"", "\"type\":\"event\",\"step\":\"purchase\"",
                "\"type\":\"path\",\"step\":\"/blog*\""};
        String[] currencies = {"", ",\"currency\":\"USD\"", ",\"currency\":\"eur\""};
        String[] fieldSets = {"[\"os\",\"country\"]", "[\"browser\"]", "[\"country\",\"region\",\"city\"]",
                "[\"device\",\"screen\",\"language\",\"browser\"]", "[\"path\",\"country\"]", "[\"event\",\"browser\"]"};
        for (EventScope scope : scopes) {
            // Both models over each step and currency, split between scopes (seeded) to keep the suite short.
            for (String model : models) {
                for (int k = 0; k < 2; k++) {
                    String p = "{\"model\":\"" + model + "\"," + steps[r.nextInt(steps.length)] + currencies[r.nextInt(currencies.length)] + "}";
                    var expected = AttributionReference.run(store, scope, JSON.readTree(p));
                    assertThat(Attribution.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, JSON.readTree(p))).as(stage + " " + p + " " + scope.params()).isEqualTo(expected);
                    if (!((List<?>) expected.get("referrer")).isEmpty()) compared[0]++;
                }
            }
            for (int k = 0; k < 3; k++) {
                String fields = fieldSets[r.nextInt(fieldSets.length)];
                String p = "{\"fields\":" + fields + "}";
                var expected = Breakdown.plain(store, scope, JSON.readTree(p));
                assertThat(Breakdown.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, JSON.readTree(p))).as(stage + " " + p + " " + scope.params()).isEqualTo(expected);
                if (!expected.isEmpty()) compared[1]++;
            }
        }
    }

    /**
     * Every visit's row of {@code visit_touch} against its events (all folded): its span and the touch values of its rows
     * at its first instant that carry any, as the report names them (written out here, not taken from the writer).
     */
    private static void touchRollupMatchesEvents(String stage) {
        String values = "concat_ws('|', CASE WHEN coalesce(referrer_domain, '') <> '' AND referrer_domain <> coalesce(hostname, '')"
                + " THEN referrer_domain ELSE '' END, CASE WHEN coalesce(gclid, '') <> '' THEN 'Google Ads' WHEN coalesce(fbclid, '') <> ''"
                + " THEN 'Facebook / Meta' WHEN coalesce(msclkid, '') <> '' THEN 'Microsoft Ads' WHEN coalesce(ttclid, '') <> '' THEN 'TikTok Ads'"
                + " WHEN coalesce(li_fat_id, '') <> '' THEN 'LinkedIn Ads' WHEN coalesce(twclid, '') <> '' THEN 'Twitter Ads (X)' ELSE '' END,"
                + " coalesce(utm_source, ''), coalesce(utm_medium, ''), coalesce(utm_campaign, ''), coalesce(utm_content, ''), coalesce(utm_term, ''))";
        var expected = server.query("WITH r AS (SELECT visit_id, created_at, " + values + " AS v FROM event WHERE website_id = ? AND event_type IN (1, 2, 3, 4)),"
                + " s AS (SELECT visit_id, min(created_at) AS f, max(created_at) AS l FROM r GROUP BY visit_id)"
                + " SELECT s.visit_id, s.f AS first_at, s.l AS last_at, coalesce(array_to_string(list_sort(list(r.v) FILTER (WHERE r.created_at = s.f"
                + " AND r.v <> '||||||')), ';'), '') AS touches FROM s JOIN r ON r.visit_id = s.visit_id GROUP BY ALL ORDER BY s.visit_id", website);
        var actual = server.query("SELECT visit_id, first_at, last_at, coalesce(array_to_string(list_sort(list_transform(list_transform(list_filter(early, lambda x: x.ts = first_at), lambda x: x.u), lambda u: concat_ws('|',"
                + " u.referrer, u.paid, u.utm_source, u.utm_medium, u.utm_campaign, u.utm_content, u.utm_term))), ';'), '') AS touches"
                + " FROM visit_touch WHERE website_id = ? ORDER BY visit_id", website);
        assertThat(actual).as(stage + ": visit_touch against the events").isEqualTo(expected);
        // V42: per session, its first instant and the touch values of its rows there (across its visits)
        var expectedSessions = server.query("WITH r AS (SELECT session_id, created_at, " + values + " AS v FROM event WHERE website_id = ? AND event_type IN (1, 2, 3, 4)),"
                + " s AS (SELECT session_id, min(created_at) AS f FROM r GROUP BY session_id)"
                + " SELECT s.session_id, s.f AS first_at, coalesce(array_to_string(list_sort(list(r.v) FILTER (WHERE r.created_at = s.f"
                + " AND r.v <> '||||||')), ';'), '') AS touches FROM s JOIN r ON r.session_id = s.session_id GROUP BY ALL ORDER BY s.session_id", website);
        var actualSessions = server.query("SELECT session_id, first_at, coalesce(array_to_string(list_sort(list_transform(touches, lambda u: concat_ws('|',"
                + " u.referrer, u.paid, u.utm_source, u.utm_medium, u.utm_campaign, u.utm_content, u.utm_term))), ';'), '') AS touches"
                + " FROM session_touch WHERE website_id = ? ORDER BY session_id", website);
        assertThat(actualSessions).as(stage + ": session_touch against the events").isEqualTo(expectedSessions);
        assertThat(expected.stream().filter(m -> !m.get("touches").toString().isEmpty()).count()).as(stage + ": visits with touches").isPositive();
        // V41: the first seven distinct instants, and the rows at them that carry touch values (ts|values, sorted)
        var expectedEarly = server.query("WITH r AS (SELECT visit_id, created_at, " + values + " AS v FROM event WHERE website_id = ? AND event_type IN (1, 2, 3, 4)),"
                + " i AS (SELECT visit_id, created_at, row_number() OVER (PARTITION BY visit_id ORDER BY created_at) AS n FROM (SELECT DISTINCT visit_id, created_at FROM r)),"
                + " lim AS (SELECT visit_id, max(created_at) AS to_at, array_to_string(list(strftime(created_at, '%Y-%m-%d %H:%M:%S.%f') ORDER BY created_at), ';') AS instants"
                + " FROM i WHERE n <= 7 GROUP BY visit_id)"
                + " SELECT lim.visit_id, lim.instants, coalesce(array_to_string(list_sort(list(strftime(r.created_at, '%Y-%m-%d %H:%M:%S.%f') || '|' || r.v)"
                + " FILTER (WHERE r.created_at <= lim.to_at AND r.v <> '||||||')), ';'), '') AS early FROM lim JOIN r ON r.visit_id = lim.visit_id"
                + " GROUP BY ALL ORDER BY lim.visit_id", website);
        // (since V54 the row holds the instants between first_at and last_at: the first is first_at, the last held is last_at unless there are over seven)
        var actualEarly = server.query("SELECT visit_id, array_to_string(list_transform(list_concat([first_at], mid_instants, CASE WHEN last_at > first_at"
                + " AND len(mid_instants) < 6 THEN [last_at] ELSE []::TIMESTAMP[] END), lambda t: strftime(t, '%Y-%m-%d %H:%M:%S.%f')), ';') AS instants,"
                + " coalesce(array_to_string(list_sort(list_transform(early, lambda x: strftime(x.ts, '%Y-%m-%d %H:%M:%S.%f') || '|' || concat_ws('|',"
                + " x.u.referrer, x.u.paid, x.u.utm_source, x.u.utm_medium, x.u.utm_campaign, x.u.utm_content, x.u.utm_term))), ';'), '') AS early"
                + " FROM visit_touch WHERE website_id = ? ORDER BY visit_id", website);
        assertThat(actualEarly).as(stage + ": visit_touch's first seven instants against the events").isEqualTo(expectedEarly);
        assertThat(server.count("SELECT count(*) FROM visit_touch WHERE website_id = ? AND len(mid_instants) = 6 AND last_at > list_last(mid_instants)", website))
                .as(stage + ": visits with rows after their seventh instant").isPositive();
    }

    /** A copy of a hit at the same instant with touch values of its own (a referrer, UTM values and a click id). */
    private static CollectedHit touched(CollectedHit h, int i) {
        var e = h.event();
        var campaign = new Event.Campaign("same-" + (i % 3), "instant", null, i % 2 == 0 ? "c" + i : null, null, null,
                i % 2 == 0 ? "fb" + i : null, null, i % 2 == 1 ? "tt" + i : null, null, null);
        var c = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), e.createdAt(), e.eventType(), e.eventName(),
                e.page(), new Event.Referrer("same" + (i % 4) + ".example", null, null), campaign, e.session(), e.vitals());
        return new CollectedHit(c, List.of(), h.websiteId(), h.sessionId(), null, e.createdAt(), List.of());
    }

    /** Like {@link ReportRollupTest#scope}, over this test's website. */
    static EventScope scope(Instant from, Instant to, Map<String, String> filters) {
        return ReportScopes.of(website, store, from, to, filters);
    }

    /** A copy of a hit {@code seconds} later (earlier when negative), in the same visit, in another country when given. */
    private static CollectedHit copy(CollectedHit h, long seconds, String country) {
        var e = h.event();
        Instant at = e.createdAt().plusSeconds(seconds);
        var s = e.session();
        var attrs = country == null ? s : new Event.SessionAttributes(s.browser(), s.os(), s.device(), s.screen(), s.language(),
                country, country + "-1", s.city(), s.distinctId());
        var c = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), at, e.eventType(), e.eventName(),
                e.page(), e.referrer(), e.campaign(), attrs, e.vitals());
        return new CollectedHit(c, List.of(), h.websiteId(), h.sessionId(), null, at, List.of());
    }
}
