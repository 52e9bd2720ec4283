package io.footfall.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.event.CollectedHit;
import io.footfall.http.ExpandedRollupTest;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store from before V45 (visit_journey's first rows with their event ids) converts in place at its next start and
 * answers the journey report as before, and as the events do; rows tied on (created_at, event_type), some arriving
 * late into a folded visit, keep the order their event ids give.
 */
class JourneyWithoutEventIdsUpgradeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CollectedHit view(UUID site, UUID session, UUID visit, String time, String path) {
        return ExpandedRollupTest.hit(site, session, visit, time, path, null, null, null, null, 1);
    }

    @Test
    void aStoreFromBeforeV45AnswersTheSameJourneysAfterIt(@TempDir Path dir) throws Exception {
        UUID site;
        UUID s = UUID.randomUUID(), v = UUID.randomUUID(), w = UUID.randomUUID();
        List<List<Map<String, Object>>> before;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            site = UUID.fromString(first.createWebsite("Before V45", "example.com"));
            // three views of v at one instant: only their event ids order them
            first.append(view(site, s, v, "10:00", "/a"), view(site, s, v, "10:00", "/b"), view(site, s, v, "10:00", "/c"),
                    view(site, s, v, "10:05", "/d"), view(site, s, w, "11:00", "/a"), view(site, s, w, "11:01", "/e"));
            first.fold();
            before = journeys(first, site);
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // visit_journey as V35 wrote it: each first row with its event id
                    st.execute("DROP TABLE visit_journey");
                    st.execute("CREATE TABLE visit_journey (website_id UUID NOT NULL, visit_id UUID NOT NULL, session_id UUID NOT NULL, "
                            + "first_at TIMESTAMP NOT NULL, last_at TIMESTAMP NOT NULL, firsts STRUCT(ts TIMESTAMP, t SMALLINT, id UUID, item INTEGER)[] NOT NULL, "
                            + "e1 INTEGER, e2 INTEGER, e3 INTEGER, e4 INTEGER, e5 INTEGER, e6 INTEGER, e7 INTEGER)");
                    st.execute("INSERT INTO visit_journey SELECT *, firsts[1].item, firsts[2].item, firsts[3].item, firsts[4].item, firsts[5].item, "
                            + "firsts[6].item, firsts[7].item FROM (SELECT r.website_id, r.visit_id, any_value(r.session_id), min(r.created_at), "
                            + "max(r.created_at), list(struct_pack(ts := r.created_at, t := r.event_type, id := r.event_id, item := j.id) "
                            + "ORDER BY r.created_at, r.event_type, r.event_id)[1:7] AS firsts FROM event r LEFT JOIN journey_item j ON j.item = r.url_path "
                            + "WHERE r.event_type IN (1, 2, 3, 4) GROUP BY r.website_id, r.visit_id)");
                    st.execute("DELETE FROM schema_version WHERE version IN (45, 46, 51)"); // V46 drops what V45 left of the items, V51 the keys
                }
                return null;
            });
            assertThat(first.count("SELECT count(*) FROM visit_journey WHERE firsts[1].id IS NOT NULL")).isEqualTo(2);
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            // V51 goes on: the first rows' count instead of their keys
            assertThat(again.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'visit_journey' AND column_name = 'firsts'"))
                    .isZero();
            assertThat(again.count("SELECT min(n) FROM visit_journey")).isPositive();
            assertThat(journeys(again, site)).isEqualTo(before);
            // late rows into the folded visit v: two tied with its 10:00 views (the visit is built again), one before them
            again.append(view(site, s, v, "10:00", "/x"), view(site, s, v, "10:00", "/y"), view(site, s, v, "09:59", "/z"),
                    view(site, s, w, "11:00", "/b"));
            again.fold();
            assertThat(again.count("SELECT n FROM visit_journey WHERE visit_id = ?::UUID", v.toString())).isEqualTo(7);
            assertThat(again.count("SELECT count(*) FROM visit_journey")).isEqualTo(2);
            journeys(again, site);
        }
    }

    /** The journey report (rollup path) for every step count, each checked equal to the plain answer from events. */
    private static List<List<Map<String, Object>>> journeys(TestServer server, UUID site) throws Exception {
        EventStore store = server.server().stores().events();
        EventScope scope = ReportScopes.of(site, store, Instant.parse("2026-03-07T00:00:00Z"), Instant.parse("2026-03-07T23:59:59Z"),
                Map.of("timezone", "UTC"));
        List<List<Map<String, Object>>> out = new ArrayList<>();
        for (int steps = 3; steps <= 7; steps++) {
            var p = JSON.readTree("{\"steps\":" + steps + "}");
            var answer = Journey.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, p);
            assertThat(answer).as("steps " + steps).isEqualTo(Journey.plain(store, scope, p)).isNotEmpty();
            out.add(answer);
        }
        return out;
    }
}
