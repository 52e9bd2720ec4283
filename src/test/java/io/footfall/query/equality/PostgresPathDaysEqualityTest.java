package io.footfall.query.equality;

import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path metric from the pairs first seen per UTC day ({@code session_value_first_day}, V25) equals the reference's on
 * generated traffic (sessions over several days and DST changes, several paths per session): ranges of whole UTC days,
 * local days in zones east and west of UTC (cut UTC days at both ends), ranges starting or ending inside multi-day
 * sessions, ranges ending in the past, all time, with paging. Compared after hits in batches, late hits (which move a
 * pair's first time to an earlier day), a crash re-ship, the first start after V25 on older rows, and a bulk load; a
 * reset leaves no rows. After each step the day rows equal the count per (day, path) of each session's first view of the
 * path, computed from the events.
 */
@OnPostgreSql
class PostgresPathDaysEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 26);
    static final int REQUESTS = Integer.getInteger("equality.requests", 10);
    static final String DAY_ROWS = "SELECT kind, day, value, sessions FROM session_value_first_day WHERE website_id = ?::uuid AND sessions <> 0";
    static final String FROM_EVENTS = "SELECT 12::int2, f::date, v, count(*)::int FROM (SELECT e.session_id, e.url_path AS v, min(e.created_at) AS f "
            + "FROM event e WHERE e.website_id = ?::uuid AND e.event_type IN (1, 3, 4) AND e.url_path <> '' GROUP BY 1, 2) t GROUP BY 1, 2, 3";

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("PathDays", SEED, 400);
    }

    @AfterAll
    static void stop() {
        life.close();
    }

    @Test
    void pathMetricFromFirstDaysEqualsReferenceThroughLateHitsCrashUpgradeAndBulkLoad() throws Exception {
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V25 on older rows",
                List.of("DROP TABLE session_value_first_day", "DELETE FROM schema_version WHERE version = 25"),
                List.of("UPDATE session_value_first_day SET sessions = sessions + 1 WHERE value < '/p'",
                        "DELETE FROM session_value_first_day WHERE day < current_date - 3")), this::compare);

        life.reset();
        assertThat(life.rows("session_value_first_day")).as("reset clears the day rows").isZero();
        EventScope all = life.scope(Map.of("startAt", "0", "endAt", Long.toString(life.now().toEpochMilli())));
        assertThat(life.accelerated().metrics(all, MetricType.of("path"))).as("path after reset").isEmpty();
    }

    private void compare(String step, Random r) throws Exception {
        life.assertSameRows(step, "paths first seen per day", DAY_ROWS, FROM_EVENTS);
        List<QueryParams> asked = new ArrayList<>();
        RandomRequests requests = new RandomRequests(r, life.now(), life.traffic());
        for (int i = 0; i < REQUESTS; i++) asked.add(QueryParams.parse(requests.next().source()).withFilters(List.of()));
        asked.addAll(life.cutSessions(r, "session_value"));
        asked.addAll(dayRanges(r));
        int answered = life.compareMetrics(step, asked, "path");
        assertThat(answered).as(step + ": path answers not empty").isGreaterThan(asked.size() / 2);
    }

    /**
     * Ranges holding whole UTC days: from UTC midnights and from local midnights (Europe/Berlin, America/New_York,
     * Asia/Kolkata), a day to a month long, ending before now or at it; from a millisecond after and before a long
     * session's first and last view over the days around it; all time.
     */
    private List<QueryParams> dayRanges(Random r) {
        List<QueryParams> out = new ArrayList<>();
        Instant now = life.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (String zone : new String[]{"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"}) {
            for (int i = 0; i < 4; i++) {
                int days = 1 + r.nextInt(30);
                LocalDate first = today.minusDays(r.nextInt(200));
                Instant s = first.atStartOfDay(ZoneId.of(zone)).toInstant();
                Instant e = r.nextBoolean() ? now : s.plus(Duration.ofDays(days)).minusMillis(1);
                out.add(range(r, s, e.isAfter(now) ? now : e));
            }
        }
        for (long[] span : life.longSessions("session_value")) {
            Instant first = Instant.ofEpochMilli(span[0]);
            Instant last = Instant.ofEpochMilli(span[1]);
            out.add(range(r, first.plusMillis(1), last.plus(Duration.ofDays(2))));
            out.add(range(r, first.minus(Duration.ofDays(2)), last.minusMillis(1)));
            out.add(range(r, first.truncatedTo(ChronoUnit.DAYS), last.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).minusMillis(1)));
        }
        out.add(range(r, Instant.EPOCH, now));
        return out;
    }

    private static QueryParams range(Random r, Instant s, Instant e) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("startAt", Long.toString(s.toEpochMilli()));
        q.put("endAt", Long.toString(e.toEpochMilli()));
        if (r.nextInt(3) == 0) {
            q.put("limit", Integer.toString(1 + r.nextInt(3)));
            q.put("offset", Integer.toString(r.nextInt(2)));
        }
        return QueryParams.parse(new RandomRequests.Request(q).source());
    }
}
