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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breakdown's visitors from the session rollup (one per known session, distinct over the checked sessions' rows)
 * equal the plain report's distinct count. The traffic has what splits sessions: sessions whose last visit is in another
 * country (the session mixed, each visit clean, so the session is a visitor of two combinations), sessions with views
 * before and after short ranges, custom events outside a range whose views are inside it, pending rows (a late visit in
 * another country pending over a folded session), and filters on the attribute that differs.
 */
class BreakdownVisitorsRollupTest {
    static TestServer server;
    static UUID website;
    static EventStore store;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        website = UUID.fromString(server.createWebsite("Visitors", "example.com"));
        store = server.server().stores().events();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void visitorsFromSessionRollupEqualDistinctSessionsFromEvents() throws Exception {
        List<CollectedHit> hits = movedLastVisits(GeneratedTraffic.hits(website, 400, 23), 5);
        Collections.shuffle(hits, new Random(23));
        int half = hits.size() / 2;
        Random r = new Random(2323);
        int[] compared = {0};
        server.append(hits.subList(0, half).toArray(CollectedHit[]::new));
        compare(r, compared, "first half pending");
        server.fold();
        compare(r, compared, "first half folded");
        server.append(hits.subList(half, hits.size()).toArray(CollectedHit[]::new));
        compare(r, compared, "second half pending over folded sessions");
        server.fold();
        compare(r, compared, "all folded");
        assertThat(server.count("SELECT count(*) FROM session_span WHERE website_id = ? AND mixed", website)).as("mixed sessions").isPositive();
        assertThat(server.count("SELECT count(*) FROM visit WHERE website_id = ? AND mixed", website)).as("mixed visits").isZero();
        assertThat(compared[0]).as("comparisons with rows").isGreaterThan(60);
    }

    private void compare(Random r, int[] compared, String stage) throws Exception {
        Instant start = GeneratedTraffic.START;
        List<EventScope> scopes = new ArrayList<>();
        scopes.add(scope(start.minusSeconds(86400), start.plusSeconds(40 * 86400), Map.of()));
        for (int i = 0; i < 6; i++) {
            Instant from = start.plusSeconds(r.nextInt(10 * 86400));
            // short ranges: many sessions have views before and after them (one to three visits hours to a day apart)
            scopes.add(scope(from, from.plusSeconds(600 + r.nextInt(i < 3 ? 6 * 3600 : 3 * 86400)), Map.of()));
        }
        scopes.add(scope(start, start.plusSeconds(12 * 86400), Map.of("country", "eq.BR")));
        scopes.add(scope(start.plusSeconds(86400), start.plusSeconds(5 * 86400), Map.of("country", "neq.DE")));
        scopes.add(scope(start.plusSeconds(86400), start.plusSeconds(5 * 86400), Map.of("browser", "eq.chrome")));
        String[] fieldSets = {"[\"country\"]", "[\"os\",\"country\"]", "[\"browser\"]", "[\"country\",\"region\",\"browser\"]"};
        for (EventScope scope : scopes) {
            for (int k = 0; k < 2; k++) {
                String p = "{\"fields\":" + fieldSets[r.nextInt(fieldSets.length)] + "}";
                var expected = Breakdown.plain(store, scope, JSON.readTree(p));
                assertThat(Breakdown.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, JSON.readTree(p))).as(stage + " " + p + " " + scope.params()).isEqualTo(expected);
                if (!expected.isEmpty()) compared[0]++;
            }
        }
    }

    private static EventScope scope(Instant from, Instant to, Map<String, String> filters) {
        return ReportScopes.of(website, store, from, to, filters);
    }

    /** Every {@code every}-th session with more than one visit gets its last visit in Brazil: the session is mixed, its visits not. */
    private static List<CollectedHit> movedLastVisits(List<CollectedHit> hits, int every) {
        Map<UUID, UUID> lastVisit = new HashMap<>();
        Map<UUID, Integer> visits = new HashMap<>();
        for (CollectedHit h : hits) {
            var e = h.event();
            if (!e.visitId().equals(lastVisit.put(e.sessionId(), e.visitId()))) visits.merge(e.sessionId(), 1, Integer::sum);
        }
        List<UUID> sessions = new ArrayList<>(visits.keySet().stream().filter(s -> visits.get(s) > 1).sorted().toList());
        List<UUID> moved = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i += every) moved.add(lastVisit.get(sessions.get(i)));
        List<CollectedHit> out = new ArrayList<>();
        for (CollectedHit h : hits) out.add(moved.contains(h.event().visitId()) ? inBrazil(h) : h);
        return out;
    }

    private static CollectedHit inBrazil(CollectedHit h) {
        var e = h.event();
        var s = e.session();
        var attrs = new Event.SessionAttributes(s.browser(), s.os(), s.device(), s.screen(), s.language(), "BR", "BR-SP", s.city(), s.distinctId());
        var c = new Event(e.eventId(), e.websiteId(), e.sessionId(), e.visitId(), e.createdAt(), e.eventType(), e.eventName(),
                e.page(), e.referrer(), e.campaign(), attrs, e.vitals());
        return new CollectedHit(c, h.eventData(), h.websiteId(), h.sessionId(), h.distinctId(), h.createdAt(), h.sessionData());
    }
}
