package io.footfall.query.equality;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.event.EventType;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.WebsiteTotals;
import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator's {@code /stats} filtered on session attributes ({@code AttributeStats}: V13's session rows, the
 * visit rows) equals the reference's, on traffic where some views disagree with their session (another browser, city or
 * country: mixed sessions, read from events): random ranges and ranges cut inside multi-day sessions, each with one or two
 * filters of every operator on browser, os, device, screen, language, country, region, city and distinct id, and, answered
 * by the reference on both paths, a filter on the path besides. Through batches, late hits, a crash re-ship, a first start
 * after V13 (columns dropped and filled again) and a bulk load over spoiled rows.
 */
@OnPostgreSql
class PostgresAttributeStatsEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 30);
    static final int REQUESTS = Integer.getInteger("equality.requests", 6);
    static final String ATTRIBUTES = "browser, os, device, screen, language, country, region, city, distinct_id";
    /** Filters (name=value) over the generated attributes: every operator. */
    static final String[][] FILTERS = {{"country", "DE"}, {"browser", "chrome"}, {"country", "DE", "browser", "chrome"},
            {"browser", "neq.chrome"}, {"city", "c.er"}, {"os", "re.^(Mac|iOS)"}, {"device", "nre.top$"}, {"screen", "1920x1080,390x844"},
            {"language", "s."}, {"language", "ns."}, {"distinctId", "s."}, {"region", "dnc.NY"}, {"country", "US", "path", "c.a"}};

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("AttributeStats", SEED, 400, PostgresAttributeStatsEqualityTest::withStrays);
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
                        "DE".equals(a.country()) ? "AT" : "DE", "DE-BE", "Berlin", a.distinctId()))));
        all.sort(Comparator.comparing(CollectedHit::createdAt));
        return all;
    }

    @Test
    void statsFilteredOnSessionAttributesEqualReference() throws Exception {
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V13 on older rows",
                List.of("ALTER TABLE session_view_span DROP COLUMN " + ATTRIBUTES.replace(", ", ", DROP COLUMN ") + ", DROP COLUMN mixed",
                        "DELETE FROM schema_version WHERE version = 13"),
                List.of("UPDATE session_view_span SET country = 'stale', mixed = false WHERE session_id::text < '8'",
                        "DELETE FROM visit_view_span WHERE session_id::text > 'c'")), this::compare);
    }

    private void compare(String step, Random r) throws Exception {
        life.assertAgreeingRows(step, "session_view_span", ATTRIBUTES, "event_type IN (1, 3, 4)");
        List<QueryParams> ranges = life.unfilteredRequests(r, REQUESTS);
        ranges.addAll(life.cutSessions(r, "session_view_span"));
        int withViews = 0;
        for (QueryParams range : ranges) {
            for (String[] f : FILTERS) {
                Map<String, String> q = new LinkedHashMap<>();
                q.put("startAt", Long.toString(range.startAt().toEpochMilli()));
                q.put("endAt", Long.toString(range.endAt().toEpochMilli()));
                for (int i = 0; i < f.length; i += 2) q.put(f[i], f[i + 1]);
                EventScope scope = life.scope(q);
                WebsiteTotals fast = life.accelerated().stats(scope);
                assertThat(fast).as(step + " " + q).isEqualTo(life.reference().stats(scope));
                if (fast.pageviews() > 0) withViews++;
            }
        }
        assertThat(withViews).as(step + ": filtered answers with views").isGreaterThan(ranges.size() * 3);
    }
}
