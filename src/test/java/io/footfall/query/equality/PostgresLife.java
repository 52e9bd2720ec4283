package io.footfall.query.equality;

import io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics;
import io.footfall.accelerate.postgres.SpanRows;
import io.footfall.config.QueryOptions;
import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
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
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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

    /**
     * Strays for a test's extra hits: for about one in {@code oneIn} of the generated events that {@code picked} takes, an
     * event of {@code type} and {@code name} a second later in the same visit, whose session attributes are one of
     * {@code changes} (at random) applied to its own.
     */
    static List<CollectedHit> strays(List<CollectedHit> generated, Random r, Predicate<Event> picked, int oneIn, int type, String name,
                                     List<UnaryOperator<Event.SessionAttributes>> changes) {
        List<CollectedHit> out = new ArrayList<>();
        for (CollectedHit h : generated) {
            Event e = h.event();
            if (e == null || !picked.test(e) || r.nextInt(oneIn) != 0) continue;
            Event.SessionAttributes other = changes.get(r.nextInt(changes.size())).apply(e.session());
            Instant at = h.createdAt().plusSeconds(1);
            Event stray = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), at, type, name,
                    e.page(), e.referrer(), e.campaign(), other, Event.WebVitals.NONE);
            out.add(new CollectedHit(stray, List.of(), h.websiteId(), h.sessionId(), h.distinctId(), at, List.of(), h.flag()));
        }
        return out;
    }

    /** The attributes with another browser: a stray's change. */
    static Event.SessionAttributes otherBrowser(Event.SessionAttributes a) {
        return new Event.SessionAttributes("chrome".equals(a.browser()) ? "firefox" : "chrome", a.os(), a.device(), a.screen(),
                a.language(), a.country(), a.region(), a.city(), a.distinctId());
    }

    /** The attributes with another city: a stray's change. */
    static Event.SessionAttributes otherCity(Event.SessionAttributes a) {
        return new Event.SessionAttributes(a.browser(), a.os(), a.device(), a.screen(), a.language(), a.country(), a.region(),
                "Berlin".equals(a.city()) ? "Potsdam" : "Berlin", a.distinctId());
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

    /**
     * The rows of {@code table}, a session span that keeps {@code columns} while the session's events ({@code counted}, a
     * condition on the event table) agree, are those an independent query computes from the events: per session the first
     * and last event, its events' values when they all agree (NULL too), else NULLs and mixed. And some sessions are mixed.
     */
    void assertAgreeingRows(String step, String table, String columns, String counted) {
        List<String> list = List.of(columns.split(", "));
        String fromEvents = "SELECT e.session_id, min(e.created_at), max(e.created_at), "
                + String.join(", ", list.stream().map(c -> "CASE WHEN bool_and(m.one) THEN max(e." + c + ") END").toList())
                + ", NOT bool_and(m.one) FROM event e JOIN LATERAL (SELECT " + columns
                + " FROM event f WHERE f.website_id = e.website_id AND f.session_id = e.session_id AND f." + counted + " "
                + "ORDER BY f.event_id LIMIT 1) f ON true "
                + "CROSS JOIN LATERAL (SELECT (" + String.join(", ", list.stream().map(c -> "e." + c).toList()) + ") "
                + "IS NOT DISTINCT FROM (" + String.join(", ", list.stream().map(c -> "f." + c).toList()) + ") AS one) m "
                + "WHERE e.website_id = ?::uuid AND e." + counted + " GROUP BY e.session_id";
        assertSameRows(step, "rows", "SELECT session_id, first_at, last_at, " + columns + ", mixed FROM " + table + " WHERE website_id = ?::uuid",
                fromEvents);
        assertThat(server.count("SELECT count(*) FROM " + table + " WHERE website_id = ?::uuid AND mixed", site))
                .as(step + ": sessions whose events disagree").isPositive();
    }

    /** {@code n} random requests without filters. */
    List<QueryParams> unfilteredRequests(Random r, int n) {
        List<QueryParams> out = new ArrayList<>();
        RandomRequests requests = new RandomRequests(r, now, traffic);
        for (int i = 0; i < n; i++) out.add(QueryParams.parse(requests.next().source()).withFilters(List.of()));
        return out;
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
