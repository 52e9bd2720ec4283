package io.footfall.http;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hourly rollup behind the pageviews series must give exactly what the event table gives, in zones
 * with whole-hour offsets (UTC, Berlin across the March DST change, New York, Tokyo) and with ranges cut
 * inside hours. Hits go in through the store interface, some folded, some pending, one hour arriving
 * late between two stored ones; the server runs with {@code QUERY_PATH=compare}, so each series (and weekly
 * heatmap) is checked against the raw-events reference.
 */
public class HourlySeriesTest {
    static TestServer server;
    static String site;

    @BeforeAll
    static void start() throws Exception {
        // QUERY_PATH=compare: the server checks every rollup answer against the raw-events reference (500 when they differ).
        server = TestServer.start(java.util.Map.of("QUERY_PATH", "compare"));
        site = server.createWebsite("Hourly", "example.com");
        UUID w = UUID.fromString(site);
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID();
        server.append(hit(w, a, "2026-03-28T22:10:00Z", 1), hit(w, a, "2026-03-28T23:20:00Z", 1), hit(w, b, "2026-03-29T00:30:00Z", 1),
                hit(w, b, "2026-03-29T00:40:00Z", 3));
        server.append(hit(w, a, "2026-03-29T01:05:00Z", 1), hit(w, c, "2026-03-29T01:59:59.999500Z", 1), hit(w, d, "2026-03-29T02:00:00Z", 2));
        server.fold();
        server.append(hit(w, a, "2026-03-29T00:15:00Z", 1), hit(w, b, "2026-03-30T09:00:00Z", 1), hit(w, c, "2026-03-29T23:30:00Z", 1),
                hit(w, d, "2026-03-30T22:45:00Z", 1));
        server.fold();
        server.append(hit(w, a, "2026-03-30T23:10:00Z", 1), hit(w, c, "2026-03-29T23:50:00Z", 4));
        // Weekly cells repeating: e at the same UTC week-hour on three Mondays, across New York's DST start
        // (8 March); f twice at the same week-hour without a change; e's later hits arrive first.
        UUID e = UUID.randomUUID(), f = UUID.randomUUID();
        server.append(hit(w, e, "2026-03-16T15:20:00Z", 1), hit(w, f, "2026-03-03T09:00:00Z", 2), hit(w, f, "2026-03-10T09:30:00Z", 1));
        server.fold();
        server.append(hit(w, e, "2026-03-02T15:00:00Z", 1), hit(w, e, "2026-03-09T15:10:00Z", 1), hit(w, e, "2026-03-09T16:00:00Z", 2));
    }

    public static CollectedHit hit(UUID website, UUID session, String at, int type) {
        Instant t = Instant.parse(at);
        var attrs = new Event.SessionAttributes("chrome", "Windows 10", "desktop", "1920x1080", "en-US", "DE", null, null, null);
        Event e = new Event(UUID.randomUUID(), website, session, UUID.randomUUID(), t, type, type == 2 ? "click" : null,
                new Event.Page("example.com", "/", null, "Home", null), Event.Referrer.NONE, Event.Campaign.NONE, attrs,
                Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), website, session, null, t, List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String series(String query) {
        return server.websiteJson(site, "pageviews?" + query).toString();
    }

    static String weekly(String query) {
        return server.websiteJson(site, "sessions/weekly?" + query).toString();
    }

    @Test
    void weeklyCountsASessionOncePerCell() {
        // UTC: e's views on Mondays 15:xx three times -> once (its custom event at 16:00 places it nowhere);
        // New York: 10:00 on 2 March, 11:xx on 9 and 16 March (after DST)
        String utc = weekly("timezone=UTC&" + range("2026-03-01T00:00:00Z", "2026-03-20T00:00:00Z"));
        assertThat(utc.substring(utc.indexOf("],[") + 3, utc.indexOf("],[", utc.indexOf("],[") + 1)))
                .isEqualTo("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0");
        String ny = weekly("timezone=America/New_York&" + range("2026-03-01T00:00:00Z", "2026-03-20T00:00:00Z"));
        assertThat(ny.substring(ny.indexOf("],[") + 3, ny.indexOf("],[", ny.indexOf("],[") + 1)))
                .isEqualTo("0,0,0,0,0,0,0,0,0,0,1,1,0,0,0,0,0,0,0,0,0,0,0,0");
    }

    @Test
    void weeklyCountsViewsNotCustomEvents() {
        // Sunday 29 March, UTC: 00 a, b (b also by its link hit); 01 a, c; 02 none: d's custom event places no session; 23 c
        String w = weekly("timezone=UTC&" + range("2026-03-28T00:00:00Z", "2026-03-31T23:59:59.999Z"));
        assertThat(w.substring(1, w.indexOf(']') + 1)).isEqualTo("[2,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1]");
    }

    static String range(String from, String to) {
        return TestServer.range(from, to);
    }

    @Test
    void exactSessionsPerDay() {
        String days = series("unit=day&timezone=UTC&" + range("2026-03-28T00:00:00Z", "2026-03-31T23:59:59.999Z"));
        // 28th: a (2 views); 29th: a, b, c (a 2, b 2 with its link hit, c 3 with its pixel hit; d's custom event is no view); 30th: b, d, a
        assertThat(days).contains("\"pageviews\":[{\"x\":\"2026-03-28 00:00:00\",\"y\":2},{\"x\":\"2026-03-29 00:00:00\",\"y\":7},"
                + "{\"x\":\"2026-03-30 00:00:00\",\"y\":3}]");
        assertThat(days).contains("\"sessions\":[{\"x\":\"2026-03-28 00:00:00\",\"y\":1},{\"x\":\"2026-03-29 00:00:00\",\"y\":3},"
                + "{\"x\":\"2026-03-30 00:00:00\",\"y\":3}]");
    }

    @Test
    void rollupAgreesWithTheEventTable() throws Exception {
        compareWithEvents();
        server.fold(); // DuckDB: nothing pending afterwards (io.footfall.duckdb.SessionHourRollupTest)
        compareWithEvents();
    }

    void compareWithEvents() {
        String[] ranges = {range("2026-03-28T00:00:00Z", "2026-03-31T23:59:59.999Z"), range("2026-03-28T23:00:00Z", "2026-03-30T23:00:00Z"),
                range("2026-03-28T22:30:00Z", "2026-03-30T09:00:00Z"), range("2026-03-29T00:20:00Z", "2026-03-29T01:59:59.999Z"),
                range("2026-03-29T00:00:00Z", "2026-03-29T02:00:00Z"), range("2026-03-01T00:00:00Z", "2026-03-31T23:59:59.999Z"),
                range("2026-03-02T15:30:00Z", "2026-03-20T00:00:00Z"), range("2026-03-09T00:00:00Z", "2026-03-17T00:00:00Z")};
        String[] queries = {"unit=day&timezone=UTC", "unit=day&timezone=Europe/Berlin", "unit=hour&timezone=Europe/Berlin",
                "unit=day&timezone=America/New_York", "unit=month&timezone=Asia/Tokyo", "unit=hour&timezone=UTC",
                "unit=day&timezone=Asia/Kolkata", "unit=day&timezone=UTC&compare=prev"};
        for (String r : ranges) {
            for (String q : queries) {
                String params = q + "&" + r;
                series(params); // checked against the reference by the server
            }
            for (String zone : new String[]{"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"}) {
                String params = "timezone=" + zone + "&" + r;
                weekly(params);
            }
        }
    }
}
