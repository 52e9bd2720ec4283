package io.footfall.query.equality;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.event.EventType;
import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("Values", SEED, 500, PostgresSessionValuesEqualityTest::withStrays);
    }

    @AfterAll
    static void stop() {
        life.close();
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
        // A store from before V13: the attribute columns dropped, the version forgotten; the start applies V13, which fills them.
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V13 on older rows",
                List.of("ALTER TABLE session_view_span DROP COLUMN " + ATTRIBUTES.replace(", ", ", DROP COLUMN ") + ", DROP COLUMN mixed",
                        "DELETE FROM schema_version WHERE version = 13"),
                List.of("UPDATE session_view_span SET browser = 'stale', mixed = false WHERE session_id::text < '8'",
                        "DELETE FROM session_view_span WHERE session_id::text > 'c'")), this::compare);

        life.reset();
        assertThat(life.rows("session_view_span")).as("reset clears the rows").isZero();
        EventScope all = life.scope(Map.of("startAt", "0", "endAt", Long.toString(life.now().toEpochMilli())));
        for (String type : TYPES) assertThat(life.accelerated().metrics(all, MetricType.of(type))).as(type + " after reset").isEmpty();
    }

    private void compare(String step, Random r) throws Exception {
        life.assertSameRows(step, "rows", ROWS, FROM_EVENTS);
        assertThat(life.server().count("SELECT count(*) FROM session_view_span WHERE website_id = ?::uuid AND mixed", life.site()))
                .as(step + ": sessions whose views disagree").isPositive();
        List<QueryParams> asked = new ArrayList<>();
        RandomRequests requests = new RandomRequests(r, life.now(), life.traffic());
        for (int i = 0; i < REQUESTS; i++) asked.add(QueryParams.parse(requests.next().source()).withFilters(List.of()));
        asked.addAll(life.cutSessions(r, "session_view_span"));
        int covered = life.compareMetrics(step, asked, TYPES);
        assertThat(covered).as(step + ": answers from the rows").isGreaterThan(asked.size() * TYPES.length / 3);
    }
}
