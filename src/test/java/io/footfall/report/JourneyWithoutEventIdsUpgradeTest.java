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
 * A store from before V45 (visit_journey's first rows with their event ids) converts in place at its next start and
 * answers the journey report as before, and as the events do; rows tied on (created_at, event_type), some arriving
 * late into a folded visit, keep the order their event ids give.
 */
class JourneyWithoutEventIdsUpgradeTest {
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
            // visit_journey as V35 wrote it: each first row with its event id; V46 drops what V45 left of the items, V51 the keys
            OldVisitJourney.putBack(first, true, "version IN (45, 46, 51)");
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
}
