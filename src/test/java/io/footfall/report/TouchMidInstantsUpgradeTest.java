package io.footfall.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.accelerate.duckdb.DuckDbReportAccelerator;
import io.footfall.event.CollectedHit;
import io.footfall.http.ExpandedRollupTest;
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
 * A store from before V54 (visit_touch with {@code instants}, all of a visit's first seven instants) keeps only the ones
 * between {@code first_at} and {@code last_at} at its next start: every visit's first seven instants, rebuilt from the
 * three, equal those before and those of its events, and attribution answers as before and as the plain report, for
 * visits of one, two, seven and nine instants (last-click's rolled visits and one read from events after its seventh).
 * Then late rows (before a visit's first row, tied with it, between its rows, after its last one taking it to seven and
 * to eight instants) are folded into the new column and checked the same way.
 */
class TouchMidInstantsUpgradeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** visit_touch's first seven instants since V54, written out here apart from TouchSpans.instants. */
    static final String ALL_INSTANTS = "list_concat([first_at], mid_instants, CASE WHEN last_at > first_at AND len(mid_instants) < 6"
            + " THEN [last_at] ELSE []::TIMESTAMP[] END)";

    private static CollectedHit view(UUID site, UUID session, UUID visit, String time, String path, String referrer) {
        return ExpandedRollupTest.hit(site, session, visit, time, path, null, referrer, null, null, 1);
    }

    @Test
    void aStoreFromBeforeV54KeepsItsInstantsAndAnswersTheSame(@TempDir Path dir) throws Exception {
        UUID site;
        UUID s1 = UUID.randomUUID(), v1 = UUID.randomUUID(), s2 = UUID.randomUUID(), v2 = UUID.randomUUID();
        UUID s3 = UUID.randomUUID(), v3 = UUID.randomUUID(), s4 = UUID.randomUUID(), v4 = UUID.randomUUID();
        UUID s5 = UUID.randomUUID(), w1 = UUID.randomUUID(), w2 = UUID.randomUUID(), v6 = UUID.randomUUID();
        List<Map<String, Object>> before;
        List<Map<String, Object>> instantsBefore;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            site = UUID.fromString(first.createWebsite("Before V54", "example.com"));
            List<CollectedHit> hits = new ArrayList<>();
            hits.add(view(site, s1, v1, "10:00", "/pricing", "a.com")); // one instant
            hits.add(view(site, s2, v2, "10:00", "/a", "b.com")); // two
            hits.add(view(site, s2, v2, "10:05", "/pricing", null));
            for (int m = 0; m < 7; m++) { // seven, a touch row at the sixth (last-click's own row before the 10:06 conversion)
                hits.add(view(site, s3, v3, "10:0" + m, m == 6 ? "/pricing" : "/a", m == 0 ? "c.com" : m == 5 ? "c5.com" : null));
            }
            for (int m = 0; m < 9; m++) { // nine: the touch row at the eighth comes from events (after the seventh)
                hits.add(view(site, s4, v4, "10:0" + m, m == 8 ? "/pricing" : "/a", m == 0 ? "e.com" : m == 7 ? "f.com" : null));
            }
            for (int m = 0; m < 6; m++) hits.add(view(site, s4, v6, "12:0" + m, "/b", null)); // six, gains a seventh below
            hits.add(view(site, s5, w1, "09:00", "/a", "g.com")); // first-click from 10:30 reads s5 per visit
            hits.add(view(site, s5, w2, "11:00", "/a", "h.com"));
            hits.add(view(site, s5, w2, "11:02", "/pricing", null));
            first.append(hits.toArray(CollectedHit[]::new));
            first.fold();
            before = answers(first, site);
            instantsBefore = first.query("SELECT visit_id, (" + ALL_INSTANTS + ")::VARCHAR AS i FROM visit_touch ORDER BY visit_id");
            assertThat(instantsBefore).isEqualTo(eventInstants(first));
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // visit_touch as V50 left it: all of the first seven instants after the span
                    st.execute("CREATE TABLE visit_touch_v50 AS SELECT website_id, visit_id, session_id, first_at, last_at, " + ALL_INSTANTS
                            + " AS instants, early FROM visit_touch");
                    st.execute("DROP TABLE visit_touch");
                    st.execute("ALTER TABLE visit_touch_v50 RENAME TO visit_touch");
                    st.execute("DELETE FROM schema_version WHERE version = 54");
                }
                return null;
            });
            assertThat(first.count("SELECT sum(len(instants)) FROM visit_touch")).isEqualTo(1 + 2 + 7 + 7 + 6 + 1 + 2);
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            assertThat(again.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'visit_touch' AND column_name = 'instants'"))
                    .isZero();
            // the ends are gone: 0 + 0 + 5 + 6 + 4 + 0 + 0 (w2's 11:00 and 11:02 are its span)
            assertThat(again.count("SELECT sum(len(mid_instants)) FROM visit_touch")).isEqualTo(15);
            assertThat(again.query("SELECT visit_id, (" + ALL_INSTANTS + ")::VARCHAR AS i FROM visit_touch ORDER BY visit_id")).isEqualTo(instantsBefore);
            assertThat(answers(again, site)).isEqualTo(before);
            assertThat(before.get(2).toString()).contains("f.com").contains("c5.com").contains("b.com"); // last-click's own rows
            // late rows: v2 before its first row, v1 tied with its only row, v4 between its rows (a new third instant),
            // v3 after its last (eight instants: its old last becomes its seventh), v6 after its last (seven)
            again.append(view(site, s2, v2, "09:59", "/c", "late.com"), view(site, s1, v1, "10:00", "/c", "tie.com"),
                    view(site, s4, v4, "10:01", "/c", null), view(site, s3, v3, "10:09", "/c", "after.com"),
                    view(site, s4, v6, "12:09", "/c", null));
            again.fold();
            assertThat(again.query("SELECT visit_id, (" + ALL_INSTANTS + ")::VARCHAR AS i FROM visit_touch ORDER BY visit_id")).isEqualTo(eventInstants(again));
            assertThat(again.count("SELECT len(mid_instants) FROM visit_touch WHERE visit_id = ?::UUID", v3.toString())).isEqualTo(6);
            assertThat(again.count("SELECT len(mid_instants) FROM visit_touch WHERE visit_id = ?::UUID", v6.toString())).isEqualTo(5);
            var late = answers(again, site);
            assertThat(late.get(0).toString()).contains("late.com").contains("tie.com");
        }
    }

    /** Each visit's first seven distinct reportable instants, from its events. */
    private static List<Map<String, Object>> eventInstants(TestServer server) {
        return server.query("SELECT visit_id, (list_sort(list(created_at))[1:7])::VARCHAR AS i FROM (SELECT DISTINCT visit_id, created_at FROM event"
                + " WHERE event_type IN (1, 2, 3, 4)) GROUP BY visit_id ORDER BY visit_id");
    }

    /** First-click over the day and from 10:30, last-click over the day: each checked equal to the plain answer. */
    private static List<Map<String, Object>> answers(TestServer server, UUID site) throws Exception {
        EventStore store = server.server().stores().events();
        Instant day = Instant.parse("2026-03-07T00:00:00Z"), end = Instant.parse("2026-03-07T23:59:59Z");
        List<Map<String, Object>> out = new ArrayList<>();
        for (var c : List.of(new Object[]{"first-click", day}, new Object[]{"first-click", Instant.parse("2026-03-07T10:30:00Z")},
                new Object[]{"last-click", day})) {
            var scope = ReportScopes.of(site, store, (Instant) c[1], end, Map.of("timezone", "UTC"));
            var p = JSON.readTree("{\"model\":\"" + c[0] + "\",\"type\":\"path\",\"step\":\"/pricing\"}");
            var answer = Attribution.run(new DuckDbReportAccelerator(), store, scope, p);
            assertThat(answer).as(c[0] + " from " + c[1]).isEqualTo(AttributionReference.run(store, scope, p));
            out.add(answer);
        }
        return out;
    }
}
