package io.footfall.query.equality;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.event.EventType;
import io.footfall.http.Json;
import io.footfall.query.Analytics;
import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.testing.OnPostgreSql;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator's entry and exit pages (visit_view_span's page columns, V15, and chain columns, V17) and sessions page totals
 * (visit_activity_span, session_activity_span, V16) equal the reference's, on generated traffic with ties added: views of a
 * visit sharing an instant with another path, the same path, or none; and some visits whose events name two countries.
 * Compared after hits in batches, late hits, a crash re-ship, the first start after V15 on older rows, a bulk load
 * ({@code SpanRows.rebuildAll}); a website reset leaves no rows. After each step the page columns are also those an
 * independent query computes from the events.
 */
@OnPostgreSql
class PostgresVisitRowsEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 22);
    static final int REQUESTS = Integer.getInteger("equality.requests", 30);
    /** Per visit with views: its first and last view with a path, the path NULL when such views of that instant differ. */
    static final String PAGES = "SELECT v.visit_id, f.t, f.p, l.t, l.p FROM (SELECT DISTINCT visit_id FROM event "
            + "WHERE website_id = ?::uuid AND event_type IN (1, 3, 4)) v "
            + "LEFT JOIN (" + edge("min") + ") f ON f.visit_id = v.visit_id LEFT JOIN (" + edge("max") + ") l ON l.visit_id = v.visit_id";
    static final String ROLLUP = "SELECT visit_id, entry_at, entry_path, exit_at, exit_path FROM visit_view_span WHERE website_id = ?::uuid";
    /** V17's chain columns, and the same computed from the events (each visit's first view, session and pages). */
    static final String CHAINS = "SELECT visit_id, entry_prev_at, exit_next_at FROM visit_view_span WHERE website_id = ?::uuid";
    static final String CHAINS_FROM_EVENTS = "SELECT g.visit_id, "
            + "CASE WHEN g.ep IS NOT NULL THEN lag(g.f) OVER (PARTITION BY g.s, g.ep ORDER BY g.f, g.visit_id) END, "
            + "CASE WHEN g.xp IS NOT NULL THEN lead(g.f) OVER (PARTITION BY g.s, g.xp ORDER BY g.f, g.visit_id) END "
            + "FROM (SELECT a.visit_id, a.s, a.f, pg.ep, pg.xp FROM (SELECT visit_id, min(session_id::text) AS s, min(created_at) AS f "
            + "FROM event WHERE website_id = ?::uuid AND event_type IN (1, 3, 4) GROUP BY visit_id) a "
            + "JOIN (" + PAGES + ") pg(visit_id, et, ep, xt, xp) ON pg.visit_id = a.visit_id) g";
    /** V16's rows for the site, and the same computed from the events. */
    static final String[][] ACTIVITY = {
            {"SELECT visit_id, session_id, first_at, last_at, events, customs, country, mixed_country, secs FROM visit_activity_span "
                    + "WHERE website_id = ?::uuid",
                    "SELECT visit_id, min(session_id::text)::uuid, min(created_at), max(created_at), count(*)::int, "
                            + "sum(CASE WHEN event_type = 2 THEN 1 ELSE 0 END)::int, CASE WHEN count(DISTINCT country) = 1 THEN max(country) END, "
                            + "count(DISTINCT country) > 1, floor(extract(epoch FROM max(created_at) - min(created_at)))::bigint "
                            + "FROM event WHERE website_id = ?::uuid AND event_type <> 5 GROUP BY visit_id"},
            {"SELECT session_id, first_at, last_at FROM session_activity_span WHERE website_id = ?::uuid",
                    "SELECT session_id, min(created_at), max(created_at) FROM event WHERE website_id = ?::uuid AND event_type <> 5 GROUP BY session_id"}};

    static PostgresLife life;

    /** The views with a path at the visit's first (min) or last (max) such instant: that instant, and their path if only one. */
    private static String edge(String which) {
        return "SELECT e.visit_id, e.created_at AS t, CASE WHEN count(DISTINCT e.url_path) = 1 THEN min(e.url_path) END AS p "
                + "FROM event e JOIN (SELECT visit_id, " + which + "(created_at) AS t FROM event WHERE website_id = ?::uuid "
                + "AND event_type IN (1, 3, 4) AND url_path IS NOT NULL GROUP BY visit_id) k ON k.visit_id = e.visit_id AND k.t = e.created_at "
                + "WHERE e.website_id = ?::uuid AND e.event_type IN (1, 3, 4) AND e.url_path IS NOT NULL GROUP BY e.visit_id, e.created_at";
    }

    @BeforeAll
    static void start() {
        life = PostgresLife.start("Pages", SEED, 500, PostgresVisitRowsEqualityTest::withTies);
    }

    @AfterAll
    static void stop() {
        life.close();
    }

    /** The traffic plus, for some views, a second view of the same visit at the same instant: another path, the same, or none. */
    private static List<CollectedHit> withTies(List<CollectedHit> generated, Random r) {
        List<CollectedHit> all = new ArrayList<>(generated);
        for (CollectedHit h : generated) {
            Event e = h.event();
            if (e != null && e.eventType() == EventType.CUSTOM_EVENT && r.nextInt(8) == 0) all.add(otherCountry(h));
            if (e == null || e.eventType() != EventType.PAGEVIEW || r.nextInt(6) != 0) continue;
            int kind = r.nextInt(3);
            String path = kind == 0 ? (e.page().urlPath().equals("/") ? "/tie" : "/") : kind == 1 ? e.page().urlPath() : null;
            Event twin = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), e.createdAt(),
                    kind == 2 ? EventType.LINK : EventType.PAGEVIEW, null,
                    new Event.Page(e.page().hostname(), path, e.page().urlQuery(), e.page().pageTitle(), e.page().tag()),
                    e.referrer(), e.campaign(), e.session(), Event.WebVitals.NONE);
            all.add(new CollectedHit(twin, List.of(), h.websiteId(), h.sessionId(), h.distinctId(), h.createdAt(), List.of(), h.flag()));
        }
        all.sort(Comparator.comparing(CollectedHit::createdAt));
        return all;
    }

    /** A custom event a second later in the same visit, from another country (or none): the visit's events name several. */
    private static CollectedHit otherCountry(CollectedHit h) {
        Event e = h.event();
        Event.SessionAttributes a = e.session();
        String country = "DE".equals(a.country()) ? null : "DE";
        Event.SessionAttributes moved = new Event.SessionAttributes(a.browser(), a.os(), a.device(), a.screen(), a.language(), country,
                null, null, a.distinctId());
        Instant at = h.createdAt().plusSeconds(1);
        Event twin = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), at, EventType.CUSTOM_EVENT, e.eventName(),
                e.page(), e.referrer(), e.campaign(), moved, Event.WebVitals.NONE);
        return new CollectedHit(twin, List.of(), h.websiteId(), h.sessionId(), h.distinctId(), at, List.of(), h.flag());
    }

    @Test
    void entryExitAndSessionTotalsEqualReferenceThroughLateHitsCrashUpgradeAndBulkLoad() throws Exception {
        // A store from before V15: V16's tables and V15's and V17's columns dropped, the versions forgotten; the start applies them, which fill them.
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V15 on older rows",
                List.of("DROP INDEX visit_view_span_by_session, visit_view_span_ties",
                        "ALTER TABLE visit_view_span DROP COLUMN entry_at, DROP COLUMN entry_path, DROP COLUMN exit_at, DROP COLUMN exit_path, "
                                + "DROP COLUMN entry_prev_at, DROP COLUMN exit_next_at",
                        "DROP TABLE visit_activity_span, session_activity_span",
                        "DELETE FROM schema_version WHERE version IN (15, 16, 17, 20, 24)"), // V20 indexes V16's table; V24 builds V16's session table again
                List.of("UPDATE visit_view_span SET entry_path = 'stale', exit_at = NULL, entry_prev_at = NULL, exit_next_at = now()",
                        "UPDATE visit_activity_span SET events = 0, country = 'XX'",
                        "DELETE FROM session_activity_span WHERE first_at < now() - interval '1 day'")), this::compare);

        life.reset();
        for (String table : List.of("visit_view_span", "visit_activity_span", "session_activity_span")) {
            assertThat(life.rows(table)).as("reset clears " + table).isZero();
        }
        EventScope all = life.scope(Map.of("startAt", "0", "endAt", Long.toString(life.now().toEpochMilli())));
        assertThat(life.accelerated().metrics(all, MetricType.of("entry"))).isEmpty();
        assertThat(life.accelerated().sessionStats(all)).isEqualTo(new io.footfall.query.SessionTotals(0, 0, 0, 0, 0));
    }

    /**
     * A session whose visit crossing the range's end comes, in its path's chain, before the visit inside the range that
     * the chain would count (V17): that visit counts nothing, so the accelerator adds the pair from the crossing visit's
     * row. Entry: an overlapping visit whose first view has no path and whose first path comes after the end. Exit: the
     * next visit of the session leaves on the same path after the end. Every range over these instants equals the reference.
     */
    @Test
    void pairsOfVisitsInsideTheRangeBehindOneCrossingItsEndStayCounted() throws Exception {
        UUID other = UUID.fromString(life.server().createWebsite("Chains", "chains.example.com"));
        Instant t0 = life.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        CollectedHit template = life.hits().stream().filter(h -> h.event() != null && h.event().eventType() == EventType.PAGEVIEW).findFirst().orElseThrow();
        UUID session = UUID.randomUUID();
        UUID crossing = UUID.randomUUID(), inside = UUID.randomUUID(), before = UUID.randomUUID(), after = UUID.randomUUID();
        List<CollectedHit> chain = List.of(
                // Entry: "crossing" starts first without a path, enters /a after "inside" (entering /a) ended.
                view(template, other, session, crossing, t0, EventType.LINK, null),
                view(template, other, session, inside, t0.plusSeconds(600), EventType.PAGEVIEW, "/a"),
                view(template, other, session, inside, t0.plusSeconds(1200), EventType.PAGEVIEW, "/b"),
                view(template, other, session, crossing, t0.plusSeconds(2400), EventType.PAGEVIEW, "/a"),
                // Exit: "before" leaves on /z; "after" starts later, goes to /q, and leaves on /z only later.
                view(template, other, session, before, t0.plusSeconds(4000), EventType.PAGEVIEW, "/y"),
                view(template, other, session, before, t0.plusSeconds(4300), EventType.PAGEVIEW, "/z"),
                view(template, other, session, after, t0.plusSeconds(5000), EventType.PAGEVIEW, "/q"),
                view(template, other, session, after, t0.plusSeconds(6400), EventType.PAGEVIEW, "/z"));
        life.server().append(chain.toArray(CollectedHit[]::new));
        // A cut on each instant of the chain a 5-minute grid meets (0, 600, 1200, 2400 s) and one in each stretch between
        // and beside them: the answers depend only on where the ends fall among the views, so every such case of the grid.
        List<Instant> cuts = new ArrayList<>();
        for (int sec : new int[]{-600, 0, 300, 600, 900, 1200, 1500, 2400, 2700, 4200, 4500, 5100, 6600}) cuts.add(t0.plusSeconds(sec));
        int compared = 0;
        for (Instant from : cuts) {
            for (Instant to : cuts) {
                if (!to.isAfter(from)) continue;
                EventScope scope = life.scope(other, Map.of("startAt", Long.toString(from.toEpochMilli()), "endAt", Long.toString(to.toEpochMilli())));
                for (String type : List.of("entry", "exit")) {
                    assertThat(Json.MAPPER.writeValueAsString(life.accelerated().metrics(scope, MetricType.of(type))))
                            .as(type + " " + from + " .. " + to)
                            .isEqualTo(Json.MAPPER.writeValueAsString(life.reference().metrics(scope, MetricType.of(type))));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(13 * 12 / 2 * 2);
    }

    /** A view of {@code visit} at {@code at} (a pageview or link hit, with this path or none), else as {@code template}. */
    private static CollectedHit view(CollectedHit template, UUID website, UUID session, UUID visit, Instant at, int type, String path) {
        Event e = template.event();
        Event v = new Event(UUID.randomUUID(), website, session, visit, at, type, null,
                new Event.Page(e.page().hostname(), path, e.page().urlQuery(), e.page().pageTitle(), e.page().tag()),
                e.referrer(), e.campaign(), e.session(), Event.WebVitals.NONE);
        return new CollectedHit(v, List.of(), website, session, template.distinctId(), at, List.of(), template.flag());
    }

    private void compare(String step, Random r) throws Exception {
        life.assertSameRows(step, "page columns", ROLLUP, PAGES);
        life.assertSameRows(step, "chain columns", CHAINS, CHAINS_FROM_EVENTS);
        TestServer server = life.server();
        UUID site = life.site();
        Analytics accelerated = life.accelerated();
        Analytics reference = life.reference();
        assertThat(server.count("SELECT count(*) FROM visit_view_span WHERE website_id = ?::uuid AND entry_prev_at IS NOT NULL", site))
                .as(step + ": visits after one of their session with the same entry path").isPositive();
        assertThat(server.count("SELECT count(*) FROM visit_view_span WHERE website_id = ?::uuid AND entry_at IS NOT NULL "
                + "AND entry_path IS NULL", site)).as(step + ": visits whose first instant is a tie").isPositive();
        for (String[] rows : ACTIVITY) life.assertSameRows(step, "activity rows", rows[0], rows[1]);
        assertThat(server.count("SELECT count(*) FROM visit_activity_span WHERE website_id = ?::uuid AND mixed_country", site))
                .as(step + ": visits of several countries").isPositive();
        RandomRequests requests = new RandomRequests(r, life.now(), life.traffic());
        int covered = 0;
        int sessions = 0;
        for (int i = 0; i < REQUESTS; i++) {
            RandomRequests.Request req = requests.next();
            QueryParams asked = QueryParams.parse(req.source());
            for (QueryParams p : List.of(asked, asked.withFilters(List.of()))) {
                EventScope scope = life.scope(p);
                String where = step + " / " + req + (p == asked ? "" : " without filters");
                io.footfall.query.SessionTotals totals = accelerated.sessionStats(scope);
                assertThat(totals).as(where + " sessionStats").isEqualTo(reference.sessionStats(scope));
                if (totals.visits() > 0 && p.filters().isEmpty()) sessions++;
                for (String type : List.of("entry", "exit")) {
                    String at = step + " / " + req + (p == asked ? "" : " without filters") + " " + type;
                    List<Map<String, Object>> fast = accelerated.metrics(scope, MetricType.of(type));
                    assertThat(Json.MAPPER.writeValueAsString(fast)).as(at)
                            .isEqualTo(Json.MAPPER.writeValueAsString(reference.metrics(scope, MetricType.of(type))));
                    if (!fast.isEmpty() && p.filters().isEmpty() && p.search() == null) covered++;
                }
            }
        }
        assertThat(covered).as(step + ": entry/exit answers with pages from the rows").isGreaterThan(REQUESTS / 2);
        assertThat(sessions).as(step + ": session totals with visits from the rows").isGreaterThan(REQUESTS / 4);
    }
}
