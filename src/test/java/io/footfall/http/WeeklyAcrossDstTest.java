package io.footfall.http;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.footfall.http.HourlySeriesTest.hit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly heatmap from the hourly rollup across DST changes: a session active in one local cell before a
 * change and after it sits in two neighbouring UTC slots and must count once. Sessions here meet that in
 * both directions (Berlin's spring and autumn changes, New York's autumn one, one straddling the change's
 * hour), repeat a slot after the change, start before the range, live across two changes, cross a change of
 * two hours (Antarctica/Troll), arrive late and stay pending; every answer must equal the event table's
 * (the same request with {@code os=c.Windows}, a filter every hit matches).
 */
public class WeeklyAcrossDstTest {
    static TestServer server;
    static String site;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = sendTraffic(server);
    }

    /** Sends this class's sessions (some folded, some pending) to a new website of {@code server}; returns its id. */
    public static String sendTraffic(TestServer server) {
        String site = server.createWebsite("Weekly DST", "example.com");
        UUID w = UUID.fromString(site);
        UUID autumn = UUID.randomUUID(), spring = UUID.randomUUID(), straddle = UUID.randomUUID(), repeat = UUID.randomUUID();
        UUID early = UUID.randomUUID(), twoChanges = UUID.randomUUID(), newYork = UUID.randomUUID(), late = UUID.randomUUID();
        // Berlin, 25 Oct 01:00 UTC (+2 -> +1): Sun 12:xx local before and after; then 11:xx local in the slot the first hit had.
        server.append(hit(w, autumn, "2026-10-18T10:20:00Z", 1), hit(w, autumn, "2026-10-25T10:05:00Z", 1), hit(w, autumn, "2026-10-25T11:10:00Z", 1),
                // Berlin, 29 Mar 01:00 UTC (+1 -> +2): Sun 11:xx local before and after.
                hit(w, spring, "2026-03-22T10:30:00Z", 1), hit(w, spring, "2026-03-29T09:15:00Z", 2),
                // 02:50 CEST and 02:10 CET: one local hour, two UTC hours on either side of the change.
                hit(w, straddle, "2026-10-25T00:50:00Z", 1), hit(w, straddle, "2026-10-25T01:10:00Z", 1),
                // After the change twice in the same slot, once before in the slot below.
                hit(w, repeat, "2026-10-18T09:00:00Z", 1), hit(w, repeat, "2026-10-25T10:00:00Z", 1), hit(w, repeat, "2026-11-01T10:00:00Z", 1),
                // Before a range starting 20 Oct, then in it on either side of the change in one local cell.
                hit(w, early, "2026-10-18T10:00:00Z", 1), hit(w, early, "2026-10-21T10:00:00Z", 1), hit(w, early, "2026-10-28T11:00:00Z", 1),
                // Across both of 2026's changes.
                hit(w, twoChanges, "2026-03-22T10:00:00Z", 1), hit(w, twoChanges, "2026-03-29T09:00:00Z", 1),
                hit(w, twoChanges, "2026-10-18T09:00:00Z", 1), hit(w, twoChanges, "2026-10-25T10:00:00Z", 1),
                // New York, 1 Nov 06:00 UTC (-4 -> -5): Sun 10:xx local before and after.
                hit(w, newYork, "2026-10-25T14:00:00Z", 1), hit(w, newYork, "2026-11-01T15:30:00Z", 1));
        server.fold();
        // Later hits first: folding the earlier ones must relink the session's hours.
        server.append(hit(w, late, "2026-10-25T11:40:00Z", 1), hit(w, late, "2026-11-01T11:00:00Z", 1));
        server.fold();
        server.append(hit(w, late, "2026-10-18T10:40:00Z", 1));
        server.fold();
        // Pending: continues autumn in its cell, and starts a session across the change.
        UUID pending = UUID.randomUUID();
        server.append(hit(w, autumn, "2026-11-01T11:30:00Z", 1), hit(w, pending, "2026-10-18T10:00:00Z", 1), hit(w, pending, "2026-10-25T11:00:00Z", 1));
        return site;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String weekly(String query) {
        return server.websiteJson(site, "sessions/weekly?" + query).toString();
    }

    /** Sunday's 24 hours of a weekly answer. */
    static String sunday(String weekly) {
        return weekly.substring(2, weekly.indexOf(']'));
    }

    @Test
    void countsASessionOnceInACellItMeetsOnBothSidesOfAChange() {
        String berlin = weekly("timezone=Europe/Berlin&" + TestServer.range("2026-10-01T00:00:00Z", "2026-11-10T00:00:00Z"));
        // Sunday, local: 02 straddle; 11 autumn (25th 10:05 UTC), repeat, twoChanges (18th 09 UTC CEST, 25th 10 UTC CET);
        // 12 autumn (18th 10:20 CEST, 25th 11:10 and 1st 11:30 CET), early, late, pending; 15 and 16 newYork.
        String[] hours = sunday(berlin).split(",");
        assertThat(hours[2]).as("02 local").isEqualTo("1");
        assertThat(hours[11]).as("11 local").isEqualTo("3");
        assertThat(hours[12]).as("12 local").isEqualTo("4");
        assertThat(hours[15]).as("15 local").isEqualTo("1");
        assertThat(hours[16]).as("16 local").isEqualTo("1");
        assertThat(berlin).isEqualTo(weekly("timezone=Europe/Berlin&os=c.Windows&" + TestServer.range("2026-10-01T00:00:00Z", "2026-11-10T00:00:00Z")));
    }

    @Test
    void rollupAgreesWithTheEventTable() {
        String[][] ranges = {{"2026-10-01T00:00:00Z", "2026-11-10T00:00:00Z"}, {"2026-10-20T00:00:00Z", "2026-10-31T23:59:59.999Z"},
                {"2026-10-24T23:30:00Z", "2026-10-26T12:15:00Z"}, {"2026-10-25T01:00:00Z", "2026-11-02T00:00:00Z"},
                {"2026-03-01T00:00:00Z", "2026-11-30T00:00:00Z"}, {"2026-03-20T00:00:00Z", "2026-04-05T00:00:00Z"},
                {"2026-01-01T00:00:00Z", "2026-12-31T23:59:59.999Z"}, {"2026-10-18T10:00:00Z", "2026-11-01T11:00:00Z"}};
        for (String[] r : ranges) {
            for (String zone : new String[]{"UTC", "Europe/Berlin", "America/New_York", "Antarctica/Troll", "Australia/Sydney", "Asia/Tokyo"}) {
                String params = "timezone=" + zone + "&" + TestServer.range(r[0], r[1]);
                assertThat(weekly(params)).as(params).isEqualTo(weekly(params + "&os=c.Windows"));
            }
        }
        server.fold();
        for (String[] r : ranges) {
            for (String zone : new String[]{"Europe/Berlin", "America/New_York", "Antarctica/Troll"}) {
                String params = "timezone=" + zone + "&" + TestServer.range(r[0], r[1]);
                assertThat(weekly(params)).as("folded " + params).isEqualTo(weekly(params + "&os=c.Windows"));
            }
        }
    }
}
