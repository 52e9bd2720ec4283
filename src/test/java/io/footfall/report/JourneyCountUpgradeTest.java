package io.footfall.report;

import io.footfall.event.CollectedHit;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.footfall.report.OldVisitJourney.journeys;
import static io.footfall.report.OldVisitJourney.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store from before V51 (visit_journey with its first rows' keys, {@code firsts}) keeps their count instead at its next
 * start, answers the journey report as before, and folds tail rows: appended after the stored items of a visit with
 * fewer than seven, left out of a visit with seven, and a visit with a late row (before, between or tied with its
 * stored rows) built again from its events.
 */
class JourneyCountUpgradeTest {
    @Test
    void aStoreFromBeforeV51AnswersTheSameJourneysAndFoldsTailRows(@TempDir Path dir) throws Exception {
        UUID site;
        UUID s = UUID.randomUUID(), v = UUID.randomUUID(), w = UUID.randomUUID(), x = UUID.randomUUID(), y = UUID.randomUUID();
        List<List<Map<String, Object>>> before;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            site = UUID.fromString(first.createWebsite("Before V51", "example.com"));
            List<CollectedHit> hits = new ArrayList<>(List.of(view(site, s, v, "10:00", "/a"), view(site, s, v, "10:02", "/b"),
                    view(site, s, w, "11:00", "/a"), view(site, s, w, "11:02", "/e"), view(site, s, x, "12:00", "/c"), view(site, s, x, "12:01", "/a")));
            for (int i = 0; i < 8; i++) hits.add(view(site, s, y, "13:0" + i, "/p" + i)); // y: more than seven rows
            first.append(hits.toArray(CollectedHit[]::new));
            first.fold();
            before = journeys(first, site);
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // visit_journey as V46 left it: the first rows' keys between the span and the items, no count
                    st.execute("CREATE TABLE visit_journey_v46 AS SELECT j.website_id, j.visit_id, j.first_at, j.last_at, f.firsts, "
                            + "j.e1, j.e2, j.e3, j.e4, j.e5, j.e6, j.e7 FROM visit_journey j JOIN (SELECT visit_id, list(struct_pack(ts := created_at, "
                            + "t := event_type::SMALLINT) ORDER BY created_at, event_type, event_id)[1:7] AS firsts FROM event "
                            + "WHERE event_type IN (1, 2, 3, 4) GROUP BY visit_id) f ON f.visit_id = j.visit_id");
                    st.execute("DROP TABLE visit_journey");
                    st.execute("ALTER TABLE visit_journey_v46 RENAME TO visit_journey");
                    st.execute("DELETE FROM schema_version WHERE version = 51");
                }
                return null;
            });
            assertThat(first.count("SELECT sum(len(firsts)) FROM visit_journey")).isEqualTo(13);
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            assertThat(again.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'visit_journey' AND column_name = 'firsts'"))
                    .isZero();
            assertThat(again.count("SELECT sum(n) FROM visit_journey")).isEqualTo(13);
            assertThat(journeys(again, site)).isEqualTo(before);
            // v gains two rows after its last, y one after its last (it keeps its seven), w one before its rows, x one tied
            again.append(view(site, s, v, "10:05", "/c"), view(site, s, v, "10:06", "/d"), view(site, s, y, "13:30", "/q"),
                    view(site, s, w, "10:59", "/z"), view(site, s, x, "12:00", "/b"));
            again.fold();
            assertThat(again.query("SELECT list(n ORDER BY first_at) AS n FROM visit_journey").getFirst().get("n").toString())
                    .isEqualTo("[4, 3, 3, 7]"); // v from 10:00, w from 10:59, x from 12:00, y from 13:00
            assertThat(journeys(again, site)).isNotEqualTo(before);
            // a second fold over the rows just merged: more rows after v's and into y's middle
            again.append(view(site, s, v, "10:07", "/e"), view(site, s, v, "10:08", "/f"), view(site, s, v, "10:09", "/g"),
                    view(site, s, v, "10:10", "/h"), view(site, s, y, "13:03", "/r"));
            again.fold();
            assertThat(again.count("SELECT n FROM visit_journey WHERE visit_id = ?::UUID", v.toString())).isEqualTo(7);
            journeys(again, site);
        }
    }
}
