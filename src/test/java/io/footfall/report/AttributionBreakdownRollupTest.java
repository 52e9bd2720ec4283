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
 * order into visits already folded; some visits change country midway (mixed), some last a day and a half, and some get a
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
        Collections.shuffle(hits, new Random(17));
        int third = hits.size() / 3;
        List<CollectedHit> first = hits.subList(0, third);
        Random r = new Random(1717);
        int[] compared = {0, 0};
        server.append(first.toArray(CollectedHit[]::new));
        compare(r, compared, "first batch pending");
        server.fold();
        compare(r, compared, "first batch folded");
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
        server.append(second.toArray(CollectedHit[]::new));
        compare(r, compared, "late rows pending over folded visits");
        server.fold();
        compare(r, compared, "folded again");
        server.append(hits.subList(2 * third, hits.size()).toArray(CollectedHit[]::new));
        compare(r, compared, "last batch pending");
        server.fold();
        compare(r, compared, "all folded");
        assertThat(server.count("SELECT count(*) FROM visit WHERE website_id = ? AND mixed", website)).as("mixed visits").isPositive();
        assertThat(compared[0]).as("attribution comparisons with rows").isGreaterThan(60);
        assertThat(compared[1]).as("breakdown comparisons with rows").isGreaterThan(40);
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
                    assertThat(Attribution.run(store, scope, JSON.readTree(p))).as(stage + " " + p + " " + scope.params()).isEqualTo(expected);
                    if (!((List<?>) expected.get("referrer")).isEmpty()) compared[0]++;
                }
            }
            for (int k = 0; k < 3; k++) {
                String fields = fieldSets[r.nextInt(fieldSets.length)];
                String p = "{\"fields\":" + fields + "}";
                var expected = Breakdown.plain(store, scope, JSON.readTree(p));
                assertThat(Breakdown.run(store, scope, JSON.readTree(p))).as(stage + " " + p + " " + scope.params()).isEqualTo(expected);
                if (!expected.isEmpty()) compared[1]++;
            }
        }
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
