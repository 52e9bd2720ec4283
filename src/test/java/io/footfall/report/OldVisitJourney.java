package io.footfall.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.accelerate.duckdb.DuckDbReportAccelerator;
import io.footfall.event.CollectedHit;
import io.footfall.http.ExpandedRollupTest;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;
import io.footfall.testing.TestServer;

import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the journey upgrade tests share: views on 2026-03-07, visit_journey put back as an older version wrote it, and the
 * journey report they compare before and after the start that converts it.
 */
final class OldVisitJourney {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OldVisitJourney() {
    }

    /** A view of {@code path} at {@code time} (HH:mm on 2026-03-07). */
    static CollectedHit view(UUID site, UUID session, UUID visit, String time, String path) {
        return ExpandedRollupTest.hit(site, session, visit, time, path, null, null, null, null, 1);
    }

    /**
     * Replaces visit_journey by the table an older version wrote, computed from the events: session_id, each first row's
     * item in the list as well as in e1...e7, and with {@code eventIds} (V35 to V44) each first row's event id too; then
     * deletes the schema_version rows {@code forget} selects, so the next start converts it.
     */
    static void putBack(TestServer server, boolean eventIds, String forget) throws Exception {
        String idType = eventIds ? "id UUID, " : "";
        String idValue = eventIds ? "id := r.event_id, " : "";
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE visit_journey");
                st.execute("CREATE TABLE visit_journey (website_id UUID NOT NULL, visit_id UUID NOT NULL, session_id UUID NOT NULL, "
                        + "first_at TIMESTAMP NOT NULL, last_at TIMESTAMP NOT NULL, firsts STRUCT(ts TIMESTAMP, t SMALLINT, " + idType + "item INTEGER)[] NOT NULL, "
                        + "e1 INTEGER, e2 INTEGER, e3 INTEGER, e4 INTEGER, e5 INTEGER, e6 INTEGER, e7 INTEGER)");
                st.execute("INSERT INTO visit_journey SELECT *, firsts[1].item, firsts[2].item, firsts[3].item, firsts[4].item, firsts[5].item, "
                        + "firsts[6].item, firsts[7].item FROM (SELECT r.website_id, r.visit_id, any_value(r.session_id), min(r.created_at), "
                        + "max(r.created_at), list(struct_pack(ts := r.created_at, t := r.event_type, " + idValue + "item := j.id) "
                        + "ORDER BY r.created_at, r.event_type, r.event_id)[1:7] AS firsts FROM event r LEFT JOIN journey_item j ON j.item = r.url_path "
                        + "WHERE r.event_type IN (1, 2, 3, 4) GROUP BY r.website_id, r.visit_id)");
                st.execute("DELETE FROM schema_version WHERE " + forget);
            }
            return null;
        });
    }

    /** The journey report (rollup path) for every step count, each checked equal to the plain answer from events. */
    static List<List<Map<String, Object>>> journeys(TestServer server, UUID site) throws Exception {
        EventStore store = server.server().stores().events();
        EventScope scope = ReportScopes.of(site, store, Instant.parse("2026-03-07T00:00:00Z"), Instant.parse("2026-03-07T23:59:59Z"),
                Map.of("timezone", "UTC"));
        List<List<Map<String, Object>>> out = new ArrayList<>();
        for (int steps = 3; steps <= 7; steps++) {
            var p = JSON.readTree("{\"steps\":" + steps + "}");
            var answer = Journey.run(new DuckDbReportAccelerator(), store, scope, p);
            assertThat(answer).as("steps " + steps).isEqualTo(Journey.plain(store, scope, p)).isNotEmpty();
            out.add(answer);
        }
        return out;
    }
}
