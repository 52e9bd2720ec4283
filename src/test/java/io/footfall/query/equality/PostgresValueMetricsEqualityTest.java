package io.footfall.query.equality;

import io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics;
import io.footfall.config.QueryOptions;
import io.footfall.event.CollectedHit;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator's per-view value metrics (path, title, hostname, query, tag, referrer, domain, channel, utm*;
 * {@code session_value} and {@code session_value_extra}, V21) equal the reference's on generated traffic whose views vary
 * these values within a session (several paths, referrers, hosts with and without www, UTM fields): random requests (with
 * search, which the reference answers), and ranges cut inside sessions (beginning before the range and ending after it),
 * with paging. Compared after hits in batches, late hits, a crash re-ship, the first start after V21 on older events, a
 * bulk load ({@code SpanRows.rebuildAll}); a website reset leaves no rows. After each step every (session, kind, value)
 * with its first and last view is in the rows exactly once, as an independent query computes it from the events.
 */
@OnPostgreSql
class PostgresValueMetricsEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 25);
    static final int REQUESTS = Integer.getInteger("equality.requests", 14);
    static final String[] TYPES = {"path", "title", "hostname", "query", "tag", "referrer", "domain", "channel", "utmSource",
            "utmMedium", "utmCampaign", "utmContent", "utmTerm"};
    static final String[] COLUMNS = {"hostname", "referrer", "channel", "query", "tag", "utm_source", "utm_medium", "utm_campaign",
            "utm_content", "utm_term", "title", "path"};
    /** The value each kind counts per view, as the reference's metric expressions and conditions (MetricType) read it. */
    static final String[] FROM_EVENT = {"e.hostname",
            "CASE WHEN e.referrer_domain <> e.hostname AND e.referrer_domain <> regexp_replace(e.hostname, '^www\\.', '') THEN e.referrer_domain END",
            "e.channel", "nullif(e.url_query, '')", "e.tag", "e.utm_source", "e.utm_medium", "e.utm_campaign", "e.utm_content", "e.utm_term",
            "e.page_title", "e.url_path"};
    static final String ROWS;
    static final String TUPLES;

    static {
        StringBuilder slots = new StringBuilder(), kinds = new StringBuilder();
        for (int i = 0; i < COLUMNS.length; i++) {
            String c = "v." + COLUMNS[i];
            slots.append(i == 0 ? "" : ", ").append("(").append(i + 1).append(", ").append(c).append(", ").append(c).append("_first, ")
                    .append(c).append("_last)");
            kinds.append(i == 0 ? "" : ", ").append("(").append(i + 1).append(", ").append(FROM_EVENT[i]).append(")");
        }
        ROWS = "SELECT v.session_id, k.kind, k.value, k.f, k.l FROM session_value v CROSS JOIN LATERAL (VALUES " + slots
                + ") AS k(kind, value, f, l) WHERE v.website_id = ?::uuid AND k.value IS NOT NULL "
                + "UNION ALL SELECT session_id, kind, value, first_at, last_at FROM session_value_extra WHERE website_id = ?::uuid";
        TUPLES = "SELECT e.session_id, k.kind, k.value, min(e.created_at), max(e.created_at) FROM event e CROSS JOIN LATERAL (VALUES "
                + kinds + ") AS k(kind, value) WHERE e.website_id = ?::uuid AND e.event_type IN (1, 3, 4) AND k.value IS NOT NULL "
                + "AND k.value <> '' GROUP BY 1, 2, 3";
    }

    static TestServer server;
    static UUID site;
    static Analytics accelerated;
    static Analytics reference;
    static GeneratedTraffic traffic;
    static Instant now;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = UUID.fromString(server.createWebsite("Values", "example.com"));
        openPaths();
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        traffic = GeneratedTraffic.generate(site, SEED, 500, now);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void openPaths() {
        accelerated = new PostgresAcceleratedAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
        reference = new ReferenceAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
    }

    @Test
    void valueMetricsEqualReferenceThroughLateHitsCrashUpgradeAndBulkLoad() throws Exception {
        Random r = new Random(SEED);
        List<CollectedHit> early = new ArrayList<>();
        List<CollectedHit> late = new ArrayList<>();
        List<CollectedHit> lost = new ArrayList<>();
        for (CollectedHit h : traffic.hits) {
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
        compare("first start after V21 on older events", r);
        bulkLoad();
        compare("after a bulk load", r);

        assertThat(server.http().post("/api/websites/" + site + "/reset", "", server.adminToken()).status()).isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM session_value WHERE website_id = ?::uuid", site)).as("reset clears the rows").isZero();
        assertThat(server.count("SELECT count(*) FROM session_value_extra WHERE website_id = ?::uuid", site)).as("reset clears the extra rows").isZero();
        EventScope all = scope(Map.of("startAt", "0", "endAt", Long.toString(now.toEpochMilli())));
        for (String type : TYPES) assertThat(accelerated.metrics(all, MetricType.of(type))).as(type + " after reset").isEmpty();
    }

    private static void appendInBatches(List<CollectedHit> batch, Random r) {
        int i = 0;
        while (i < batch.size()) {
            int n = Math.min(batch.size() - i, 1 + r.nextInt(300));
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
                .isEqualTo(traffic.hits.stream().filter(h -> h.event() != null).count());
    }

    /** A store from before V21: its tables dropped, the version forgotten; the start applies V21, which fills them. */
    private static void upgrade() throws Exception {
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE session_value, session_value_extra");
                st.execute("DELETE FROM schema_version WHERE version = 21");
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
                st.execute("UPDATE session_value SET path = 'stale', channel_last = channel_first WHERE session_id::text < '8'");
                st.execute("DELETE FROM session_value_extra WHERE session_id::text > 'c'");
            }
            io.footfall.accelerate.postgres.SpanRows.rebuildAll(c);
            return null;
        });
    }

    private void compare(String step, Random r) throws Exception {
        assertThat(server.query("(" + ROWS + ") EXCEPT ALL (" + TUPLES + ")", site, site, site)).as(step + ": rows not from the events").isEmpty();
        assertThat(server.query("(" + TUPLES + ") EXCEPT ALL (" + ROWS + ")", site, site, site)).as(step + ": rows missing").isEmpty();
        assertThat(server.query("SELECT session_id, first_at, last_at FROM session_value WHERE website_id = ?::uuid EXCEPT "
                + "SELECT t.session_id, min(t.min), max(t.max) FROM (" + TUPLES + ") t GROUP BY 1", site, site)).as(step + ": session spans").isEmpty();
        assertThat(server.count("SELECT count(*) FROM session_value_extra WHERE website_id = ?::uuid", site))
                .as(step + ": sessions with several values of a kind").isGreaterThan(100);
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
     * before its last (the session's values cross both ends), and the hour after its first view; some with paging.
     */
    private static List<QueryParams> cutSessions(Random r) {
        List<QueryParams> out = new ArrayList<>();
        List<Map<String, Object>> spans = server.query("SELECT first_at, last_at FROM session_value WHERE website_id = ?::uuid "
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
