package io.footfall.query.equality;

import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL accelerator's per-view value metrics (path, title, hostname, query, tag, referrer, domain, channel, utm*;
 * {@code session_value} and {@code session_value_extra}, V21) equal the reference's on generated traffic whose views vary
 * these values within a session (several paths, referrers, hosts with and without www, UTM fields): random requests (with
 * search, which the reference answers), and ranges cut inside sessions (beginning before the range and ending after it),
 * with paging. Compared after hits in batches, late hits, a crash re-ship, the first start after V21 on older events, a
 * bulk load ({@code SpanRows.rebuildAll}); a website reset leaves no rows. After each step every (session, kind, value)
 * with its first and last view is in the rows exactly once, as an independent query computes it from the events.
 */
@OnPostgreSql
class PostgresValueMetricsEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 25);
    static final int REQUESTS = Integer.getInteger("equality.requests", 14);
    static final String[] TYPES = {"path", "title", "hostname", "query", "tag", "referrer", "domain", "channel", "utmSource",
            "utmMedium", "utmCampaign", "utmContent", "utmTerm"};
    static final String[] COLUMNS = {"hostname", "referrer", "channel", "query", "tag", "utm_source", "utm_medium", "utm_campaign",
            "utm_content", "utm_term", "title", "path"};
    /** The value each kind counts per view, as the reference's metric expressions and conditions (MetricType) read it. */
    static final String[] FROM_EVENT = {"e.hostname",
            "CASE WHEN e.referrer_domain <> e.hostname AND e.referrer_domain <> regexp_replace(e.hostname, '^www\\.', '') THEN e.referrer_domain END",
            "e.channel", "nullif(e.url_query, '')", "e.tag", "e.utm_source", "e.utm_medium", "e.utm_campaign", "e.utm_content", "e.utm_term",
            "e.page_title", "e.url_path"};
    static final String ROWS;
    static final String TUPLES;

    static {
        StringBuilder slots = new StringBuilder(), kinds = new StringBuilder();
        for (int i = 0; i < COLUMNS.length; i++) {
            String c = "v." + COLUMNS[i];
            slots.append(i == 0 ? "" : ", ").append("(").append(i + 1).append(", ").append(c).append(", ").append(c).append("_first, ")
                    .append(c).append("_last)");
            kinds.append(i == 0 ? "" : ", ").append("(").append(i + 1).append(", ").append(FROM_EVENT[i]).append(")");
        }
        ROWS = "SELECT v.session_id, k.kind, k.value, k.f, k.l FROM session_value v CROSS JOIN LATERAL (VALUES " + slots
                + ") AS k(kind, value, f, l) WHERE v.website_id = ?::uuid AND k.value IS NOT NULL "
                + "UNION ALL SELECT session_id, kind, value, first_at, last_at FROM session_value_extra WHERE website_id = ?::uuid";
        TUPLES = "SELECT e.session_id, k.kind, k.value, min(e.created_at), max(e.created_at) FROM event e CROSS JOIN LATERAL (VALUES "
                + kinds + ") AS k(kind, value) WHERE e.website_id = ?::uuid AND e.event_type IN (1, 3, 4) AND k.value IS NOT NULL "
                + "AND k.value <> '' GROUP BY 1, 2, 3";
    }

    static PostgresLife life;

    @BeforeAll
    static void start() {
        life = PostgresLife.start("Values", SEED, 500);
    }

    @AfterAll
    static void stop() {
        life.close();
    }

    @Test
    void valueMetricsEqualReferenceThroughLateHitsCrashUpgradeAndBulkLoad() throws Exception {
        // A store from before V21: its tables dropped, the version forgotten; the start applies V21, which fills them.
        life.live(new Random(SEED), new PostgresLife.Changes("first start after V21 on older events",
                List.of("DROP TABLE session_value, session_value_extra", "DELETE FROM schema_version WHERE version = 21"),
                List.of("UPDATE session_value SET path = 'stale', channel_last = channel_first WHERE session_id::text < '8'",
                        "DELETE FROM session_value_extra WHERE session_id::text > 'c'")), this::compare);

        life.reset();
        assertThat(life.rows("session_value")).as("reset clears the rows").isZero();
        assertThat(life.rows("session_value_extra")).as("reset clears the extra rows").isZero();
        EventScope all = life.scope(Map.of("startAt", "0", "endAt", Long.toString(life.now().toEpochMilli())));
        for (String type : TYPES) assertThat(life.accelerated().metrics(all, MetricType.of(type))).as(type + " after reset").isEmpty();
    }

    private void compare(String step, Random r) throws Exception {
        life.assertSameRows(step, "(session, kind, value) rows", ROWS, TUPLES);
        assertThat(life.server().count("SELECT count(*) FROM (" + ROWS + ") t", life.site(), life.site()))
                .as(step + ": each (session, kind, value) once").isEqualTo(life.server().count("SELECT count(*) FROM (" + TUPLES + ") t", life.site()));
        life.assertSameRows(step, "session spans", "SELECT session_id, first_at, last_at FROM session_value WHERE website_id = ?::uuid",
                "SELECT t.session_id, min(t.min), max(t.max) FROM (" + TUPLES + ") t GROUP BY 1");
        assertThat(life.rows("session_value_extra")).as(step + ": sessions with several values of a kind").isGreaterThan(100);
        List<QueryParams> asked = life.unfilteredRequests(r, REQUESTS);
        asked.addAll(life.cutSessions(r, "session_value"));
        int covered = life.compareMetrics(step, asked, TYPES);
        assertThat(covered).as(step + ": answers from the rows").isGreaterThan(asked.size() * TYPES.length / 3);
    }
}
