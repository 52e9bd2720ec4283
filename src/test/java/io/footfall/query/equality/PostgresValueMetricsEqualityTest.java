package io.footfall.query.equality;

import io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics;
import io.footfall.accelerate.postgres.ValueRows;
import io.footfall.config.QueryOptions;
import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.http.Json;
import io.footfall.query.Analytics;
import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.store.wal.CrashedLog;
import io.footfall.testing.OnPostgreSql;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code metrics?type=<value kind>} on PostgreSQL from {@code session_value_span} (V13) answers exactly what the
 * raw-events reference answers, for every metric type the rows keep, over {@link GeneratedTraffic} (with some hits
 * changing their session's attributes, so a session has several values of a kind) and {@link RandomRequests}' ranges,
 * limits and offsets. Compared after each step of the store's life: batches, late hits, a crash re-ship, the first
 * start after V13 on older events (its fill), a bulk load ({@link ValueRows#rebuildAll}); after each the rows are also
 * those computed afresh from the events; a website reset leaves none. Seed: {@code -Dequality.seed=N} (default 22).
 */
@OnPostgreSql
class PostgresValueMetricsEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 22);
    static final int REQUESTS = Integer.getInteger("equality.requests", 14);
    static final String ROWS = "SELECT website_id, kind::int, value, country, session_id, first_at, last_hour, events FROM session_value_span "
            + "WHERE website_id = ?::uuid";

    static TestServer server;
    static UUID site;
    static Analytics accelerated;
    static Analytics reference;
    static GeneratedTraffic traffic;
    static List<CollectedHit> hits;
    static Instant now;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = UUID.fromString(server.createWebsite("Values", "example.com"));
        openPaths();
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        traffic = GeneratedTraffic.generate(site, SEED, 500, now);
        Random r = new Random(SEED);
        hits = new ArrayList<>();
        for (CollectedHit h : traffic.hits) hits.add(r.nextInt(6) == 0 ? varied(h, r) : h);
    }

    private static void openPaths() {
        accelerated = new PostgresAcceleratedAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
        reference = new ReferenceAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * The hit with other session attributes and page values: a second browser, a language that lowers to another's, a
     * region without country, an empty country, an empty path and title (missing values, never answered).
     */
    private static CollectedHit varied(CollectedHit h, Random r) {
        Event e = h.event();
        if (e == null) return h;
        Event.SessionAttributes a = e.session();
        Event.SessionAttributes other = switch (r.nextInt(4)) {
            case 0 -> new Event.SessionAttributes("opera", a.os(), a.device(), a.screen(), "EN-au", a.country(), a.region(), a.city(), a.distinctId());
            case 1 -> new Event.SessionAttributes(a.browser(), a.os(), a.device(), a.screen(), a.language(), null, "US-NY", "New York", a.distinctId());
            case 2 -> new Event.SessionAttributes(a.browser(), a.os(), a.device(), "", a.language(), "", "DE-BE", null, "");
            default -> a;
        };
        Event.Page page = r.nextBoolean() ? new Event.Page(e.page().hostname(), "", "", "", e.page().tag()) : e.page();
        Event v = new Event(e.eventId(), e.websiteId(), e.sessionId(), e.visitId(), e.createdAt(), e.eventType(), e.eventName(),
                page, e.referrer(), e.campaign(), other, e.vitals());
        return new CollectedHit(v, h.eventData(), h.websiteId(), h.sessionId(), h.distinctId(), h.createdAt(), h.sessionData(), h.flag());
    }

    @Test
    void valueMetricsEqualReferenceThroughLateHitsCrashUpgradeAndBulkLoad() throws Exception {
        assertThat(server.backend()).isEqualTo("postgresql");
        Random r = new Random(SEED);
        List<CollectedHit> early = new ArrayList<>();
        List<CollectedHit> late = new ArrayList<>();
        List<CollectedHit> lost = new ArrayList<>();
        for (CollectedHit h : hits) {
            int k = r.nextInt(20);
            (k < 12 ? early : k < 17 ? late : lost).add(h);
        }
        appendInBatches(early, r);
        compare("early hits", r);
        appendInBatches(late, r);
        compare("late hits into written sessions", r);
        crash(early, late, lost, r);
        compare("after a crash, re-shipped", r);
        upgrade();
        compare("first start after V13 on older events", r);
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM session_value_span");
            }
            ValueRows.rebuildAll(c);
            return null;
        });
        compare("after a bulk load", r);

        assertThat(server.http().post("/api/websites/" + site + "/reset", "", server.adminToken()).status()).isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM session_value_span WHERE website_id = ?::uuid", site)).as("reset clears the rows").isZero();
        QueryParams all = QueryParams.parse(new RandomRequests.Request(Map.of("startAt", "0", "endAt", Long.toString(now.toEpochMilli()))).source());
        assertThat(accelerated.metrics(new EventScope(site, all, accelerated.dialect()), MetricType.of("path"))).isEmpty();
    }

    /** As in {@link PostgresAcceleratorEqualityTest}: acknowledged hits whose shipping was not recorded are shipped again on start. */
    private static void crash(List<CollectedHit> early, List<CollectedHit> late, List<CollectedHit> lost, Random r) throws Exception {
        appendInBatches(lost.subList(0, lost.size() / 2), r);
        List<CollectedHit> unrecorded = new ArrayList<>();
        for (CollectedHit h : early) if (r.nextInt(10) == 0) unrecorded.add(h);
        for (CollectedHit h : late) if (r.nextInt(10) == 0) unrecorded.add(h);
        unrecorded.addAll(lost);
        java.nio.file.Path data = server.dataDir();
        Map<String, String> env = server.env();
        server.close();
        CrashedLog.leaveUnshipped(data.resolve("ingest-log"), unrecorded);
        server = TestServer.start(data, env);
        openPaths();
        long stored = server.count("SELECT count(*) FROM event WHERE website_id = ?::uuid", site);
        assertThat(stored).as("every hit once after re-shipping").isEqualTo(hits.stream().filter(h -> h.event() != null).count());
    }

    /** A store written before V13: its rows and version dropped, then a start, which applies V13 and fills them. */
    private static void upgrade() throws Exception {
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE session_value_span");
                st.execute("DELETE FROM schema_version WHERE version = 13");
            }
            return null;
        });
        server = server.restart(Map.of());
        openPaths();
    }

    private static void appendInBatches(List<CollectedHit> batch, Random r) {
        int i = 0;
        while (i < batch.size()) {
            int n = Math.min(batch.size() - i, 1 + r.nextInt(400));
            server.append(batch.subList(i, i + n).toArray(CollectedHit[]::new));
            i += n;
        }
    }

    private void compare(String step, Random r) throws Exception {
        String fresh = ValueRows.rowsOfEvents("e.website_id = ?::uuid");
        assertThat(server.query("(" + ROWS + ") EXCEPT (" + fresh + ")", site, site)).as(step + ": rows not from the events").isEmpty();
        assertThat(server.query("(" + fresh + ") EXCEPT (" + ROWS + ")", site, site)).as(step + ": rows missing").isEmpty();
        RandomRequests requests = new RandomRequests(r, now, traffic);
        int covered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            RandomRequests.Request req = requests.next();
            QueryParams asked = QueryParams.parse(req.source());
            for (QueryParams p : List.of(asked, asked.withFilters(List.of()))) {
                EventScope scope = new EventScope(site, p, accelerated.dialect());
                for (String name : RandomRequests.METRICS) {
                    MetricType type = MetricType.of(name);
                    if (type.isEntryExit()) continue;
                    List<Map<String, Object>> fast = accelerated.metrics(scope, type);
                    assertThat(Json.MAPPER.writeValueAsString(fast)).as(step + " / " + req + (p == asked ? "" : " without filters") + " metrics " + name)
                            .isEqualTo(Json.MAPPER.writeValueAsString(reference.metrics(scope, type)));
                    if (!fast.isEmpty() && PostgresAcceleratedAnalytics.metricsFromRollup(p, type)) covered++;
                }
            }
        }
        assertThat(covered).as(step + ": non-empty answers the value rows gave").isGreaterThan(REQUESTS * 8);
    }
}
