package io.footfall.query.equality;

import io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics;
import io.footfall.config.QueryOptions;
import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.event.EventType;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator's session-attribute metrics (session_view_span's attributes, V13) equal the reference's for
 * every such type, on generated traffic plus views that disagree with their session's attributes (another browser, city,
 * country or no language): random requests, and ranges cut inside sessions (a session beginning before the range and ending
 * after it, with or without a view inside), with paging. Compared after hits in batches, late hits, a crash re-ship, the
 * first start after V13 on older rows, a bulk load ({@code SpanRows.rebuildAll}); a website reset leaves no rows. After each
 * step the rows are also those an independent query computes from the events.
 */
@OnPostgreSql
class PostgresSessionValuesEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 23);
    static final int REQUESTS = Integer.getInteger("equality.requests", 20);
    static final String[] TYPES = {"browser", "os", "device", "screen", "language", "country", "region", "city", "distinctId"};
    static final String ATTRIBUTES = "browser, os, device, screen, language, country, region, city, distinct_id";
    static final String ROWS = "SELECT session_id, first_at, last_at, " + ATTRIBUTES + ", mixed FROM session_view_span WHERE website_id = ?::uuid";
    /** Per session with views: first and last view; its views' attributes when they all agree (NULL too), else NULLs and mixed. */
    static final String FROM_EVENTS = "SELECT e.session_id, min(e.created_at), max(e.created_at), "
            + String.join(", ", java.util.Arrays.stream(ATTRIBUTES.split(", "))
            .map(c -> "CASE WHEN bool_and(m.one) THEN max(e." + c + ") END").toList())
            + ", NOT bool_and(m.one) FROM event e JOIN LATERAL (SELECT " + ATTRIBUTES
            + " FROM event f WHERE f.website_id = e.website_id AND f.session_id = e.session_id AND f.event_type IN (1, 3, 4) "
            + "ORDER BY f.event_id LIMIT 1) f ON true "
            + "CROSS JOIN LATERAL (SELECT (e.browser, e.os, e.device, e.screen, e.language, e.country, e.region, e.city, e.distinct_id) "
            + "IS NOT DISTINCT FROM (f.browser, f.os, f.device, f.screen, f.language, f.country, f.region, f.city, f.distinct_id) AS one) m "
            + "WHERE e.website_id = ?::uuid AND e.event_type IN (1, 3, 4) GROUP BY e.session_id";

    static TestServer server;
    static UUID site;
    static Analytics accelerated;
    static Analytics reference;
    static List<CollectedHit> hits;
    static GeneratedTraffic traffic;
    static Instant now;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = UUID.fromString(server.createWebsite("Values", "example.com"));
        openPaths();
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        traffic = GeneratedTraffic.generate(site, SEED, 500, now);
        hits = withStrays(traffic.hits, new Random(SEED));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void openPaths() {
        accelerated = new PostgresAcceleratedAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
        reference = new ReferenceAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
    }

    /** The traffic plus, for some views, a view a second later in the same visit whose attributes differ from its session's. */
    private static List<CollectedHit> withStrays(List<CollectedHit> generated, Random r) {
        List<CollectedHit> all = new ArrayList<>(generated);
        for (CollectedHit h : generated) {
            Event e = h.event();
            if (e == null || e.eventType() != EventType.PAGEVIEW || r.nextInt(12) != 0) continue;
            Event.SessionAttributes a = e.session();
            Event.SessionAttributes other = switch (r.nextInt(4)) {
                case 0 -> new Event.SessionAttributes("chrome".equals(a.browser()) ? "firefox" : "chrome", a.os(), a.device(), a.screen(),
                        a.language(), a.country(), a.region(), a.city(), a.distinctId());
                case 1 -> new Event.SessionAttributes(a.browser(), a.os(), a.device(), a.screen(), a.language(), a.country(), a.region(),
                        "Berlin".equals(a.city()) ? "Potsdam" : "Berlin", a.distinctId());
                case 2 -> new Event.SessionAttributes(a.browser(), a.os(), a.device(), a.screen(), a.language(),
                        "DE".equals(a.country()) ? "AT" : "DE", "DE-BE", "Berlin", a.distinctId());
                default -> new Event.SessionAttributes(a.browser(), a.os(), a.device(), a.screen(), a.language() == null ? "pt-BR" : null,
                        a.country(), a.region(), a.city(), a.distinctId());
            };
            Instant at = h.createdAt().plusSeconds(1);
            Event stray = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), at, EventType.PAGEVIEW, null,
                    e.page(), e.referrer(), e.campaign(), other, Event.WebVitals.NONE);
            all.add(new CollectedHit(stray, List.of(), h.websiteId(), h.sessionId(), h.distinctId(), at, List.of(), h.flag()));
        }
        all.sort(Comparator.comparing(CollectedHit::createdAt));
        return all;
    }

    @Test
    void sessionValueMetricsEqualReferenceThroughLateHitsCrashUpgradeAndBulkLoad() throws Exception {
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
        compare("first start after V13 on older rows", r);
        bulkLoad();
        compare("after a bulk load", r);

        assertThat(server.http().post("/api/websites/" + site + "/reset", "", server.adminToken()).status()).isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM session_view_span WHERE website_id = ?::uuid", site)).as("reset clears the rows").isZero();
        EventScope all = scope(Map.of("startAt", "0", "endAt", Long.toString(now.toEpochMilli())));
        for (String type : TYPES) assertThat(accelerated.metrics(all, MetricType.of(type))).as(type + " after reset").isEmpty();
    }

    private static void appendInBatches(List<CollectedHit> batch, Random r) {
        int i = 0;
        while (i < batch.size()) {
            int n = Math.min(batch.size() - i, 1 + r.nextInt(400));
            server.append(batch.subList(i, i + n).toArray(CollectedHit[]::new));
            i += n;
        }
    }

    /** Acknowledged hits whose shipping was not recorded are shipped again on start: deleted, then appended again. */
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
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::uuid", site)).as("every hit once after re-shipping")
                .isEqualTo(hits.stream().filter(h -> h.event() != null).count());
    }

    /** A store from before V13: the attribute columns dropped, the version forgotten; the start applies V13, which fills them. */
    private static void upgrade() throws Exception {
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE session_view_span DROP COLUMN " + ATTRIBUTES.replace(", ", ", DROP COLUMN ") + ", DROP COLUMN mixed");
                st.execute("DELETE FROM schema_version WHERE version = 13");
            }
            return null;
        });
        server = server.restart(Map.of());
        openPaths();
    }

    /** As after the query bench's copy: the rows spoiled, then computed again from the events. */
    private static void bulkLoad() throws Exception {
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE session_view_span SET browser = 'stale', mixed = false WHERE session_id::text < '8'");
                st.execute("DELETE FROM session_view_span WHERE session_id::text > 'c'");
            }
            io.footfall.accelerate.postgres.SpanRows.rebuildAll(c);
            return null;
        });
    }

    private void compare(String step, Random r) throws Exception {
        assertThat(server.query("(" + ROWS + ") EXCEPT (" + FROM_EVENTS + ")", site, site)).as(step + ": rows not from the events").isEmpty();
        assertThat(server.query("(" + FROM_EVENTS + ") EXCEPT (" + ROWS + ")", site, site)).as(step + ": rows missing").isEmpty();
        assertThat(server.count("SELECT count(*) FROM session_view_span WHERE website_id = ?::uuid AND mixed", site))
                .as(step + ": sessions whose views disagree").isPositive();
        List<QueryParams> asked = new ArrayList<>();
        RandomRequests requests = new RandomRequests(r, now, traffic);
        for (int i = 0; i < REQUESTS; i++) asked.add(QueryParams.parse(requests.next().source()).withFilters(List.of()));
        asked.addAll(cutSessions(r));
        int covered = 0;
        for (QueryParams p : asked) {
            EventScope scope = new EventScope(site, p, accelerated.dialect());
            for (String type : TYPES) {
                String at = step + " / " + p.startAt() + " .. " + p.endAt() + " limit " + p.limit() + " offset " + p.offset()
                        + " search " + p.search() + " " + type;
                List<Map<String, Object>> fast = accelerated.metrics(scope, MetricType.of(type));
                assertThat(Json.MAPPER.writeValueAsString(fast)).as(at)
                        .isEqualTo(Json.MAPPER.writeValueAsString(reference.metrics(scope, MetricType.of(type))));
                if (!fast.isEmpty() && p.search() == null) covered++;
            }
        }
        assertThat(covered).as(step + ": answers from the rows").isGreaterThan(asked.size() * TYPES.length / 3);
    }

    /**
     * Ranges inside sessions with views on several days: from a millisecond after one session's first view to a millisecond
     * before its last (the session crosses both ends), and the hour after its first view; some with paging.
     */
    private static List<QueryParams> cutSessions(Random r) {
        List<QueryParams> out = new ArrayList<>();
        List<Map<String, Object>> spans = server.query("SELECT first_at, last_at FROM session_view_span WHERE website_id = ?::uuid "
                + "AND last_at > first_at + interval '1 day' ORDER BY session_id LIMIT 8", site);
        for (Map<String, Object> span : spans) {
            long first = ((Timestamp) span.get("first_at")).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
            long last = ((Timestamp) span.get("last_at")).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
            for (long[] range : new long[][]{{first + 1, last - 1}, {first + 1, first + 3_600_000L}}) {
                Map<String, String> q = new LinkedHashMap<>();
                q.put("startAt", Long.toString(range[0]));
                q.put("endAt", Long.toString(range[1]));
                if (r.nextBoolean()) {
                    q.put("limit", Integer.toString(1 + r.nextInt(3)));
                    q.put("offset", Integer.toString(r.nextInt(2)));
                }
                out.add(QueryParams.parse(new RandomRequests.Request(q).source()));
            }
        }
        assertThat(out).as("sessions over several days").hasSizeGreaterThan(8);
        return out;
    }

    private static EventScope scope(Map<String, String> query) {
        return new EventScope(site, QueryParams.parse(new RandomRequests.Request(query).source()), accelerated.dialect());
    }
}
