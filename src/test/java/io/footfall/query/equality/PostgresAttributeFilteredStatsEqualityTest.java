package io.footfall.query.equality;

import io.footfall.http.Json;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator's {@code /stats} with filters on session attributes ({@code AttributeFilteredStats}: the
 * non-mixed session rows of V13 and the visit rows, mixed sessions from events) equals the reference's, on
 * {@link PostgresLife}'s traffic with views whose attributes differ from their session's (mixed sessions), through batches,
 * late hits, a crash re-ship, a first start after V13 and a bulk load: one to three filters of every operator on the
 * nine attributes over random ranges and ranges cut inside sessions; and, answered by the reference on both paths, a
 * filter on the path besides.
 */
@OnPostgreSql
class PostgresAttributeFilteredStatsEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 27);
    static final int REQUESTS = Integer.getInteger("equality.requests", 40);
    static final String[] FILTERS = {"country=DE", "country=neq.DE", "country=DE,FR", "country=ns.", "country=s.", "browser=chrome",
            "browser=c.fire", "browser=nre.^ch", "os=c.Win", "os=dnc.Mac", "os=re.OS$", "device=mobile", "device=neq.desktop",
            "city=Berlin", "city=dnc.Paris", "city=ns.", "region=US-NY", "region=c.DE", "language=c.en", "language=ns.", "language=pt-BR",
            "distinctId=s.", "distinctId=c.user-1", "screen=390x844"};

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("AttributeFilteredStats", SEED, 400, PostgresSessionValuesEqualityTest::withStrays);
    }

    @AfterAll
    static void stop() {
        life.close();
    }

    @Test
    void statsFilteredBySessionAttributesEqualReference() throws Exception {
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V13 on older rows",
                List.of("ALTER TABLE session_view_span DROP COLUMN " + PostgresSessionValuesEqualityTest.ATTRIBUTES.replace(", ", ", DROP COLUMN ")
                        + ", DROP COLUMN mixed", "DELETE FROM schema_version WHERE version = 13"),
                List.of("UPDATE session_view_span SET browser = 'stale', mixed = false WHERE session_id::text < '8'",
                        "DELETE FROM session_view_span WHERE session_id::text > 'c'", "DELETE FROM visit_view_span WHERE session_id::text < '3'")), this::compare);
    }

    private void compare(String step, Random r) throws Exception {
        assertThat(life.server().count("SELECT count(*) FROM session_view_span WHERE mixed AND website_id = ?::uuid", life.site())).as(step + ": mixed sessions").isGreaterThan(10);
        RandomRequests requests = new RandomRequests(r, life.now(), life.traffic());
        int counted = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Map<String, String> q = new LinkedHashMap<>();
            Map<String, String> random = requests.next().query();
            q.put("startAt", random.get("startAt"));
            q.put("endAt", random.get("endAt"));
            counted += compare(step, withFilters(q, r));
        }
        for (QueryParams cut : life.cutSessions(r, "session_view_span")) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("startAt", Long.toString(cut.startAt().toEpochMilli()));
            q.put("endAt", Long.toString(cut.endAt().toEpochMilli()));
            counted += compare(step, withFilters(q, r));
            q.put("path", "c.blog");
            compare(step, q);
        }
        assertThat(counted).as(step + ": filtered stats with views").isGreaterThan(REQUESTS / 4);
    }

    /** One to three of {@link #FILTERS} (a name used twice gets an index suffix, as the client sends it). */
    private static Map<String, String> withFilters(Map<String, String> q, Random r) {
        int n = 1 + r.nextInt(3);
        Map<String, Integer> used = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String f = FILTERS[r.nextInt(FILTERS.length)];
            String name = f.substring(0, f.indexOf('='));
            int k = used.merge(name, 1, Integer::sum);
            q.put(k == 1 ? name : name + k, f.substring(f.indexOf('=') + 1));
        }
        return q;
    }

    /** 1 when the (equal) totals count views. */
    private static int compare(String step, Map<String, String> q) throws Exception {
        EventScope scope = life.scope(q);
        var fast = life.accelerated().stats(scope);
        assertThat(Json.MAPPER.writeValueAsString(fast)).as(step + " " + new RandomRequests.Request(q))
                .isEqualTo(Json.MAPPER.writeValueAsString(life.reference().stats(scope)));
        return fast.pageviews() > 0 ? 1 : 0;
    }
}
