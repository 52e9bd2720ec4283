package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.footfall.testing.Traffic.CHROME_WIN;
import static io.footfall.testing.Traffic.FIREFOX_LINUX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly heatmap places a session by its pageviews only, as real Umami 3.1: a custom event puts no session
 * in a cell. A: pageview Tuesday 10 March 2026 10:05 UTC, custom event 11:10; B: a custom event alone at 12:30.
 * Only cell [2][10] holds a session, from the tail, from the folded rollup and from the event table.
 */
class WeeklyPageviewsOnlyTest {

    @Test
    void customEventsPlaceNoSessionInACell() {
        try (TestServer server = TestServer.start()) {
            String site = server.createWebsite("Weekly", "example.com");
            Traffic t = new Traffic(server, site);
            t.visitor("A", CHROME_WIN, "DE", null, null).view("2026-03-10T10:05:00Z", "/", null).event("2026-03-10T11:10:00Z", "/", "signup");
            t.visitor("B", FIREFOX_LINUX, "FR", null, null).event("2026-03-10T12:30:00Z", "/", "signup");
            List<String> ranges = List.of(TestServer.range("2026-03-09T00:00:00Z", "2026-03-15T23:59:59.999Z"), // whole hours: the rollup
                    TestServer.range("2026-03-10T10:04:00Z", "2026-03-10T12:40:00Z")); // cut hours: their events
            check(server, site, ranges, "tail");
            server.fold();
            check(server, site, ranges, "folded");
        }
    }

    private static void check(TestServer server, String site, List<String> ranges, String state) {
        for (String range : ranges) {
            for (String filter : List.of("", "&path=c./", "&browser=neq.none")) {
                JsonNode m = server.websiteJson(site, "sessions/weekly?timezone=UTC&" + range + filter);
                long total = 0;
                for (JsonNode day : m) for (JsonNode cell : day) total += cell.asLong();
                assertThat(m.get(2).get(10).asLong()).as(state + " " + range + filter).isEqualTo(1);
                assertThat(total).as(state + " " + range + filter + " " + m).isEqualTo(1);
            }
        }
    }
}
