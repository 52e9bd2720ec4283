package io.footfall.query.equality;

import io.footfall.query.QueryParams;
import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator's per-view value metrics with filters and a search on their own value
 * ({@code metrics?type=path&path=c.blog}: {@code OwnValueFilters}) equal the reference's, on {@link PostgresLife}'s traffic
 * through batches, late hits, a crash re-ship, a first start after V21 and a bulk load: every operator (equal to one or several
 * values, not equal, contains, does not contain, regular expression and its negation, set, not set), two filters on the
 * value, a filter plus a search, and, answered by the reference on both paths, a filter on another column besides.
 */
@OnPostgreSql
class PostgresOwnValueFiltersEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 26);
    static final int RANGES = Integer.getInteger("equality.requests", 5);
    /** Per metric type: its filter name and values of every operator that match some of the generated traffic's values. */
    static final Map<String, String[]> FILTERS = new LinkedHashMap<>();

    static {
        FILTERS.put("path", new String[]{"path", "c.blog", "/a", "/a,/docs", "neq./", "dnc.a", "re.^/blog", "nre.^/a", "s.", "ns."});
        FILTERS.put("title", new String[]{"title", "c.about", "Blog", "neq.Home", "re.^A", "dnc.o"});
        FILTERS.put("hostname", new String[]{"hostname", "www.example.com", "c.www", "nre.^www"});
        FILTERS.put("query", new String[]{"query", "c.utm", "gclid=1", "neq.q=1", "re.^utm_", "s.", "ns."});
        FILTERS.put("tag", new String[]{"tag", "t1", "neq.t1", "c.t"});
        FILTERS.put("utmSource", new String[]{"utmSource", "google", "c.e", "neq.news"});
        FILTERS.put("utmMedium", new String[]{"utmMedium", "neq.cpc", "c.mail"});
        FILTERS.put("utmCampaign", new String[]{"utmCampaign", "c.spr", "re.n$"});
        FILTERS.put("utmContent", new String[]{"utmContent", "banner", "s."});
        FILTERS.put("utmTerm", new String[]{"utmTerm", "s.", "dnc.boots"});
    }

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("OwnValueFilters", SEED, 400);
    }

    @AfterAll
    static void stop() {
        life.close();
    }

    @Test
    void valueMetricsFilteredOnTheirOwnValueEqualReference() throws Exception {
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V21 on older events",
                List.of("DROP TABLE session_value, session_value_extra", "DELETE FROM schema_version WHERE version = 21"),
                List.of("UPDATE session_value SET path = 'stale' WHERE session_id::text < '8'")), this::compare);
    }

    private void compare(String step, Random r) throws Exception {
        List<Map<String, String>> ranges = new ArrayList<>();
        RandomRequests requests = new RandomRequests(r, life.now(), life.traffic());
        for (int i = 0; i < RANGES; i++) ranges.add(range(requests.next().query()));
        for (QueryParams cut : life.cutSessions(r, "session_value")) {
            ranges.add(Map.of("startAt", Long.toString(cut.startAt().toEpochMilli()), "endAt", Long.toString(cut.endAt().toEpochMilli())));
        }
        int answered = 0;
        for (Map<String, String> range : ranges) {
            for (Map.Entry<String, String[]> type : FILTERS.entrySet()) {
                String[] f = type.getValue();
                String name = f[0];
                for (int i = 1; i < f.length; i++) {
                    answered += compare(step, type.getKey(), with(range, name, f[i]));
                }
                // Two filters on the value; one with a search; one with a filter on another column (the reference's).
                answered += compare(step, type.getKey(), with(with(range, name, f[1]), name + "2", f[f.length - 1]));
                answered += compare(step, type.getKey(), with(with(range, name, f[2]), "search", "o"));
                compare(step, type.getKey(), with(with(range, name, f[1]), "country", "DE"));
            }
        }
        assertThat(answered).as(step + ": filtered answers with rows").isGreaterThan(ranges.size() * 10);
    }

    /** The range of a random request, without its filters, zone or paging. */
    private static Map<String, String> range(Map<String, String> q) {
        return Map.of("startAt", q.get("startAt"), "endAt", q.get("endAt"));
    }

    private static Map<String, String> with(Map<String, String> q, String name, String value) {
        Map<String, String> out = new LinkedHashMap<>(q);
        out.put(name, value);
        return out;
    }

    /** 1 when the (equal) answers have rows. */
    private static int compare(String step, String type, Map<String, String> q) throws Exception {
        QueryParams p = QueryParams.parse(new RandomRequests.Request(q).source());
        return life.compareMetrics(step + " " + q, List.of(p), type) > 0 || hasRows(p, type) ? 1 : 0;
    }

    private static boolean hasRows(QueryParams p, String type) throws Exception {
        return !life.accelerated().metrics(life.scope(p), io.footfall.query.MetricType.of(type)).isEmpty();
    }
}
