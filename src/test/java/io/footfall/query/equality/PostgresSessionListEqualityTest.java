package io.footfall.query.equality;

import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.DataType;
import io.footfall.event.Event;
import io.footfall.event.EventType;
import io.footfall.http.Json;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.SessionPage;
import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator's sessions list and revenue sessions list (session_activity_span's list columns, V24) and
 * session data (its active sessions from the session rows) equal the reference's, on generated traffic (sessions on two
 * hostnames, sessions over several days) plus events that disagree with their session's search values (another browser,
 * city or distinct id) and payments (revenue and currency event data, some of revenue 0): random ranges with search and
 * paging, ranges cut inside multi-day sessions, and a page past the end. Compared through {@link PostgresLife} (batches,
 * late hits, a crash re-ship, the first start after V24 on older rows, a bulk load); a website reset leaves no rows.
 * After each step the rows are also those an independent query computes from the events.
 */
@OnPostgreSql
class PostgresSessionListEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 25);
    static final int REQUESTS = Integer.getInteger("equality.requests", 20);
    static final String COLUMNS = "hostname, distinct_id, city, browser, os, device";

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("List", SEED, 500, PostgresSessionListEqualityTest::withStrays);
    }

    @AfterAll
    static void stop() {
        life.close();
    }

    /** The traffic plus, for some events, a custom event a second later whose search values differ from its session's. */
    private static List<CollectedHit> withStrays(List<CollectedHit> generated, Random r) {
        List<CollectedHit> all = new ArrayList<>(generated);
        all.addAll(PostgresLife.strays(generated, r, e -> e.eventType() != EventType.PERFORMANCE, 15, EventType.CUSTOM_EVENT, "stray", List.of(
                PostgresLife::otherBrowser, PostgresLife::otherCity,
                a -> new Event.SessionAttributes(a.browser(), a.os(), a.device(), a.screen(), a.language(), a.country(), a.region(),
                        a.city(), a.distinctId() == null ? "user-x" : null))));
        for (CollectedHit h : generated) {
            if (h.event() != null && h.event().eventType() == EventType.CUSTOM_EVENT && r.nextInt(4) == 0) all.add(payment(h, r));
        }
        all.sort(Comparator.comparing(CollectedHit::createdAt));
        return all;
    }

    /** A payment two seconds after a custom event, in its session: revenue (sometimes 0) in EUR, eur or USD, as Umami records it. */
    private static CollectedHit payment(CollectedHit h, Random r) {
        Event e = h.event();
        Instant at = h.createdAt().plusSeconds(2);
        Event paid = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), e.visitId(), at, EventType.CUSTOM_EVENT, "purchase",
                e.page(), e.referrer(), e.campaign(), e.session(), Event.WebVitals.NONE);
        List<DataField> data = List.of(
                new DataField("revenue", DataType.NUMBER, null, java.math.BigDecimal.valueOf(r.nextInt(5) * 10).setScale(4), null),
                new DataField("currency", DataType.STRING, GeneratedTraffic.pick(r, new String[]{"EUR", "eur", "USD"}), null, null));
        return new CollectedHit(paid, data, h.websiteId(), h.sessionId(), h.distinctId(), at, List.of(), h.flag());
    }

    @Test
    void sessionsListAndSessionDataEqualReferenceThroughLateHitsCrashUpgradeAndBulkLoad() throws Exception {
        // A store from before V24: the list columns dropped, the version forgotten; the start applies V24, which fills them.
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V24 on older rows",
                List.of("DROP INDEX session_activity_span_mixed",
                        "ALTER TABLE session_activity_span DROP COLUMN " + COLUMNS.replace(", ", ", DROP COLUMN ") + ", DROP COLUMN mixed",
                        "DELETE FROM schema_version WHERE version = 24"),
                List.of("UPDATE session_activity_span SET hostname = 'stale', mixed = false WHERE session_id::text < '8'",
                        "DELETE FROM session_activity_span WHERE session_id::text > 'c'")), this::compare);

        life.reset();
        assertThat(life.rows("session_activity_span")).as("reset clears the rows").isZero();
        EventScope all = life.scope(Map.of("startAt", "0", "endAt", Long.toString(life.now().toEpochMilli())));
        assertThat(life.accelerated().sessions(all).data()).as("sessions after reset").isEmpty();
        assertThat(life.accelerated().sessionDataProperties(all)).as("session data after reset").isEmpty();
    }

    private void compare(String step, Random r) throws Exception {
        life.assertAgreeingRows(step, "session_activity_span", COLUMNS, "event_type <> 5");
        // Statistics, as autovacuum keeps them: on never-analyzed tables the reference's revenue statement took minutes.
        life.server().server().stores().connections().write(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("ANALYZE event, event_data, session_data, session_activity_span");
            }
            return null;
        });
        List<QueryParams> asked = life.unfilteredRequests(r, REQUESTS);
        asked.addAll(cutSessions(r));
        int listed = 0;
        int paying = 0;
        for (QueryParams p : asked) {
            EventScope scope = life.scope(p);
            String at = step + " / " + p.startAt() + " .. " + p.endAt() + " page " + p.page() + " size " + p.pageSize() + " search " + p.search();
            SessionPage fast = life.accelerated().sessions(scope);
            assertThat(Json.MAPPER.writeValueAsString(fast)).as(at + " sessions")
                    .isEqualTo(Json.MAPPER.writeValueAsString(life.reference().sessions(scope)));
            if (!fast.data().isEmpty()) listed++;
            for (String currency : List.of("EUR", "USD")) {
                Map<String, Object> paid = life.accelerated().revenue(scope, currency);
                assertThat(Json.MAPPER.writeValueAsString(paid)).as(at + " revenue sessions " + currency)
                        .isEqualTo(Json.MAPPER.writeValueAsString(life.reference().revenue(scope, currency)));
                if (!((List<?>) paid.get("data")).isEmpty()) paying++;
            }
            assertThat(life.accelerated().sessionDataProperties(scope)).as(at + " session data keys").isEqualTo(life.reference().sessionDataProperties(scope));
            for (String key : List.of("tier", "age")) {
                assertThat(life.accelerated().sessionDataValues(scope, key)).as(at + " session data " + key)
                        .isEqualTo(life.reference().sessionDataValues(scope, key));
            }
        }
        assertThat(listed).as(step + ": pages with sessions").isGreaterThan(asked.size() / 3);
        assertThat(paying).as(step + ": pages with paying sessions").isGreaterThan(asked.size() / 3);
    }

    /**
     * Ranges inside sessions over several days: from a millisecond after one session's first event to a millisecond before
     * its last (the session crosses both ends), and the hour after its first event; with search, paging, a page past the end.
     */
    private static List<QueryParams> cutSessions(Random r) {
        List<QueryParams> out = new ArrayList<>();
        for (long[] span : life.longSessions("session_activity_span")) {
            long first = span[0];
            long last = span[1];
            for (long[] range : new long[][]{{first + 1, last - 1}, {first + 1, first + 3_600_000L}, {first - 86_400_000L, last - 1}}) {
                Map<String, String> q = new LinkedHashMap<>();
                q.put("startAt", Long.toString(range[0]));
                q.put("endAt", Long.toString(range[1]));
                int roll = r.nextInt(4);
                if (roll == 0) q.put("search", GeneratedTraffic.pick(r, RandomRequests.SEARCHES));
                if (roll == 1) {
                    q.put("page", Integer.toString(1 + r.nextInt(3)));
                    q.put("pageSize", Integer.toString(1 + r.nextInt(4)));
                }
                if (roll == 2) q.put("page", "40");
                out.add(QueryParams.parse(new RandomRequests.Request(q).source()));
            }
        }
        return out;
    }
}
