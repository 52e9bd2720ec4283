package io.footfall.query.equality;

import io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics;
import io.footfall.event.CollectedHit;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly heatmap over ranges holding DST changes, with the sessions whose views lie on both sides of a change placed
 * by the first hour in the neighbouring UTC week-hour ({@code session_hour_view.first_above} / {@code first_below}, V26),
 * equals the reference's: the generated traffic plus, for half the sessions, their views again one to three weeks
 * earlier at the same UTC week-hour or one beside it (so sessions return to a local cell across the 2026 changes in
 * Europe, the US and Australia). Ranges of whole local weeks around each change, ranges holding two changes, ranges
 * cut inside hours, random requests. Compared after hits in batches, late hits, a crash re-ship, the first start after
 * V26 on older rows and a bulk load; after each step the two columns equal those computed from the events.
 */
@OnPostgreSql
class PostgresWeeklyNeighboursEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 2026);
    static final int REQUESTS = Integer.getInteger("equality.requests", 10);
    static final String HOURS = "(SELECT DISTINCT website_id, session_id, date_trunc('hour', created_at) AS hour FROM event "
            + "WHERE website_id = ?::uuid AND event_type IN (1, 3, 4))";
    static final String ROWS = "SELECT hour, session_id, first_above, first_below FROM session_hour_view WHERE website_id = ?::uuid";
    /** Written apart from the writer's: the earliest earlier hour whose distance to the row is 167 (above) or 1 (below) hours modulo a week. */
    static final String FROM_EVENTS = "SELECT h.hour, h.session_id, "
            + "(SELECT min(g.hour) FROM " + HOURS + " g WHERE g.session_id = h.session_id AND g.hour < h.hour "
            + "AND mod((extract(epoch FROM h.hour - g.hour) / 3600)::bigint, 168) = 167), "
            + "(SELECT min(g.hour) FROM " + HOURS + " g WHERE g.session_id = h.session_id AND g.hour < h.hour "
            + "AND mod((extract(epoch FROM h.hour - g.hour) / 3600)::bigint, 168) = 1) FROM " + HOURS + " h";
    static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC"};

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("WeeklyNeighbours", SEED, 400, (generated, r) -> {
            List<CollectedHit> all = new ArrayList<>(generated);
            all.addAll(weeklyReturns(generated, r));
            all.sort(Comparator.comparing(CollectedHit::createdAt));
            return all;
        });
    }

    @AfterAll
    static void stop() {
        life.close();
    }

    /** Half the sessions' views again 1–3 weeks earlier, a third of those copies an hour off the same UTC week-hour. */
    private static List<CollectedHit> weeklyReturns(List<CollectedHit> generated, Random r) {
        return WeeklyReturns.of(generated, s -> r.nextBoolean() ? new long[0]
                : IntStream.rangeClosed(1, 1 + r.nextInt(3)).mapToLong(k -> -168L * k + (r.nextInt(3) == 0 ? (r.nextBoolean() ? 1 : -1) : 0)).toArray());
    }

    @Test
    void weeklyAcrossDstChangesEqualsReferenceThroughLateHitsCrashUpgradeAndBulkLoad() throws Exception {
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V26 on older rows",
                List.of("ALTER TABLE session_hour_view DROP COLUMN first_above, DROP COLUMN first_below",
                        "DELETE FROM schema_version WHERE version = 26"),
                List.of("UPDATE session_hour_view SET first_above = hour, first_below = NULL")), this::compare);
    }

    private void compare(String step, Random r) throws Exception {
        life.assertSameRows(step, "neighbouring slots' first hours", ROWS, FROM_EVENTS);
        assertThat(life.server().count("SELECT count(*) FROM session_hour_view WHERE website_id = ?::uuid AND first_below IS NOT NULL "
                + "AND first_below < hour - interval '2 hours'", life.site())).as(step + ": rows linked to an earlier week").isGreaterThan(20);
        List<QueryParams> asked = new ArrayList<>();
        RandomRequests requests = new RandomRequests(r, life.now(), life.traffic());
        for (int i = 0; i < REQUESTS; i++) asked.add(QueryParams.parse(requests.next().source()).withFilters(List.of()));
        asked.addAll(aroundChanges(r));
        int fromRows = 0;
        for (QueryParams p : asked) {
            EventScope scope = life.scope(p);
            long[][] fast = life.accelerated().sessionWeekly(scope);
            assertThat(fast).as(step + " / " + p.startAt() + " .. " + p.endAt() + " " + p.zone() + " weekly")
                    .isEqualTo(life.reference().sessionWeekly(scope));
            if (PostgresAcceleratedAnalytics.weeklyFromRollup(p)) fromRows++;
        }
        assertThat(fromRows).as(step + ": heatmaps from the hour rows").isGreaterThan(asked.size() / 2);
    }

    /**
     * Per zone and each of its offset changes in 2026: whole local days from one to four weeks before the change to one to
     * four weeks after it, the same cut to the minute, and the range from before the spring change to after the autumn one.
     */
    private static List<QueryParams> aroundChanges(Random r) {
        List<QueryParams> out = new ArrayList<>();
        for (String name : ZONES) {
            ZoneId zone = ZoneId.of(name);
            List<Instant> changes = new ArrayList<>();
            for (var t = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
                 t != null && t.getInstant().isBefore(life.now()); t = zone.getRules().nextTransition(t.getInstant())) {
                changes.add(t.getInstant());
            }
            for (Instant change : changes) {
                LocalDate day = LocalDate.ofInstant(change, zone);
                Instant s = day.minusWeeks(1 + r.nextInt(4)).atStartOfDay(zone).toInstant();
                Instant e = day.plusWeeks(1 + r.nextInt(4)).atStartOfDay(zone).toInstant().minusMillis(1);
                out.add(range(name, s, e.isAfter(life.now()) ? life.now() : e));
                out.add(range(name, s.plusSeconds(60L * r.nextInt(600)), e.minusSeconds(60L * r.nextInt(600))));
            }
            if (changes.size() >= 2) {
                out.add(range(name, changes.getFirst().minus(Duration.ofDays(20)), changes.get(1).plus(Duration.ofDays(20))));
            }
        }
        return out;
    }

    private static QueryParams range(String zone, Instant s, Instant e) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("startAt", Long.toString(s.toEpochMilli()));
        q.put("endAt", Long.toString((e.isAfter(life.now()) ? life.now() : e).toEpochMilli()));
        q.put("timezone", zone);
        return QueryParams.parse(new RandomRequests.Request(q).source());
    }
}
