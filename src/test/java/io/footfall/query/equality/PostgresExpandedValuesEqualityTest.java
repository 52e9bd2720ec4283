package io.footfall.query.equality;

import io.footfall.http.Json;
import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator's expanded metrics of path and utm* ({@code metrics/expanded}: {@code ExpandedValues}, from
 * {@code visit_value}, V27, and {@code session_value} for the visitors) equal the reference's on {@link PostgresLife}'s traffic
 * (views of a visit vary path and UTM fields): random requests, ranges cut inside multi-day sessions, ranges cut inside
 * visits (starting or ending between two views of one value of a visit), with paging, filters and a search on the value,
 * and a filter on another column (the reference's on both paths). Compared after hits in batches, late hits, a crash
 * re-ship, the first start after V27 on older events and a bulk load ({@code SpanRows.rebuildAll}); a reset leaves no rows.
 * After each step the rows are exactly those computed from the events.
 */
@OnPostgreSql
class PostgresExpandedValuesEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 27);
    static final int REQUESTS = Integer.getInteger("equality.requests", 10);
    static final String[] TYPES = {"path", "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm"};
    /** Per type, filters on its value: name, value. */
    static final String[][] FILTERS = {{"path", "c.blog"}, {"path", "re.^/a"}, {"path", "neq./"}, {"utmSource", "google"},
            {"utmMedium", "c.e"}, {"utmCampaign", "s."}};
    static final String ROWS = "SELECT visit_id, kind, value, session_id, first_at, last_at, views FROM visit_value WHERE website_id = ?::uuid";
    static final String FROM_EVENTS = "SELECT e.visit_id, k.kind, k.value, min(e.session_id::text)::uuid, min(e.created_at), max(e.created_at), "
            + "count(*)::int FROM event e CROSS JOIN LATERAL (VALUES (6, e.utm_source), (7, e.utm_medium), (8, e.utm_campaign), "
            + "(9, e.utm_content), (10, e.utm_term), (12, e.url_path)) AS k(kind, value) "
            + "WHERE e.website_id = ?::uuid AND e.event_type IN (1, 3, 4) AND k.value <> '' GROUP BY 1, 2, 3";

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("ExpandedValues", SEED, 400);
    }

    @AfterAll
    static void stop() {
        life.close();
    }

    @Test
    void expandedMetricsEqualReferenceThroughLateHitsCrashUpgradeAndBulkLoad() throws Exception {
        // A store from before V27: its table dropped, the version forgotten; the start applies V27, which fills it.
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V27 on older events",
                List.of("DROP TABLE visit_value", "DELETE FROM schema_version WHERE version = 27"),
                List.of("UPDATE visit_value SET views = views + 1, first_at = first_at - interval '1 minute' WHERE visit_id::text < '8'",
                        "DELETE FROM visit_value WHERE visit_id::text > 'c'")), this::compare);

        life.reset();
        assertThat(life.rows("visit_value")).as("reset clears the rows").isZero();
        EventScope all = life.scope(Map.of("startAt", "0", "endAt", Long.toString(life.now().toEpochMilli())));
        for (String type : TYPES) {
            assertThat(life.accelerated().expandedMetrics(all, MetricType.of(type))).as(type + " after reset").isEmpty();
        }
    }

    private void compare(String step, Random r) throws Exception {
        life.assertSameRows(step, "(visit, kind, value) rows", ROWS, FROM_EVENTS);
        List<QueryParams> asked = life.unfilteredRequests(r, REQUESTS);
        asked.addAll(life.cutSessions(r, "session_value"));
        asked.addAll(cutVisits(r));
        int answered = 0;
        for (QueryParams p : asked) {
            for (String type : TYPES) answered += compare(step, p, type);
            Map<String, String> range = Map.of("startAt", Long.toString(p.startAt().toEpochMilli()), "endAt", Long.toString(p.endAt().toEpochMilli()));
            for (String[] f : FILTERS) {
                String type = f[0];
                answered += compare(step, parse(with(range, f[0], f[1])), type);
                compare(step, parse(with(with(range, f[0], f[1]), "search", "o")), type);
                compare(step, parse(with(with(range, f[0], f[1]), "country", "DE")), type);
            }
        }
        assertThat(answered).as(step + ": answers with rows").isGreaterThan(asked.size() * 2);
    }

    /**
     * Ranges whose start or end falls between two views of one value of a visit: from a millisecond after the first view to
     * one before the last, from an hour before to a millisecond before the last, from a millisecond after the first to an
     * hour later; the rows of up to twelve such (visit, value)s, some with paging.
     */
    private List<QueryParams> cutVisits(Random r) {
        List<QueryParams> out = new ArrayList<>();
        List<Map<String, Object>> rows = life.server().query("SELECT first_at, last_at FROM visit_value WHERE website_id = ?::uuid "
                + "AND last_at > first_at + interval '2 seconds' ORDER BY visit_id, kind, value LIMIT 12", life.site());
        assertThat(rows).as("(visit, value)s with views seconds apart").hasSizeGreaterThan(6);
        for (Map<String, Object> row : rows) {
            long first = millis(row.get("first_at")), last = millis(row.get("last_at"));
            for (long[] range : new long[][]{{first + 1, last - 1}, {first - 3_600_000L, last - 1}, {first + 1, first + 3_600_000L}}) {
                Map<String, String> q = new LinkedHashMap<>();
                q.put("startAt", Long.toString(range[0]));
                q.put("endAt", Long.toString(range[1]));
                if (r.nextInt(3) == 0) {
                    q.put("limit", Integer.toString(1 + r.nextInt(3)));
                    q.put("offset", Integer.toString(r.nextInt(2)));
                }
                out.add(parse(q));
            }
        }
        return out;
    }

    /** 1 when the accelerated answer, equal to the reference's, has rows. */
    private static int compare(String step, QueryParams p, String type) throws Exception {
        EventScope scope = life.scope(p);
        String at = step + " / " + p.startAt() + " .. " + p.endAt() + " limit " + p.limit() + " offset " + p.offset()
                + " filters " + p.filters() + " search " + p.search() + " " + type;
        List<Map<String, Object>> fast = life.accelerated().expandedMetrics(scope, MetricType.of(type));
        assertThat(Json.MAPPER.writeValueAsString(fast)).as(at)
                .isEqualTo(Json.MAPPER.writeValueAsString(life.reference().expandedMetrics(scope, MetricType.of(type))));
        return fast.isEmpty() ? 0 : 1;
    }

    private static QueryParams parse(Map<String, String> q) {
        return QueryParams.parse(new RandomRequests.Request(q).source());
    }

    private static Map<String, String> with(Map<String, String> q, String name, String value) {
        Map<String, String> out = new LinkedHashMap<>(q);
        out.put(name, value);
        return out;
    }

    private static long millis(Object timestamp) {
        return ((Timestamp) timestamp).toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
