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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funnel's DuckDB answers (without filters from the funnel rollup, {@code accelerate/duckdb/FunnelRollup}; with
 * filters {@code FunnelMatch}) equal what the level-by-level joins ({@link Funnel#plain}) answer: seeded traffic
 * appended in shuffled batches (late and out of order, into folded visits, rows sharing an instant, copies of rows a
 * few minutes and a day and a half later, events re-shipped after a crash), compared while a tail is pending and after
 * each fold, over random ranges cutting sessions, random steps (paths, events, wildcards, a step repeated), windows
 * from one minute to a day, and filters on session and row columns.
 */
class FunnelMatchTest {
    static TestServer server;
    static UUID website;
    static EventStore store;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] PATH_VALUES = {"/", "/pricing", "/blog/*", "*ing", "/features", "*a*", "/nowhere"};
    static final String[] EVENT_VALUES = {"signup", "purchase", "click", "purch*", "*"};
    static final int[] WINDOWS = {1, 3, 10, 60, 24 * 60};

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
    void matchedFunnelEqualsFunnelFromJoins() throws Exception {
        List<CollectedHit> hits = new ArrayList<>(GeneratedTraffic.hits(website, 500, 17));
        Random copies = new Random(1717);
        // repeats close by (so windows of a few minutes decide) and visits lasting over a day
        for (int i = 0, n = hits.size(); i < n; i += 7) hits.add(later(hits.get(i), 30 + copies.nextInt(600)));
        for (int i = 0, n = hits.size(); i < n; i += 97) hits.add(later(hits.get(i), 36 * 3600));
        Collections.shuffle(hits, new Random(17));
        int third = hits.size() / 3;
        Random r = new Random(171717);
        int[] compared = {0};
        server.append(hits.subList(0, third).toArray(CollectedHit[]::new));
        compare(r, compared, "first batch pending");
        server.fold();
        compare(r, compared, "first batch folded");
        server.append(hits.subList(third, 2 * third).toArray(CollectedHit[]::new));
        compare(r, compared, "late rows pending over folded visits");
        server.fold();
        server.append(hits.subList(2 * third, hits.size()).toArray(CollectedHit[]::new));
        server.fold();
        compare(r, compared, "all folded");
        // a crash's re-ship: folded events deleted (their sessions' rollup rows rebuilt), then appended again
        List<CollectedHit> reshipped = new ArrayList<>();
        for (int i = 0; i < hits.size(); i += 11) reshipped.add(hits.get(i));
        long rows = server.count("SELECT count(*) FROM funnel_row");
        store.deleteEvents(reshipped.stream().map(h -> h.event().eventId()).toList());
        assertThat(server.count("SELECT count(*) FROM funnel_row")).as("rows of the deleted events").isLessThan(rows);
        compare(r, compared, "re-shipped events deleted");
        server.append(reshipped.toArray(CollectedHit[]::new));
        compare(r, compared, "re-shipped events pending");
        server.fold();
        compare(r, compared, "re-shipped events folded");
        assertThat(server.count("SELECT count(*) FROM funnel_row")).isEqualTo(rows);
        assertThat(compared[0]).as("funnels with a visitor past step 1").isGreaterThan(300);
    }

    /** A website reset deletes its funnel rows and session numbers with its events, and leaves other websites' alone. */
    @Test
    void aWebsiteResetDeletesItsFunnelRows() throws Exception {
        UUID other = UUID.fromString(server.createWebsite("Other", "example.org"));
        GeneratedTraffic.append(server, other, 20, 3);
        server.fold();
        assertThat(server.count("SELECT count(*) FROM funnel_row WHERE website_id = ?", other)).isGreaterThan(20);
        assertThat(server.count("SELECT count(*) FROM funnel_session WHERE website_id = ?", other)).isGreaterThan(5);
        long others = server.count("SELECT count(*) FROM funnel_row WHERE website_id <> ?", other);
        store.deleteWebsiteData(other);
        assertThat(server.count("SELECT count(*) FROM funnel_row WHERE website_id = ?", other)).isZero();
        assertThat(server.count("SELECT count(*) FROM funnel_session WHERE website_id = ?", other)).isZero();
        assertThat(server.count("SELECT count(*) FROM funnel_row WHERE website_id <> ?", other)).isEqualTo(others);
    }

    private void compare(Random r, int[] compared, String stage) throws Exception {
        for (EventScope scope : scopes(r)) {
            for (int k = 0; k < 12; k++) {
                String p = parameters(r);
                var expected = Funnel.plain(store, scope, JSON.readTree(p));
                assertThat(Funnel.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, JSON.readTree(p))).as(stage + " " + p + " " + scope.params()).isEqualTo(expected);
                if ((Long) expected.get(1).get("visitors") > 0) compared[0]++;
            }
        }
    }

    /** 2 to 8 random steps (a step may repeat the one before) and a window. */
    private static String parameters(Random r) {
        int n = 2 + r.nextInt(r.nextBoolean() ? 2 : 7);
        StringBuilder s = new StringBuilder("{\"steps\":[");
        String previous = null;
        for (int i = 0; i < n; i++) {
            String step = previous != null && r.nextInt(6) == 0 ? previous
                    : r.nextInt(3) == 0 ? "{\"type\":\"event\",\"value\":\"" + EVENT_VALUES[r.nextInt(EVENT_VALUES.length)] + "\"}"
                    : "{\"type\":\"path\",\"value\":\"" + PATH_VALUES[r.nextInt(PATH_VALUES.length)] + "\"}";
            s.append(i == 0 ? "" : ",").append(step);
            previous = step;
        }
        return s.append("],\"window\":").append(WINDOWS[r.nextInt(WINDOWS.length)]).append("}").toString();
    }

    /** All of the traffic, random ranges cutting sessions (to the second), and ranges with filters. */
    private static List<EventScope> scopes(Random r) {
        Instant start = GeneratedTraffic.START;
        List<EventScope> out = new ArrayList<>();
        out.add(scope(start.minusSeconds(86400), start.plusSeconds(40 * 86400), Map.of()));
        for (int i = 0; i < 3; i++) {
            Instant from = start.plusSeconds(r.nextInt(8 * 86400));
            out.add(scope(from, from.plusSeconds(600 + r.nextInt(4 * 86400)), Map.of("timezone", "America/New_York")));
        }
        out.add(scope(start, start.plusSeconds(12 * 86400), Map.of("country", "eq.DE")));
        out.add(scope(start, start.plusSeconds(12 * 86400), Map.of("browser", "neq.firefox", "referrer", "c.o")));
        out.add(scope(start, start.plusSeconds(12 * 86400), Map.of("path", "neq./")));
        return out;
    }

    private static CollectedHit later(CollectedHit h, long seconds) {
        var e = h.event();
        Instant at = e.createdAt().plusSeconds(seconds);
        var copy = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), at, e.eventType(), e.eventName(),
                e.page(), e.referrer(), e.campaign(), e.session(), e.vitals());
        return new CollectedHit(copy, List.of(), h.websiteId(), h.sessionId(), null, at, List.of());
    }

    private static EventScope scope(Instant from, Instant to, Map<String, String> filters) {
        return ReportScopes.of(website, store, from, to, filters);
    }
}
