package io.footfall.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.http.EventStatsRollupTest;
import io.footfall.http.ExpandedRollupTest;
import io.footfall.http.SessionRollupTest;
import io.footfall.store.SessionValueKind;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DuckDB's rollups count a hit re-shipped after a crash (deleted and appended again after a fold, as crash recovery
 * does) once. The answers over such hits are EventStatsRollupTest's, ExpandedRollupTest's and VisitRollupTest's, on
 * every backend.
 */
class ReshippedHitsRollupTest {

    @Test
    void aReshippedEventCountsOnceInTheHourlyRollups() throws Exception {
        try (TestServer server = TestServer.start()) {
            assertThat(server.backend()).isEqualTo("duckdb");
            UUID w = UUID.fromString(server.createWebsite("Event reship", "example.com"));
            CollectedHit once = EventStatsRollupTest.event(w, UUID.randomUUID(), UUID.randomUUID(), "15:10", "buy");
            server.append(once);
            server.fold();
            server.server().stores().events().deleteEvents(List.of(once.event().eventId()));
            server.append(once);
            server.fold();
            assertThat(server.count("SELECT sum(events) FROM event_hour WHERE website_id = ?::UUID", w.toString())).isEqualTo(1);
            assertThat(server.count("SELECT sum(events) FROM event_type_hour WHERE website_id = ?::UUID", w.toString())).isEqualTo(1);
        }
    }

    @Test
    void aReshippedViewCountsOnceInTheDaySums() throws Exception {
        try (TestServer server = TestServer.start()) {
            UUID w = UUID.fromString(server.createWebsite("Expanded reship", "example.com"));
            UUID session = UUID.randomUUID(), visit = UUID.randomUUID();
            CollectedHit first = ExpandedRollupTest.at(ExpandedRollupTest.hit(w, session, visit, "10:00", "/r", null, null, null, null, 1), "2026-03-04");
            server.append(first, ExpandedRollupTest.at(ExpandedRollupTest.hit(w, session, visit, "10:05", "/r", null, null, null, null, 1), "2026-03-04"));
            server.fold();
            server.server().stores().events().deleteEvents(List.of(first.event().eventId()));
            server.append(first);
            server.fold();
            assertThat(server.count("SELECT sum(views) FROM visit_value_day WHERE website_id = ?::UUID AND kind = 1", w.toString())).isEqualTo(2);
        }
    }

    @Test
    void aReshippedViewRebuildsItsSession() throws Exception {
        try (TestServer server = TestServer.start()) {
            UUID w = UUID.fromString(server.createWebsite("Session rollup reship", "example.com"));
            UUID f = UUID.randomUUID();
            CollectedHit first = SessionRollupTest.hit(w, f, UUID.randomUUID(), "15:00", "/r", "edge-chromium", "SE", null, 1);
            server.append(first);
            server.fold();
            server.server().stores().events().deleteEvents(List.of(first.event().eventId()));
            server.append(first);
            server.fold();
            assertThat(SessionSpanRollupTest.span(server, f).toString()).isEqualTo("{activity=1, views=1, pageviews=1, events=0, visits=1, mixed=false}");
            // path, title, hostname and the channel (direct); no referrer, and no row for the missing query and tag (V28)
            String allKinds = java.util.Arrays.stream(SessionValueKind.values())
                    .map(k -> "SELECT n.session_id FROM " + k.sessionTable() + " v JOIN session_number n ON n.website_id = v.website_id AND n.num = v.session_num").collect(java.util.stream.Collectors.joining(" UNION ALL "));
            assertThat(server.count("SELECT count(*) FROM (" + allKinds + ") WHERE session_id = ?::UUID", f.toString())).isEqualTo(4);
            assertThat(server.count("SELECT sum(views) FROM session_hour WHERE session_id = ?::UUID", f.toString())).isEqualTo(1);
            assertThat(server.count("SELECT sum(views) FROM hour_gap WHERE website_id = ?::UUID", w.toString())).isEqualTo(1);
            assertThat(server.count("SELECT sum(sessions) FROM session_view_day WHERE website_id = ?::UUID", w.toString())).isEqualTo(1);
            assertThat(server.count("SELECT sum(views) FROM visit_day WHERE website_id = ?::UUID", w.toString())).isEqualTo(1);
        }
    }
}
