package io.footfall.query.equality;

import io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics;
import io.footfall.config.QueryOptions;
import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.event.EventType;
import io.footfall.http.Json;
import io.footfall.query.Analytics;
import io.footfall.query.EventScope;
import io.footfall.query.PageviewSeries;
import io.footfall.query.QueryParams;
import io.footfall.query.WebsiteTotals;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.testing.OnPostgreSql;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator answers exactly what the raw-events reference answers, on the real PostgreSQL, over the
 * generated traffic of {@link GeneratedTraffic} (many sessions, one to four visits each, three eras around DST changes)
 * and random requests of {@link RandomRequests} (ranges cutting hours, whole local days in zones with odd offsets,
 * ending now), each asked as generated and without its filters (which the accelerator answers from its rollups).
 * Compared after each step of the store's life: hits appended in batches, late hits appended into hours and visits
 * already written, a crash whose re-ship deletes and appends acknowledged hits again, and a first start after V11
 * on events written before it (the migrations fill the rollups), and a bulk load ({@code SpanRows.rebuildAll}). After each step the rollup's rows are also those
 * computed afresh from the events; a website reset leaves none. Seed: {@code -Dequality.seed=N} (default 16).
 */
@OnPostgreSql
class PostgresAcceleratorEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 16);
    static final int REQUESTS = Integer.getInteger("equality.requests", 60);
    /** Each rollup's rows for the site, and the same rows as V11's fill computes them from the events. */
    static final String[][] ROWS = {
            {"SELECT website_id, visit_id, session_id, first_at, last_at, views, secs FROM visit_view_span WHERE website_id = ?::uuid",
                    "SELECT website_id, visit_id, (array_agg(session_id))[1], min(created_at), max(created_at), count(*)::int, "
                            + "floor(extract(epoch FROM max(created_at) - min(created_at)))::bigint FROM event "
                            + "WHERE event_type IN (1, 3, 4) AND website_id = ?::uuid GROUP BY website_id, visit_id"},
            {"SELECT website_id, session_id, first_at, last_at FROM session_view_span WHERE website_id = ?::uuid",
                    "SELECT website_id, session_id, min(created_at), max(created_at) FROM event "
                            + "WHERE event_type IN (1, 3, 4) AND website_id = ?::uuid GROUP BY website_id, session_id"},
            {"SELECT website_id, hour, session_id, views, prev_hour, prev_slot FROM session_hour_view WHERE website_id = ?::uuid",
                    "SELECT website_id, hour, session_id, n, lag(hour) OVER (PARTITION BY session_id ORDER BY hour), "
                            + "lag(hour) OVER (PARTITION BY session_id, extract(isodow FROM hour), extract(hour FROM hour) ORDER BY hour) FROM ("
                            + "SELECT website_id, date_trunc('hour', created_at) AS hour, session_id, count(*)::int AS n FROM event "
                            + "WHERE event_type IN (1, 3, 4) AND website_id = ?::uuid GROUP BY 1, 2, 3) h"}};

    static TestServer server;
    static UUID site;
    static Analytics accelerated;
    static Analytics reference;
    static GeneratedTraffic traffic;
    static Instant now;

    @BeforeAll
    static void start() {
        EqualityFixture.Started started = EqualityFixture.start(SEED);
        server = started.server();
        site = started.site();
        now = started.now();
        traffic = started.traffic();
        traffic.hits.addAll(weeklyReturns(traffic.hits, new Random(SEED)));
        traffic.hits.sort(Comparator.comparing(CollectedHit::createdAt));
        openPaths();
    }

    /**
     * For a third of the sessions, their views again one to three weeks earlier (new visits), at the same UTC hour of the
     * week or an hour beside it: sessions that return to a weekly cell, across the traffic's DST changes too, for the
     * heatmap's slot links (V19). The generated sessions alone last days, so they rarely repeat a cell.
     */
    private static List<CollectedHit> weeklyReturns(List<CollectedHit> generated, Random r) {
        List<CollectedHit> copies = new ArrayList<>();
        Map<UUID, long[]> shifts = new HashMap<>();
        Map<List<UUID>, UUID> visits = new HashMap<>();
        for (CollectedHit h : generated) {
            Event e = h.event();
            if (e == null || e.eventType() == EventType.CUSTOM_EVENT || e.eventType() == EventType.PERFORMANCE) continue;
            long[] hours = shifts.computeIfAbsent(h.sessionId(), s -> r.nextInt(3) != 0 ? new long[0]
                    : java.util.stream.IntStream.rangeClosed(1, 1 + r.nextInt(3)).mapToLong(k -> -168L * k + (r.nextInt(4) == 0 ? r.nextInt(3) - 1 : 0)).toArray());
            for (long shift : hours) {
                Instant at = h.createdAt().plus(Duration.ofHours(shift));
                UUID visit = visits.computeIfAbsent(List.of(e.visitId(), new UUID(shift, 0)), k -> UUID.randomUUID());
                Event copy = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), visit, at, e.eventType(), null, e.page(),
                        e.referrer(), e.campaign(), e.session(), Event.WebVitals.NONE);
                copies.add(new CollectedHit(copy, List.of(), h.websiteId(), h.sessionId(), h.distinctId(), at, List.of(), h.flag()));
            }
        }
        return copies;
    }

    private static void openPaths() {
        accelerated = new PostgresAcceleratedAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
        reference = new ReferenceAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void acceleratorEqualsReferenceThroughLateHitsCrashAndUpgrade() throws Exception {
        assertThat(server.backend()).isEqualTo("postgresql");
        Random r = new Random(SEED);
        EqualityFixture.Shares shares = EqualityFixture.split(traffic, r);
        appendInBatches(shares.early(), r);
        compare("early hits", r);
        appendInBatches(shares.late(), r);
        compare("late hits into written hours", r);
        crash(shares, r);
        compare("after a crash, re-shipped", r);
        upgrade();
        compare("first start after V11, V12 and V14 on older events", r);
        bulkLoad();
        compare("after a bulk load", r);

        assertThat(server.http().post("/api/websites/" + site + "/reset", "", server.adminToken()).status()).isEqualTo(200);
        for (String table : List.of("visit_view_span", "session_view_span", "session_hour_view")) {
            assertThat(server.count("SELECT count(*) FROM " + table + " WHERE website_id = ?::uuid", site)).as("reset clears " + table).isZero();
        }
        assertThat(stats(accelerated, wholeDays())).isEqualTo(WebsiteTotals.ZERO);
        assertThat(accelerated.pageviews(wholeDays()).pageviews()).isEmpty();
    }

    /** {@link EqualityFixture#crash}: acknowledged hits whose shipping was not recorded are shipped again on start. */
    private static void crash(EqualityFixture.Shares shares, Random r) throws Exception {
        server = EqualityFixture.crash(server, site, traffic, shares, r).server();
        openPaths();
    }

    /** A store written before V11: its rollups and versions dropped, then a start, which applies V11 and V12 and fills them. */
    private static void upgrade() throws Exception {
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE visit_view_span, session_view_span, session_hour_view");
                st.execute("DELETE FROM schema_version WHERE version IN (11, 12, 13, 14, 15, 17, 19)"); // V13, V14, V15, V17 and V19 add columns to V11's and V12's tables
            }
            return null;
        });
        server = server.restart(Map.of());
        openPaths();
    }

    /** As after the query bench's copy: the hour rows spoiled, then computed again from the events. */
    private static void bulkLoad() throws Exception {
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE session_hour_view SET prev_hour = NULL, prev_slot = hour, views = views + 1");
            }
            io.footfall.accelerate.postgres.SpanRows.rebuildAll(c);
            return null;
        });
    }

    private static void appendInBatches(List<CollectedHit> hits, Random r) {
        EqualityFixture.appendInBatches(server, hits, r);
    }

    private void compare(String step, Random r) throws Exception {
        for (String[] rows : ROWS) {
            assertThat(server.query("(" + rows[0] + ") EXCEPT (" + rows[1] + ")", site, site)).as(step + ": rollup rows not from the events").isEmpty();
            assertThat(server.query("(" + rows[1] + ") EXCEPT (" + rows[0] + ")", site, site)).as(step + ": rollup rows missing").isEmpty();
        }
        RandomRequests requests = new RandomRequests(r, now, traffic);
        int covered = 0;
        int series = 0;
        int weekly = 0;
        for (int i = 0; i < REQUESTS; i++) {
            RandomRequests.Request req = requests.next();
            QueryParams asked = QueryParams.parse(req.source());
            for (QueryParams p : List.of(asked, asked.withFilters(List.of()))) {
                EventScope scope = new EventScope(site, p, accelerated.dialect());
                String at = step + " / " + req + (p == asked ? "" : " without filters");
                WebsiteTotals fast = stats(accelerated, scope);
                assertThat(Json.MAPPER.writeValueAsString(fast)).as(at + " stats")
                        .isEqualTo(Json.MAPPER.writeValueAsString(stats(reference, scope)));
                if (fast.visits() > 0 && p.filters().isEmpty()) covered++;
                PageviewSeries.Series points = accelerated.pageviews(scope);
                assertThat(Json.MAPPER.writeValueAsString(points)).as(at + " pageviews")
                        .isEqualTo(Json.MAPPER.writeValueAsString(reference.pageviews(scope)));
                if (!points.pageviews().isEmpty() && p.filters().isEmpty() && PostgresAcceleratedAnalytics.seriesFromRollup(p)) series++;
                long[][] cells = accelerated.sessionWeekly(scope);
                assertThat(cells).as(at + " weekly").isEqualTo(reference.sessionWeekly(scope));
                if (fast.visits() > 0 && PostgresAcceleratedAnalytics.weeklyFromRollup(p)) weekly++;
            }
        }
        assertThat(covered).as(step + ": requests with visits the rollup answered").isGreaterThan(REQUESTS / 4);
        assertThat(series).as(step + ": series with views the hour rows answered").isGreaterThan(REQUESTS / 4);
        assertThat(weekly).as(step + ": weekly heatmaps with views the hour rows answered").isGreaterThan(REQUESTS / 4);
    }

    private static EventScope wholeDays() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        QueryParams p = QueryParams.parse(new RandomRequests.Request(Map.of("startAt", Long.toString(start.toEpochMilli()),
                "endAt", Long.toString(now.toEpochMilli()))).source());
        return new EventScope(site, p, accelerated.dialect());
    }

    private static WebsiteTotals stats(Analytics a, EventScope scope) throws Exception {
        return a.stats(scope);
    }
}
