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
 * A store from before V50 (visit_touch with {@code touches}, its first instant's touch rows) drops the column at its next
 * start and answers attribution as before, reading those rows from {@code early}: first-click's per-visit path (a session
 * that started before the range) and the session rows rebuilt by a re-ship, before and after late rows at a visit's first
 * instant and before it.
 */
class TouchLeanUpgradeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST_TOUCHES = "list_transform(list_filter(early, lambda x: x.ts = first_at), lambda x: x.u)";

    private static CollectedHit view(UUID site, UUID session, UUID visit, String time, String path, String referrer) {
        return ExpandedRollupTest.hit(site, session, visit, time, path, null, referrer, null, null, 1);
    }

    @Test
    void aStoreFromBeforeV50AnswersTheSameAttributionAndFoldsLateRows(@TempDir Path dir) throws Exception {
        UUID site;
        UUID s = UUID.randomUUID(), v = UUID.randomUUID(), s2 = UUID.randomUUID(), w = UUID.randomUUID(), x = UUID.randomUUID();
        List<Map<String, Object>> before;
        CollectedHit tco;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            site = UUID.fromString(first.createWebsite("Before V50", "example.com"));
            tco = view(site, s, v, "10:00", "/a", "t.co");
            // v: two touch rows at its first instant; s2: a visit at 09:00, then one at 11:00 converting (first-click from 10:30
            // reads s2 per visit: its session's first instant lies before the range)
            first.append(tco, view(site, s, v, "10:00", "/b", "x.com"), view(site, s, v, "10:05", "/pricing", null),
                    view(site, s2, w, "09:00", "/a", "a.com"), view(site, s2, x, "11:00", "/a", "b.com"), view(site, s2, x, "11:02", "/pricing", null));
            first.fold();
            before = answers(first, site);
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // visit_touch as V41 left it: touches between the span and the instants
                    st.execute("CREATE TABLE visit_touch_v41 AS SELECT website_id, visit_id, session_id, first_at, last_at, "
                            + FIRST_TOUCHES + " AS touches, " + TouchMidInstantsUpgradeTest.ALL_INSTANTS + " AS instants, early FROM visit_touch");
                    st.execute("DROP TABLE visit_touch");
                    st.execute("ALTER TABLE visit_touch_v41 RENAME TO visit_touch");
                    st.execute("DELETE FROM schema_version WHERE version IN (50, 54)");
                }
                return null;
            });
            assertThat(first.count("SELECT sum(len(touches)) FROM visit_touch")).isEqualTo(4);
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            assertThat(again.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'visit_touch' AND column_name = 'touches'"))
                    .isZero();
            assertThat(again.count("SELECT sum(len(" + FIRST_TOUCHES + ")) FROM visit_touch")).isEqualTo(4);
            assertThat(answers(again, site)).isEqualTo(before);
            assertThat(before.get(1).toString()).contains("b.com").doesNotContain("a.com"); // the per-visit path's touch
            // late rows: v one more at its first instant, x one before its first row
            again.append(view(site, s, v, "10:00", "/c", "late.example"), view(site, s2, x, "10:50", "/c", "early.example"));
            again.fold();
            var late = answers(again, site);
            assertThat(late.get(1).toString()).contains("early.example").doesNotContain("b.com");
            assertThat(late.get(0).toString()).contains("late.example").contains("t.co");
            assertThat(again.count("SELECT len(touches) FROM session_touch WHERE session_id = ?::UUID", s.toString())).isEqualTo(3);
            // a re-ship: v's t.co row deleted (its visit and session rebuilt from the folded rows left), then appended again
            EventStore store = again.server().stores().events();
            store.deleteEvents(List.of(tco.event().eventId()));
            assertThat(again.count("SELECT len(touches) FROM session_touch WHERE session_id = ?::UUID", s.toString())).isEqualTo(2);
            answers(again, site);
            again.append(tco);
            again.fold();
            assertThat(answers(again, site)).isEqualTo(late);
            assertThat(again.count("SELECT len(touches) FROM session_touch WHERE session_id = ?::UUID", s.toString())).isEqualTo(3);
        }
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
