package io.footfall.report;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.footfall.report.OldVisitJourney.journeys;
import static io.footfall.report.OldVisitJourney.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store from before V46 (visit_journey with session_id and each first row's item in its list) converts in place at
 * its next start, answers the journey report as before, and folds late rows into its visits with the items taken
 * from e1...e7: before, between and after the stored rows, and tied with one (that visit built again).
 */
class JourneyLeanUpgradeTest {
    @Test
    void aStoreFromBeforeV46AnswersTheSameJourneysAndFoldsLateRows(@TempDir Path dir) throws Exception {
        UUID site;
        UUID s = UUID.randomUUID(), v = UUID.randomUUID(), w = UUID.randomUUID(), x = UUID.randomUUID();
        List<List<Map<String, Object>>> before;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            site = UUID.fromString(first.createWebsite("Before V46", "example.com"));
            first.append(view(site, s, v, "10:00", "/a"), view(site, s, v, "10:02", "/b"), view(site, s, v, "10:04", "/c"),
                    view(site, s, v, "10:06", "/d"), view(site, s, w, "11:00", "/a"), view(site, s, w, "11:02", "/e"),
                    view(site, s, x, "12:00", "/c"), view(site, s, x, "12:01", "/a"));
            first.fold();
            before = journeys(first, site);
            // visit_journey as V45 left it: session_id, and each first row's item in the list as well as in e1...e7; V51 then drops the keys
            OldVisitJourney.putBack(first, false, "version IN (46, 51)");
            assertThat(first.count("SELECT count(*) FROM visit_journey WHERE firsts[1].item IS NOT NULL")).isEqualTo(3);
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            // V51 goes on: the first rows' count instead of their keys
            assertThat(again.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'visit_journey' AND column_name = 'firsts'"))
                    .isZero();
            assertThat(again.count("SELECT min(n) FROM visit_journey")).isPositive();
            assertThat(again.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'visit_journey' AND column_name = 'session_id'"))
                    .isZero();
            assertThat(journeys(again, site)).isEqualTo(before);
            // late rows: v gains one before its rows and one between them, w one after, x one tied with its 12:00 view
            again.append(view(site, s, v, "09:58", "/z"), view(site, s, v, "10:03", "/y"), view(site, s, w, "11:05", "/f"),
                    view(site, s, x, "12:00", "/b"));
            again.fold();
            assertThat(again.count("SELECT n FROM visit_journey WHERE visit_id = ?::UUID", v.toString())).isEqualTo(6);
            assertThat(again.count("SELECT count(*) FROM visit_journey")).isEqualTo(3);
            assertThat(journeys(again, site)).isNotEqualTo(before);
        }
    }
}
