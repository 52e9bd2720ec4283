package io.footfall.query.equality;

import io.footfall.http.Json;
import io.footfall.query.EventScope;
import io.footfall.query.FilterColumns;
import io.footfall.query.QueryParams;
import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator's filter-picker values ({@code /values}; {@code value_day}, V29: events per filter column, UTC
 * day and value) equal the reference's for every filter column, with and without a search (one term, several, none
 * matching), over random requests' ranges, whole UTC days, ranges cut a millisecond inside a day, and everything up to now,
 * after hits in batches, late hits, a crash re-ship, the first start after V29 on older events and a bulk load
 * ({@code SpanRows.rebuildAll} over spoiled rows); a website reset leaves no rows. After each step the rows are exactly those
 * an independent query counts from the events (the reference's conditions: no NULL or '' value, no referrer that is the
 * page's host without www.).
 */
@OnPostgreSql
class PostgresPickerValuesEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 29);
    static final int REQUESTS = Integer.getInteger("equality.requests", 10);
    static final String[] SEARCHES = {null, "o", "E", "a,b,/", "zzz", "%"};
    /** V29's kind codes, in order, with the value each counts as the reference's filter values read it. */
    static final String[] FROM_EVENT = {"e.url_path",
            "CASE WHEN e.referrer_domain <> regexp_replace(e.hostname, '^www\\.', '') THEN e.referrer_domain END",
            "e.hostname", "e.distinct_id", "e.page_title", "e.url_query", "e.os", "e.browser", "e.device", "e.country", "e.region",
            "e.city", "e.language", "e.event_name", "e.tag", "e.utm_source", "e.utm_medium", "e.utm_campaign", "e.utm_content",
            "e.utm_term", "e.screen"};
    static final String ROWS = "SELECT kind, day, value, n FROM value_day WHERE website_id = ?::uuid";
    static final String COUNTS;

    static {
        StringBuilder kinds = new StringBuilder();
        for (int i = 0; i < FROM_EVENT.length; i++) kinds.append(i == 0 ? "" : ", ").append("(").append(i + 1).append("::int2, ").append(FROM_EVENT[i]).append(")");
        COUNTS = "SELECT k.kind, e.created_at::date, k.value, count(*) FROM event e CROSS JOIN LATERAL (VALUES " + kinds
                + ") AS k(kind, value) WHERE e.website_id = ?::uuid AND k.value IS NOT NULL AND k.value <> '' GROUP BY 1, 2, 3";
    }

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("PickerValues", SEED, 400);
    }

    @AfterAll
    static void stop() {
        life.close();
    }

    @Test
    void filterValuesEqualReference() throws Exception {
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V29 on older events",
                List.of("DROP TABLE value_day", "DELETE FROM schema_version WHERE version = 29"),
                List.of("UPDATE value_day SET n = n + 1 WHERE kind = 1", "DELETE FROM value_day WHERE kind = 12")), this::compare);

        life.reset();
        assertThat(life.rows("value_day")).as("reset clears the rows").isZero();
        EventScope all = life.scope(Map.of("startAt", "0", "endAt", Long.toString(life.now().toEpochMilli())));
        assertThat(life.accelerated().filterValues(all, "url_path", null)).as("paths after reset").isEmpty();
    }

    private void compare(String step, Random r) throws Exception {
        life.assertSameRows(step, "value rows", ROWS, COUNTS);
        assertThat(life.rows("value_day")).as(step + ": rows").isGreaterThan(100);
        List<Map<String, String>> ranges = new ArrayList<>();
        for (QueryParams p : life.unfilteredRequests(r, REQUESTS)) ranges.add(range(p.startAt(), p.endAt()));
        Instant now = life.now();
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        ranges.add(range(Instant.EPOCH, now));
        ranges.add(range(today.minus(Duration.ofDays(3)), today.minusMillis(1)));                    // three whole UTC days
        ranges.add(range(today.minus(Duration.ofDays(4)).plusMillis(1), today.minusMillis(2)));      // cut a millisecond inside
        ranges.add(range(today.minus(Duration.ofDays(2)), now));                                      // whole days, then today so far
        ranges.add(range(today.minus(Duration.ofDays(1)), today.minusMillis(1)));                    // ends at .999: no whole day, the reference's
        for (int i = 0; i < 3; i++) {
            Instant day = Instant.parse("2026-10-20T00:00:00Z").plus(Duration.ofDays(r.nextInt(20)));
            ranges.add(range(day.plusSeconds(r.nextInt(86_400)), day.plus(Duration.ofDays(1 + r.nextInt(6))).plusSeconds(r.nextInt(86_400))));
        }
        Set<String> columns = new LinkedHashSet<>();
        for (String name : FilterColumns.names()) columns.add(FilterColumns.metricColumn(name));
        columns.add(FilterColumns.metricColumn("screen"));
        int withRows = 0;
        for (Map<String, String> range : ranges) {
            EventScope scope = life.scope(range);
            for (String column : columns) {
                for (String search : SEARCHES) {
                    String at = step + " / " + scope.params().startAt() + " .. " + scope.params().endAt() + " " + column + " search " + search;
                    List<Map<String, Object>> fast = life.accelerated().filterValues(scope, column, search);
                    assertThat(Json.MAPPER.writeValueAsString(fast)).as(at)
                            .isEqualTo(Json.MAPPER.writeValueAsString(life.reference().filterValues(scope, column, search)));
                    if (!fast.isEmpty()) withRows++;
                }
            }
        }
        assertThat(withRows).as(step + ": answers with values").isGreaterThan(ranges.size() * columns.size());
    }

    private static Map<String, String> range(Instant start, Instant end) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("startAt", Long.toString(start.toEpochMilli()));
        q.put("endAt", Long.toString(end.toEpochMilli()));
        return q;
    }

}
