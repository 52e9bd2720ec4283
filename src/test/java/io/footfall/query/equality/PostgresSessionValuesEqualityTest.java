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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
    static final int REQUESTS = Integer.getInteger("equality.requests", 10);
    static final String[] TYPES = {"browser", "os", "device", "screen", "language", "country", "region", "city", "distinctId"};
    static final String ATTRIBUTES = "browser, os, device, screen, language, country, region, city, distinct_id";

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
        all.addAll(PostgresLife.strays(generated, r, e -> e.eventType() == EventType.PAGEVIEW, 12, EventType.PAGEVIEW, null, List.of(
                PostgresLife::otherBrowser, PostgresLife::otherCity,
                a -> new Event.SessionAttributes(a.browser(), a.os(), a.device(), a.screen(), a.language(),
                        "DE".equals(a.country()) ? "AT" : "DE", "DE-BE", "Berlin", a.distinctId()),
                a -> new Event.SessionAttributes(a.browser(), a.os(), a.device(), a.screen(), a.language() == null ? "pt-BR" : null,
                        a.country(), a.region(), a.city(), a.distinctId()))));
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
        life.assertAgreeingRows(step, "session_view_span", ATTRIBUTES, "event_type IN (1, 3, 4)");
        List<QueryParams> asked = life.unfilteredRequests(r, REQUESTS);
        asked.addAll(life.cutSessions(r, "session_view_span"));
        int covered = life.compareMetrics(step, asked, TYPES);
        assertThat(covered).as(step + ": answers from the rows").isGreaterThan(asked.size() * TYPES.length / 3);
    }
}
