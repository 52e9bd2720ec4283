package io.footfall.query.equality;

import io.footfall.accelerate.duckdb.AcceleratedAnalytics;
import io.footfall.config.QueryOptions;
import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.http.Json;
import io.footfall.query.Analytics;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DuckDB accelerator's filter-picker values ({@code /values}: path and referrer from {@code event_value_day}, V52, over
 * whole UTC days) equal the reference's event-by-event count, on the generated traffic plus referrers that name the site's
 * own hostnames both ways ({@code www.example.com} on {@code www.example.com} is a referrer, {@code example.com} on either
 * is not) and a path or referrer left empty. Random ranges with and without searches (commas too), after each step of the
 * store's life as {@link AcceleratorEqualityTest}'s: pending, folded, late hits pending and folded, a crash re-ship pending
 * and folded. The day rows themselves are checked against the folded events once all is folded.
 */
class FilterValuesEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 27);
    static final int REQUESTS = Integer.getInteger("equality.requests", 40);
    static final String[] COLUMNS = {"url_path", "referrer_domain", "page_title"};
    static final String[] SEARCHES = {null, null, "o", "a", "blog", "EXAMPLE", "co,bing", "%"};

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
        hits = withOwnReferrers(traffic.hits, new Random(SEED));
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

    /** The traffic plus, after a tenth of the hits, a copy a second later whose referrer is a hostname of the site, or whose path or referrer is empty. */
    private static List<CollectedHit> withOwnReferrers(List<CollectedHit> generated, Random r) {
        List<CollectedHit> all = new ArrayList<>(generated);
        for (CollectedHit h : generated) {
            if (h.event() == null || r.nextInt(10) != 0) continue;
            Event e = h.event();
            Instant at = h.createdAt().plusSeconds(1);
            String[] variant = GeneratedTraffic.pick(r, new String[][]{{"www.example.com", "www.example.com", "/x"}, {"www.example.com", "example.com", "/x"},
                    {"example.com", "www.example.com", "/x"}, {"www.example.com", "", "/x"}, {"example.com", "t.co", ""}});
            Event copy = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), at, e.eventType(), e.eventName(),
                    new Event.Page(variant[0], variant[2], e.page().urlQuery(), e.page().pageTitle(), e.page().tag()),
                    new Event.Referrer(variant[1], "/", null), e.campaign(), e.session(), e.vitals());
            all.add(new CollectedHit(copy, List.of(), h.websiteId(), h.sessionId(), h.distinctId(), at, List.of(), h.flag()));
        }
        all.sort(Comparator.comparing(CollectedHit::createdAt));
        return all;
    }

    @Test
    void valuesEqualReferenceThroughFoldsLateHitsAndCrash() throws Exception {
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
        daysEqualEvents("all folded");

        EqualityFixture.Crashed crashed = EqualityFixture.crash(server, site, hits, shares, r);
        server = crashed.server();
        openPaths();
        compare("after a crash, re-shipped hits pending", r);
        server.fold();
        compare("after a crash, re-shipped hits folded", r);
        daysEqualEvents("after a crash, folded");
    }

    /** Every day row equals the folded events it counts, and no group is missing or left at zero. */
    private void daysEqualEvents(String step) {
        String own = "referrer_domain <> regexp_replace(hostname, '^www\\.', '')";
        String expected = "SELECT 1 AS kind, url_path AS value, date_trunc('day', created_at) AS day, count(*) AS events FROM event "
                + "WHERE website_id = ?::UUID AND url_path <> '' GROUP BY ALL UNION ALL SELECT 2, referrer_domain, date_trunc('day', created_at), count(*) "
                + "FROM event WHERE website_id = ?::UUID AND referrer_domain <> '' AND " + own + " GROUP BY ALL";
        String rows = "SELECT kind, value, day, events FROM event_value_day WHERE website_id = ?::UUID";
        assertThat(server.count("SELECT count(*) FROM (" + rows + ")", site)).as(step + ": day rows").isPositive();
        assertThat(server.count("SELECT count(*) FROM ((" + expected + ") EXCEPT ALL (" + rows + "))", site, site, site)).as(step + ": missing rows").isZero();
        assertThat(server.count("SELECT count(*) FROM ((" + rows + ") EXCEPT ALL (" + expected + "))", site, site, site)).as(step + ": extra rows").isZero();
    }

    private void compare(String step, Random r) throws Exception {
        RandomRequests requests = new RandomRequests(r, now, traffic);
        int wholeDays = 0;
        int referrers = 0;
        for (int i = 0; i < REQUESTS; i++) {
            RandomRequests.Request req = requests.next();
            QueryParams p = QueryParams.parse(req.source());
            EventScope scope = new EventScope(site, p, accelerated.dialect());
            Instant firstMidnight = p.startAt().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
            if (!firstMidnight.plus(1, ChronoUnit.DAYS).isAfter(p.endAt().plusMillis(1))) wholeDays++;
            String search = GeneratedTraffic.pick(r, SEARCHES);
            for (String column : COLUMNS) {
                String fast = Json.MAPPER.writeValueAsString(accelerated.together(() -> accelerated.filterValues(scope, column, search)));
                String slow = Json.MAPPER.writeValueAsString(reference.filterValues(scope, column, search));
                assertThat(fast).as(step + " / " + req + " values " + column + " search " + search).isEqualTo(slow);
                if (column.equals("referrer_domain") && fast.contains("www.example.com")) referrers++;
            }
        }
        assertThat(wholeDays).as(step + ": ranges holding a whole UTC day").isGreaterThan(REQUESTS / 4);
        assertThat(referrers).as(step + ": answers listing the www host as a referrer").isPositive();
    }
}
