package io.footfall.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.event.CollectedHit;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports that answer from rollups where they cover a request answer exactly what they answer from events:
 * seeded traffic appended in shuffled batches (so visits get rows in several batches, late and out of time order,
 * into visits already folded), compared while a tail is pending, after each fold, over random ranges that cut
 * visits at either end, every step count, start and end steps, time zones with 30 and 45-minute offsets, and with filters (where the events answer).
 */
class ReportRollupTest {
    static TestServer server;
    static UUID website;
    static EventStore store;
    static final ObjectMapper JSON = new ObjectMapper();

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
    void journeyFromTheVisitRollupEqualsJourneyFromEvents() throws Exception {
        List<CollectedHit> hits = new ArrayList<>(GeneratedTraffic.hits(website, 500, 35));
        // a few visits lasting over a day: a copy of a row a day and a half later
        for (int i = 0; i < hits.size(); i += 97) hits.add(later(hits.get(i), 36 * 3600));
        // rows tied with another of their visit on (created_at, event_type) but for another page: only the event id
        // orders them, and the shuffle puts many twins in a later batch than their row (a fold rebuilds those visits)
        int rows = hits.size();
        for (int i = 0; i < rows; i += 7) hits.add(twin(hits.get(i), i));
        Collections.shuffle(hits, new Random(35));
        int third = hits.size() / 3;
        Random r = new Random(3535);
        int[] compared = {0};
        server.append(hits.subList(0, third).toArray(CollectedHit[]::new));
        compareReports(r, compared, "first batch pending");
        server.fold();
        compareReports(r, compared, "first batch folded");
        server.append(hits.subList(third, 2 * third).toArray(CollectedHit[]::new));
        compareReports(r, compared, "late rows pending over folded visits");
        server.fold();
        compareReports(r, compared, "folded again");
        server.append(hits.subList(2 * third, hits.size()).toArray(CollectedHit[]::new));
        server.fold();
        compareReports(r, compared, "all folded");
        assertThat(server.count("SELECT count(*) FROM visit_journey WHERE website_id = ?", website))
                .isEqualTo(server.count("SELECT count(DISTINCT visit_id) FROM event WHERE website_id = ? AND event_type IN (1, 2, 3, 4)", website));
        assertThat(compared[0]).as("comparisons with rows").isGreaterThan(300);
    }

    private void compareReports(Random r, int[] compared, String stage) throws Exception {
        for (EventScope scope : scopes(r)) {
            for (int steps = 3; steps <= 7; steps += 1 + r.nextInt(2)) {
                for (String startStep : new String[]{null, "/", "signup"}) {
                    for (String endStep : new String[]{null, "/pricing", "purchase"}) {
                        String p = "{\"steps\":" + steps + (startStep == null ? "" : ",\"startStep\":\"" + startStep + "\"")
                                + (endStep == null ? "" : ",\"endStep\":\"" + endStep + "\"") + "}";
                        var expected = Journey.plain(store, scope, JSON.readTree(p));
                        assertThat(Journey.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, JSON.readTree(p))).as(stage + " " + p + " " + scope.params()).isEqualTo(expected);
                        if (!expected.isEmpty()) compared[0]++;
                    }
                }
            }
        }
    }

    /** All of the traffic, random ranges cutting visits (to the second, so rows sharing an instant sit at the edge), and one with a filter. */
    static List<EventScope> scopes(Random r) {
        Instant start = GeneratedTraffic.START;
        List<EventScope> out = new ArrayList<>();
        out.add(scope(start.minusSeconds(86400), start.plusSeconds(40 * 86400), Map.of("timezone", "Europe/Berlin")));
        String[] zones = {"UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"};
        for (int i = 0; i < 4; i++) {
            Instant from = start.plusSeconds(r.nextInt(8 * 86400));
            out.add(scope(from, from.plusSeconds(600 + r.nextInt(4 * 86400)), Map.of("timezone", zones[r.nextInt(zones.length)])));
        }
        out.add(scope(start, start.plusSeconds(12 * 86400), Map.of("country", "eq.DE")));
        return out;
    }

    private static CollectedHit later(CollectedHit h, long seconds) {
        var e = h.event();
        Instant at = e.createdAt().plusSeconds(seconds);
        var copy = new io.footfall.event.Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), at, e.eventType(), e.eventName(),
                e.page(), e.referrer(), e.campaign(), e.session(), e.vitals());
        return new CollectedHit(copy, List.of(), h.websiteId(), h.sessionId(), null, at, List.of());
    }

    private static CollectedHit twin(CollectedHit h, int n) {
        var e = h.event();
        var p = e.page();
        var page = p == null ? null : new io.footfall.event.Event.Page(p.hostname(), "/twin/" + (n % 5), p.urlQuery(), p.pageTitle(), p.tag());
        var copy = new io.footfall.event.Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), e.createdAt(), e.eventType(),
                e.eventName(), page, e.referrer(), e.campaign(), e.session(), e.vitals());
        return new CollectedHit(copy, List.of(), h.websiteId(), h.sessionId(), null, e.createdAt(), List.of());
    }

    static EventScope scope(Instant from, Instant to, Map<String, String> filters) {
        return ReportScopes.of(website, store, from, to, filters);
    }
}
