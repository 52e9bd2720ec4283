package io.footfall.query.equality;

import io.footfall.accelerate.duckdb.AcceleratedAnalytics;
import io.footfall.config.QueryOptions;
import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.DataType;
import io.footfall.event.Event;
import io.footfall.event.EventType;
import io.footfall.http.Json;
import io.footfall.query.Analytics;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DuckDB accelerator's revenue sessions list (the paying sessions from {@code revenue_event}, ranked from the session
 * rollup) equals the reference's, on the generated traffic plus payments: a custom event two seconds after some custom
 * events (revenue sometimes 0, currency EUR, eur or USD) and, rarer, payment data on a pageview (the payments the rollup
 * does not hold). Random requests (filters, search, paging) in EUR, USD and lower-case eur, after each step of the store's
 * life as {@link AcceleratorEqualityTest}'s: pending, folded, late hits pending and folded, a crash re-ship pending and folded.
 */
class RevenueSessionsEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 26);
    static final int REQUESTS = Integer.getInteger("equality.requests", 15);

    static TestServer server;
    static UUID site;
    static Instant now;
    static GeneratedTraffic traffic;
    static List<CollectedHit> hits;
    static Analytics accelerated;
    static Analytics reference;

    @BeforeAll
    static void start() {
        EqualityFixture.Started started = EqualityFixture.start(SEED);
        server = started.server();
        site = started.site();
        now = started.now();
        traffic = started.traffic();
        hits = withPayments(traffic.hits, new Random(SEED));
        openPaths();
    }

    private static void openPaths() {
        accelerated = new AcceleratedAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
        reference = new ReferenceAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The traffic plus payments: after a quarter of the custom events a paying custom event, after a 40th of the pageviews payment data on a pageview. */
    private static List<CollectedHit> withPayments(List<CollectedHit> generated, Random r) {
        List<CollectedHit> all = new ArrayList<>(generated);
        for (CollectedHit h : generated) {
            if (h.event() == null) continue;
            int type = h.event().eventType();
            if (type == EventType.CUSTOM_EVENT && r.nextInt(4) == 0) all.add(payment(h, r, EventType.CUSTOM_EVENT));
            if (type == EventType.PAGEVIEW && r.nextInt(40) == 0) all.add(payment(h, r, EventType.PAGEVIEW));
        }
        all.sort(Comparator.comparing(CollectedHit::createdAt));
        return all;
    }

    /** A payment two seconds after {@code h}, in its visit: revenue (sometimes 0) in EUR, eur or USD, on an event of {@code type}. */
    private static CollectedHit payment(CollectedHit h, Random r, int type) {
        Event e = h.event();
        Instant at = h.createdAt().plusSeconds(2);
        Event paid = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), at, type,
                type == EventType.CUSTOM_EVENT ? "purchase" : null, e.page(), e.referrer(), e.campaign(), e.session(), Event.WebVitals.NONE);
        List<DataField> data = List.of(
                new DataField("revenue", DataType.NUMBER, null, BigDecimal.valueOf(r.nextInt(5) * 10).setScale(4), null),
                new DataField("currency", DataType.STRING, GeneratedTraffic.pick(r, new String[]{"EUR", "eur", "USD"}), null, null));
        return new CollectedHit(paid, data, h.websiteId(), h.sessionId(), h.distinctId(), at, List.of(), h.flag());
    }

    @Test
    void revenueSessionsEqualReferenceThroughFoldsLateHitsAndCrash() throws Exception {
        Random r = new Random(SEED);
        EqualityFixture.Shares shares = EqualityFixture.split(hits, r);
        EqualityFixture.appendInBatches(server, shares.early(), r);
        compare("early hits, pending", r);
        server.fold();
        compare("early hits, folded", r);
        EqualityFixture.appendInBatches(server, shares.late(), r);
        compare("late hits pending over folded ones", r);
        server.fold();
        compare("all folded", r);
        assertThat(server.count("SELECT count(*) FROM revenue_event WHERE website_id = ?::UUID", site)).as("payments in the rollup").isPositive();
        assertThat(server.count("SELECT count(*) FROM event_data WHERE website_id = ?::UUID AND data_key = 'revenue' AND event_type = 1", site))
                .as("payments on pageviews").isPositive();

        EqualityFixture.Crashed crashed = EqualityFixture.crash(server, site, hits, shares, r);
        server = crashed.server();
        openPaths();
        compare("after a crash, re-shipped hits pending", r);
        server.fold();
        compare("after a crash, re-shipped hits folded", r);
    }

    private void compare(String step, Random r) throws Exception {
        RandomRequests requests = new RandomRequests(r, now, traffic);
        int paying = 0;
        for (int i = 0; i < REQUESTS; i++) {
            RandomRequests.Request req = requests.next();
            EventScope scope = new EventScope(site, QueryParams.parse(req.source()), accelerated.dialect());
            for (String currency : List.of("EUR", "USD", "eur")) {
                String fast = Json.MAPPER.writeValueAsString(accelerated.together(() -> accelerated.revenue(scope, currency)));
                String slow = Json.MAPPER.writeValueAsString(reference.revenue(scope, currency));
                assertThat(fast).as(step + " / " + req + " revenue sessions " + currency).isEqualTo(slow);
                if (!fast.contains("\"data\":[]")) paying++;
            }
        }
        assertThat(paying).as(step + ": lists with paying sessions").isGreaterThan(REQUESTS / 2);
    }
}
