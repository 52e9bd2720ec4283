package io.footfall.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.accelerate.duckdb.RetentionRollup;
import io.footfall.event.CollectedHit;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention (from {@code session_hour}'s V37 links) and revenue (from the payment rollup) answer exactly what they
 * answer from events: seeded traffic in April and around the October 2026 DST changes (Europe 25 Oct, US 1 Nov),
 * appended in shuffled batches (late rows into folded sessions and hours, copies a day and a half later), compared
 * while a tail is pending and after each fold, over dashboard ranges (on the hour, ending at .999) and random ranges
 * cut to the second, in zones with and without DST and with 30/45-minute offsets (which retention reads from events),
 * and with a filter (events).
 */
class RetentionRevenueRollupTest {
    static TestServer server;
    static UUID website;
    static EventStore store;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TO_OCTOBER = Duration.between(GeneratedTraffic.START, Instant.parse("2026-10-20T00:00:00Z"));
    /** Times of the payments: ranges starting just before one cut paying visits after their landing pageview. */
    static final List<Instant> payments = new ArrayList<>();
    static final String[] ZONES = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Tokyo", "Pacific/Chatham"};

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
    void retentionAndRevenueFromRollupsEqualThemFromEvents() throws Exception {
        List<CollectedHit> hits = new ArrayList<>(GeneratedTraffic.hits(website, 300, 17));
        for (CollectedHit h : GeneratedTraffic.hits(website, 300, 18)) hits.add(later(h, TO_OCTOBER.toSeconds()));
        // sessions and visits lasting over a day: a copy of a row a day and a half later
        int n = hits.size();
        for (int i = 0; i < n; i += 53) hits.add(later(hits.get(i), 36 * 3600));
        for (CollectedHit h : hits) if (!h.eventData().isEmpty()) payments.add(h.event().createdAt());
        Collections.shuffle(hits, new Random(17));
        int third = hits.size() / 3;
        Random r = new Random(1717);
        int[] counts = {0, 0, 0};
        server.append(hits.subList(0, third).toArray(CollectedHit[]::new));
        compare(r, counts, "first batch pending");
        server.fold();
        compare(r, counts, "first batch folded");
        server.append(hits.subList(third, 2 * third).toArray(CollectedHit[]::new));
        compare(r, counts, "late rows pending over folded sessions");
        server.fold();
        compare(r, counts, "folded again");
        server.append(hits.subList(2 * third, hits.size()).toArray(CollectedHit[]::new));
        compare(r, counts, "last third pending");
        server.fold();
        compare(r, counts, "all folded");
        assertThat(counts[0]).as("retention comparisons through the rollup with returns").isGreaterThan(40);
        assertThat(counts[1]).as("revenue comparisons with payments").isGreaterThan(40);
    }

    private void compare(Random r, int[] counts, String stage) throws Exception {
        for (EventScope scope : scopes(r)) {
            var expected = Retention.plain(store, scope);
            assertThat(Retention.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope)).as(stage + " retention " + scope.params()).isEqualTo(expected);
            if (RetentionRollup.covers(scope) && expected.stream().anyMatch(m -> ((Number) m.get("day")).intValue() > 0)) counts[0]++;
            for (String currency : new String[]{"USD", "eur"}) {
                var p = JSON.readTree("{\"currency\":\"" + currency + "\"}");
                var plain = Revenue.plain(store, scope, p);
                assertThat(Revenue.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, p)).as(stage + " revenue " + currency + " " + scope.params()).isEqualTo(plain);
                if (!((List<?>) plain.get("chart")).isEmpty()) counts[1]++;
            }
        }
    }

    /** Dashboard ranges (whole hours, ending at .999) and ranges cut to the second, in April and around the DST changes, in every zone; one with a filter. */
    private static List<EventScope> scopes(Random r) {
        List<EventScope> out = new ArrayList<>();
        for (Instant base : new Instant[]{GeneratedTraffic.START, GeneratedTraffic.START.plus(TO_OCTOBER)}) {
            out.add(scope(base.minusSeconds(86400), base.plusSeconds(14 * 86400), zone(r), Map.of()));
            for (int i = 0; i < 3; i++) {
                Instant from = base.plusSeconds(r.nextInt(9 * 86400)).truncatedTo(ChronoUnit.HOURS);
                out.add(scope(from, from.plusSeconds(3600L * (1 + r.nextInt(8 * 24))), zone(r), Map.of()));
            }
            for (int i = 0; i < 3; i++) {
                Instant from = base.plusSeconds(r.nextInt(9 * 86400));
                out.add(scope(from, from.plusSeconds(600 + r.nextInt(6 * 86400)), zone(r), Map.of()));
            }
            out.add(scope(base, base.plusSeconds(12 * 86400), "Europe/Berlin", Map.of("country", "eq.DE")));
        }
        for (int i = 0; i < 4; i++) {
            Instant paid = payments.get(r.nextInt(payments.size()));
            out.add(scope(paid.minusSeconds(1), paid.plusSeconds(3600L * (1 + r.nextInt(72))), zone(r), Map.of()));
        }
        return out;
    }

    private static String zone(Random r) {
        return ZONES[r.nextInt(ZONES.length)];
    }

    private static CollectedHit later(CollectedHit h, long seconds) {
        var e = h.event();
        Instant at = e.createdAt().plusSeconds(seconds);
        var copy = new io.footfall.event.Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), at, e.eventType(), e.eventName(),
                e.page(), e.referrer(), e.campaign(), e.session(), e.vitals());
        return new CollectedHit(copy, h.eventData(), h.websiteId(), h.sessionId(), null, at, List.of());
    }

    private static EventScope scope(Instant from, Instant to, String zone, Map<String, String> filters) {
        Map<String, String> q = new LinkedHashMap<>(filters);
        q.put("timezone", zone);
        q.put("unit", "day");
        return ReportScopes.of(website, store, from, to, q);
    }
}
