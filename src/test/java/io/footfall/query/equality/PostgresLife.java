package io.footfall.query.equality;

import io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics;
import io.footfall.accelerate.postgres.SpanRows;
import io.footfall.config.QueryOptions;
import io.footfall.event.CollectedHit;
import io.footfall.http.Json;
import io.footfall.query.Analytics;
import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.testing.TestServer;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's life every PostgreSQL accelerator equality test compares through, on the real PostgreSQL: a website with
 * generated traffic (plus the test's own extra hits), appended in batches of random size, late hits into rows already
 * written, a crash whose acknowledged hits are shipped again, a first start after the test's migrations on rows written
 * before them, and a bulk load ({@code SpanRows.rebuildAll}) over spoiled rows. After each step the test's check runs:
 * its rollup rows against the same rows computed from the events ({@link #assertSameRows}), and the accelerated answers
 * against the reference's ({@link #accelerated()}, {@link #reference()}).
 */
final class PostgresLife {
    private TestServer server;
    private final UUID site;
    private final Instant now;
    private final GeneratedTraffic traffic;
    private final List<CollectedHit> hits;
    private Analytics accelerated;
    private Analytics reference;

    private PostgresLife(TestServer server, UUID site, Instant now, GeneratedTraffic traffic, List<CollectedHit> hits) {
        this.server = server;
        this.site = site;
        this.now = now;
        this.traffic = traffic;
        this.hits = hits;
        openPaths();
    }

    /**
     * A started server with website {@code name}, the traffic of {@code sessions} sessions generated from {@code seed}, and
     * the hits the test sends: {@code withExtras} gets the generated hits and a {@code Random(seed)} and returns them plus its own.
     */
    static PostgresLife start(String name, long seed, int sessions, BiFunction<List<CollectedHit>, Random, List<CollectedHit>> withExtras) {
        TestServer server = TestServer.start();
        UUID site = UUID.fromString(server.createWebsite(name, "example.com"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        GeneratedTraffic traffic = GeneratedTraffic.generate(site, seed, sessions, now);
        return new PostgresLife(server, site, now, traffic, withExtras.apply(traffic.hits, new Random(seed)));
    }

    /** The generated traffic only. */
    static PostgresLife start(String name, long seed, int sessions) {
        return start(name, seed, sessions, (generated, r) -> generated);
    }

    /** What a test checks after each step of the life. */
    @FunctionalInterface
    interface Check {
        void after(String step, Random r) throws Exception;
    }

    /** The steps a store goes through before a start applies the test's migrations, and how its rows get spoiled before a bulk load. */
    record Changes(String upgradedStep, List<String> upgrade, List<String> spoil) {
    }

    /**
     * Goes through the life: early hits, late hits, a crash re-ship, the upgrade (the statements of {@code changes.upgrade}
     * undo the test's migrations — drop their tables and columns, delete their schema_version rows — then a restart applies
     * and fills them), a bulk load (the {@code spoil} statements, then {@code SpanRows.rebuildAll}); {@code check} after each.
     */
    void live(Random r, Changes changes, Check check) throws Exception {
        EqualityFixture.Shares shares = EqualityFixture.split(hits, r);
        EqualityFixture.appendInBatches(server, shares.early(), r);
        check.after("early hits", r);
        EqualityFixture.appendInBatches(server, shares.late(), r);
        check.after("late hits into rows already written", r);
        server = EqualityFixture.crash(server, site, hits, shares, r).server();
        openPaths();
        check.after("after a crash, re-shipped", r);
        execute(changes.upgrade());
        server = server.restart(Map.of());
        openPaths();
        check.after(changes.upgradedStep(), r);
        bulkLoad(changes.spoil());
        check.after("after a bulk load", r);
    }

    /** As after the query bench's copy: the rows spoiled by {@code spoil}, then computed again from the events. */
    void bulkLoad(List<String> spoil) throws Exception {
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                for (String sql : spoil) st.execute(sql);
            }
            SpanRows.rebuildAll(c);
            return null;
        });
    }

    private void execute(List<String> statements) throws Exception {
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                for (String sql : statements) st.execute(sql);
            }
            return null;
        });
    }

    /**
     * The rollup's rows ({@code rollup}) are exactly those computed from the events ({@code fromEvents}): none not from the
     * events, none missing. Each {@code ?} in either statement is the site.
     */
    void assertSameRows(String step, String what, String rollup, String fromEvents) {
        Object[] sites = new Object[(int) (rollup + fromEvents).chars().filter(ch -> ch == '?').count()];
        Arrays.fill(sites, site);
        assertThat(server.query("(" + rollup + ") EXCEPT (" + fromEvents + ")", sites)).as(step + ": " + what + " not from the events").isEmpty();
        assertThat(server.query("(" + fromEvents + ") EXCEPT (" + rollup + ")", sites)).as(step + ": " + what + " missing").isEmpty();
    }

    /** The first and last instant (epoch ms) of up to eight of the site's sessions in {@code spans} that last over a day. */
    List<long[]> longSessions(String spans) {
        List<long[]> out = new ArrayList<>();
        for (Map<String, Object> span : server.query("SELECT first_at, last_at FROM " + spans + " WHERE website_id = ?::uuid "
                + "AND last_at > first_at + interval '1 day' ORDER BY session_id LIMIT 8", site)) {
            out.add(new long[]{epochMillis(span.get("first_at")), epochMillis(span.get("last_at"))});
        }
        assertThat(out).as("sessions over several days").hasSizeGreaterThan(4);
        return out;
    }

    private static long epochMillis(Object timestamp) {
        return ((Timestamp) timestamp).toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /**
     * Ranges inside the sessions of {@link #longSessions}: from a millisecond after one session's first view to a millisecond
     * before its last (the session crosses both ends), and the hour after its first view; some with paging.
     */
    List<QueryParams> cutSessions(Random r, String spans) {
        List<QueryParams> out = new ArrayList<>();
        for (long[] s : longSessions(spans)) {
            for (long[] range : new long[][]{{s[0] + 1, s[1] - 1}, {s[0] + 1, s[0] + 3_600_000L}}) {
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
        return out;
    }

    /** Each metric type over each range, accelerated against the reference; how many answers without search were not empty. */
    int compareMetrics(String step, List<QueryParams> asked, String... types) throws Exception {
        int answered = 0;
        for (QueryParams p : asked) {
            EventScope scope = scope(p);
            for (String type : types) {
                String at = step + " / " + p.startAt() + " .. " + p.endAt() + " limit " + p.limit() + " offset " + p.offset()
                        + " search " + p.search() + " " + type;
                List<Map<String, Object>> fast = accelerated.metrics(scope, MetricType.of(type));
                assertThat(Json.MAPPER.writeValueAsString(fast)).as(at)
                        .isEqualTo(Json.MAPPER.writeValueAsString(reference.metrics(scope, MetricType.of(type))));
                if (!fast.isEmpty() && p.search() == null) answered++;
            }
        }
        return answered;
    }

    /** The website's rows in {@code table}. */
    long rows(String table) {
        return server.count("SELECT count(*) FROM " + table + " WHERE website_id = ?::uuid", site);
    }

    /** Resets the website through the API, as a user would. */
    void reset() {
        assertThat(server.http().post("/api/websites/" + site + "/reset", "", server.adminToken()).status()).isEqualTo(200);
    }

    /** The scope of this query (startAt, endAt, ...) on {@code website}. */
    EventScope scope(UUID website, Map<String, String> query) {
        return new EventScope(website, QueryParams.parse(new RandomRequests.Request(query).source()), accelerated.dialect());
    }

    EventScope scope(Map<String, String> query) {
        return scope(site, query);
    }

    EventScope scope(QueryParams p) {
        return new EventScope(site, p, accelerated.dialect());
    }

    private void openPaths() {
        accelerated = new PostgresAcceleratedAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
        reference = new ReferenceAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
    }

    TestServer server() {
        return server;
    }

    UUID site() {
        return site;
    }

    Instant now() {
        return now;
    }

    GeneratedTraffic traffic() {
        return traffic;
    }

    List<CollectedHit> hits() {
        return hits;
    }

    Analytics accelerated() {
        return accelerated;
    }

    Analytics reference() {
        return reference;
    }

    void close() {
        server.close();
    }
}
