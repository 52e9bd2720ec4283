package io.footfall.query.equality;

import io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics;
import io.footfall.event.CollectedHit;
import io.footfall.http.Json;
import io.footfall.query.Analytics;
import io.footfall.query.EventScope;
import io.footfall.query.PageviewSeries;
import io.footfall.query.QueryParams;
import io.footfall.query.WebsiteTotals;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator answers exactly what the raw-events reference answers, on the real PostgreSQL, over the
 * generated traffic of {@link GeneratedTraffic} (many sessions, one to four visits each, three eras around DST changes)
 * and random requests of {@link RandomRequests} (ranges cutting hours, whole local days in zones with odd offsets,
 * ending now), each asked as generated and without its filters (which the accelerator answers from its rollups).
 * Compared after each step of the store's life: hits appended in batches, late hits appended into hours and visits
 * already written, a crash whose re-ship deletes and appends acknowledged hits again, and a first start after V11
 * on events written before it (the migrations fill the rollups), and a bulk load ({@code SpanRows.rebuildAll}): the life of
 * {@link PostgresLife}. After each step the rollup's rows are also those computed afresh from the events; a website reset leaves none. Seed: {@code -Dequality.seed=N} (default 16).
 */
@OnPostgreSql
class PostgresAcceleratorEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 16);
    static final int REQUESTS = Integer.getInteger("equality.requests", 30);
    /** Each rollup's rows for the site, and the same rows as V11's fill computes them from the events. */
    static final String[][] ROWS = {
            {"SELECT website_id, visit_id, session_id, first_at, last_at, views, secs FROM visit_view_span WHERE website_id = ?::uuid",
                    "SELECT website_id, visit_id, (array_agg(session_id))[1], min(created_at), max(created_at), count(*)::int, "
                            + "floor(extract(epoch FROM max(created_at) - min(created_at)))::bigint FROM event "
                            + "WHERE event_type IN (1, 3, 4) AND website_id = ?::uuid GROUP BY website_id, visit_id"},
            {"SELECT website_id, session_id, first_at, last_at FROM session_view_span WHERE website_id = ?::uuid",
                    "SELECT website_id, session_id, min(created_at), max(created_at) FROM event "
                            + "WHERE event_type IN (1, 3, 4) AND website_id = ?::uuid GROUP BY website_id, session_id"},
            {"SELECT website_id, hour, session_id, views, prev_hour, prev_slot FROM session_hour_view WHERE website_id = ?::uuid",
                    "SELECT website_id, hour, session_id, n, lag(hour) OVER (PARTITION BY session_id ORDER BY hour), "
                            + "lag(hour) OVER (PARTITION BY session_id, extract(isodow FROM hour), extract(hour FROM hour) ORDER BY hour) FROM ("
                            + "SELECT website_id, date_trunc('hour', created_at) AS hour, session_id, count(*)::int AS n FROM event "
                            + "WHERE event_type IN (1, 3, 4) AND website_id = ?::uuid GROUP BY 1, 2, 3) h"}};

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("Equality", SEED, EqualityFixture.SESSIONS, (generated, r) -> {
            List<CollectedHit> all = new ArrayList<>(generated);
            all.addAll(weeklyReturns(generated, r));
            all.sort(Comparator.comparing(CollectedHit::createdAt));
            return all;
        });
    }

    /**
     * For a third of the sessions, their views again one to three weeks earlier (new visits), at the same UTC hour of the
     * week or an hour beside it: sessions that return to a weekly cell, across the traffic's DST changes too, for the
     * heatmap's slot links (V19). The generated sessions alone last days, so they rarely repeat a cell.
     */
    private static List<CollectedHit> weeklyReturns(List<CollectedHit> generated, Random r) {
        return WeeklyReturns.of(generated, s -> r.nextInt(3) != 0 ? new long[0]
                : IntStream.rangeClosed(1, 1 + r.nextInt(3)).mapToLong(k -> -168L * k + (r.nextInt(4) == 0 ? r.nextInt(3) - 1 : 0)).toArray());
    }

    @AfterAll
    static void stop() {
        life.close();
    }

    @Test
    void acceleratorEqualsReferenceThroughLateHitsCrashAndUpgrade() throws Exception {
        assertThat(life.server().backend()).isEqualTo("postgresql");
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V11, V12 and V14 on older events",
                // V13, V14, V15, V17 and V19 add columns to V11's and V12's tables
                List.of("DROP TABLE visit_view_span, session_view_span, session_hour_view",
                        "DELETE FROM schema_version WHERE version IN (11, 12, 13, 14, 15, 17, 19, 26)"), // V26 adds columns to V12's table too
                List.of("UPDATE session_hour_view SET prev_hour = NULL, prev_slot = hour, views = views + 1")), this::compare);

        life.reset();
        for (String table : List.of("visit_view_span", "session_view_span", "session_hour_view")) {
            assertThat(life.rows(table)).as("reset clears " + table).isZero();
        }
        assertThat(life.accelerated().stats(wholeDays())).isEqualTo(WebsiteTotals.ZERO);
        assertThat(life.accelerated().pageviews(wholeDays()).pageviews()).isEmpty();
    }

    private void compare(String step, Random r) throws Exception {
        for (String[] rows : ROWS) life.assertSameRows(step, "rollup rows", rows[0], rows[1]);
        Analytics accelerated = life.accelerated();
        Analytics reference = life.reference();
        RandomRequests requests = new RandomRequests(r, life.now(), life.traffic());
        int covered = 0;
        int series = 0;
        int weekly = 0;
        for (int i = 0; i < REQUESTS; i++) {
            RandomRequests.Request req = requests.next();
            QueryParams asked = QueryParams.parse(req.source());
            for (QueryParams p : List.of(asked, asked.withFilters(List.of()))) {
                EventScope scope = life.scope(p);
                String at = step + " / " + req + (p == asked ? "" : " without filters");
                WebsiteTotals fast = accelerated.stats(scope);
                assertThat(Json.MAPPER.writeValueAsString(fast)).as(at + " stats")
                        .isEqualTo(Json.MAPPER.writeValueAsString(reference.stats(scope)));
                if (fast.visits() > 0 && p.filters().isEmpty()) covered++;
                PageviewSeries.Series points = accelerated.pageviews(scope);
                assertThat(Json.MAPPER.writeValueAsString(points)).as(at + " pageviews")
                        .isEqualTo(Json.MAPPER.writeValueAsString(reference.pageviews(scope)));
                if (!points.pageviews().isEmpty() && p.filters().isEmpty() && PostgresAcceleratedAnalytics.seriesFromRollup(p)) series++;
                long[][] cells = accelerated.sessionWeekly(scope);
                assertThat(cells).as(at + " weekly").isEqualTo(reference.sessionWeekly(scope));
                if (fast.visits() > 0 && PostgresAcceleratedAnalytics.weeklyFromRollup(p)) weekly++;
            }
        }
        assertThat(covered).as(step + ": requests with visits the rollup answered").isGreaterThan(REQUESTS / 4);
        assertThat(series).as(step + ": series with views the hour rows answered").isGreaterThan(REQUESTS / 4);
        assertThat(weekly).as(step + ": weekly heatmaps with views the hour rows answered").isGreaterThan(REQUESTS / 4);
    }

    private static EventScope wholeDays() {
        return life.scope(Map.of("startAt", Long.toString(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()),
                "endAt", Long.toString(life.now().toEpochMilli())));
    }
}
